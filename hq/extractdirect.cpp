// ExtractImporter, a new branch (issue 19): the rows go straight into `record` while the rest
// of the file is converted. Nothing there can conflict, change or be removed, so the stage,
// the comparison and the 4M-row sort that numbered the rows are not needed: the numbers are
// handed out per record type from a first count of the types (staff, then customers, then
// holdings, each in file order), the scope is the customer's RM from the file, and the owners
// follow in a second COPY. What the branch ends up holding is what the stage path writes
// (tst_importfastpath), except that within a type the numbers follow the file, not the ids.
#include "extractimporter.h"

#include "extractscan.h"
#include "extractsource.h"
#include "hqdatabase.h"

#include <charconv>

namespace {

const char *const kEntities[] = {"staff", "customer", "holding", "other"};

void appendNumber(QByteArray &out, qint64 n)
{
    char buf[24];
    const auto r = std::to_chars(buf, buf + sizeof buf, n);
    out.append(buf, r.ptr - buf);
}

// The COPY lines of a new branch's records and of its customers' owners, written as the
// rows are read; the records go to PostgreSQL a megabyte at a time. Nothing is written on a
// dry run: the rows are only counted.
class DirectRows
{
public:
    DirectRows(PgConnection &db, const QString &branch, qint64 base, const std::array<qint64, 4> &types,
               const std::vector<QByteArray> &rms, bool dryRun)
        : m_db(db), m_rms(rms), m_dryRun(dryRun),
          m_next{base + 1, base + 1 + types[0], base + 1 + types[0] + types[1]}
    {
        PgConnection::appendCopyField(m_branchText, branch);
    }

    // One good row; `owner`: the index in `rms` of its customer's RM, or -1 (ExtractImporter::Row).
    void take(const ExtractChunk &c, const ExtractRow &x, int owner)
    {
        ++m_seen[x.rank];
        if (m_dryRun)
            return;
        const QByteArrayView id = c.text(x.id, x.idLen);
        appendRecord(c, x, id, owner);
        if (x.rank == 1) {
            m_owners += m_branchText;
            m_owners += '\t';
            m_owners += id;
            m_owners += '\t';
            m_owners += c.text(x.rm, x.rmLen);
            m_owners += '\n';
        }
        if (m_buf.size() >= (1 << 20)) {
            m_db.copyPut(m_buf);
            m_buf.resize(0);
        }
    }
    // The rest of the records, then the owners in a second COPY.
    void finish()
    {
        m_db.copyPut(m_buf);
        m_db.copyEnd();
        m_db.copyBegin("COPY customer_owner (branch_id, customer_no, rm_id) FROM STDIN");
        m_db.copyPut(m_owners);
        m_db.copyEnd();
    }
    // Rows taken per record type (ExtractRecords::entityRank).
    const std::array<qint64, 4> &seen() const { return m_seen; }

private:
    void appendRecord(const ExtractChunk &c, const ExtractRow &x, QByteArrayView id, int owner)
    {
        m_buf += m_branchText;
        m_buf += '\t';
        m_buf += kEntities[x.rank];
        m_buf += '\t';
        m_buf += id;
        m_buf += '\t';
        appendNumber(m_buf, m_next[x.rank]++);
        m_buf += "\tf\t";
        m_buf.append(x.digest.data(), 64);
        m_buf += '\t';
        m_buf += c.text(x.payload, x.payloadLen);
        m_buf += "\thq\t";
        // Who may pull it: everyone (the roster), else its customer's RM; a holding whose
        // customer comes later in the file is scoped by the rescope below, from the owners.
        if (x.rank == 0)
            m_buf += '*';
        else if (owner >= 0)
            m_buf += m_rms[size_t(owner)];
        else
            m_buf += "\\N";
        m_buf += '\n';
    }

    PgConnection &m_db;
    const std::vector<QByteArray> &m_rms;
    const bool m_dryRun;
    QByteArray m_branchText;
    qint64 m_next[3];
    std::array<qint64, 4> m_seen{};
    QByteArray m_buf, m_owners;
};

} // namespace

ExtractImporter::Outcome ExtractImporter::direct(const QString &branch, qint64 base, ExtractSource &source, bool slow,
                                                 const Options &options, std::array<qint64, 4> *types, Report *report)
{
    report->direct = true;
    DirectRows rows(m_db, branch, base, *types, m_rms, options.dryRun);
    if (!options.dryRun)
        m_db.copyBegin("COPY record (branch_id, entity, record_id, seq, deleted, digest, payload, origin, scope)"
                       " FROM STDIN");
    const auto take = [&](const Row &r) { rows.take(*r.chunk, *r.row, r.owner); };
    const Outcome read = readRows(source, slow, report, take);
    const std::array<qint64, 4> &seen = rows.seen();
    const bool miscounted = !options.dryRun && (seen[0] != (*types)[0] || seen[1] != (*types)[1]);
    if (read != Outcome::Done || badRows(m_path, report) || miscounted) {
        if (!options.dryRun)
            m_db.copyAbort("the import stopped");
        if (read != Outcome::Done)
            return read;
        if (report->rowErrors.isEmpty() && miscounted) {
            *types = seen; // the first count was wrong (a type written oddly): number them again
            return Outcome::Recount;
        }
        return Outcome::Done;
    }
    for (int rank = 0; rank < 3; ++rank)
        report->perType[QLatin1String(kEntities[rank])] = Counts{int(seen[size_t(rank)]), 0, 0, 0};
    report->changed = report->rows;
    if (!removalsAllowed(options, report))
        return Outcome::Done;
    report->lastSeq = base;
    if (!options.dryRun) {
        rows.finish();
        report->lastSeq = base + report->rows;
        m_db.exec("UPDATE branch SET last_seq = $2 WHERE branch_id = $1", {branch, QString::number(report->lastSeq)});
        // The planner needs the new rows' counts; the payloads' statistics it never uses.
        m_db.exec("ANALYZE record (branch_id, entity, record_id, seq, deleted, origin, scope)");
        report->rescoped = HqDatabase(m_db).rescopeImported(branch, {});
    }
    report->ok = true;
    return Outcome::Done;
}
