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
#include "hqstore.h"

#include <charconv>

namespace {

const char *const kEntities[] = {"staff", "customer", "holding", "other"};

void appendNumber(QByteArray &out, qint64 n)
{
    char buf[24];
    const auto r = std::to_chars(buf, buf + sizeof buf, n);
    out.append(buf, r.ptr - buf);
}

} // namespace

ExtractImporter::Outcome ExtractImporter::direct(const QString &branch, qint64 base, ExtractSource &source, bool slow,
                                                 const Options &options, std::array<qint64, 4> *types, Report *report)
{
    report->direct = true;
    QByteArray branchText;
    PgConnection::appendCopyField(branchText, branch);
    qint64 next[3] = {base + 1, base + 1 + (*types)[0], base + 1 + (*types)[0] + (*types)[1]};
    std::array<qint64, 4> seen{};
    QByteArray buf, owners;
    if (!options.dryRun)
        m_db.copyBegin("COPY record (branch_id, entity, record_id, seq, deleted, digest, payload, origin, scope)"
                       " FROM STDIN");
    const auto take = [&](const Row &r) {
        const ExtractChunk &c = *r.chunk;
        const ExtractRow &x = *r.row;
        ++seen[x.rank];
        if (options.dryRun)
            return;
        const QByteArrayView id = c.text(x.id, x.idLen);
        buf += branchText;
        buf += '\t';
        buf += kEntities[x.rank];
        buf += '\t';
        buf += id;
        buf += '\t';
        appendNumber(buf, next[x.rank]++);
        buf += "\tf\t";
        buf.append(x.digest.data(), 64);
        buf += '\t';
        buf += c.text(x.payload, x.payloadLen);
        buf += "\thq\t";
        // Who may pull it: everyone (the roster), else its customer's RM; a holding whose
        // customer comes later in the file is scoped by the rescope below, from the owners.
        if (x.rank == 0)
            buf += '*';
        else if (r.owner >= 0)
            buf += m_rms[size_t(r.owner)];
        else
            buf += "\\N";
        buf += '\n';
        if (x.rank == 1) {
            owners += branchText;
            owners += '\t';
            owners += id;
            owners += '\t';
            owners += c.text(x.rm, x.rmLen);
            owners += '\n';
        }
        if (buf.size() >= (1 << 20)) {
            m_db.copyPut(buf);
            buf.resize(0);
        }
    };
    const Outcome read = readRows(source, slow, report, take);
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
        m_db.copyPut(buf);
        m_db.copyEnd();
        m_db.copyBegin("COPY customer_owner (branch_id, customer_no, rm_id) FROM STDIN");
        m_db.copyPut(owners);
        m_db.copyEnd();
        report->lastSeq = base + report->rows;
        m_db.exec("UPDATE branch SET last_seq = $2 WHERE branch_id = $1", {branch, QString::number(report->lastSeq)});
        // The planner needs the new rows' counts; the payloads' statistics it never uses.
        m_db.exec("ANALYZE record (branch_id, entity, record_id, seq, deleted, origin, scope)");
        report->rescoped = HqStore(m_db).rescopeImported(branch, {});
    }
    report->ok = true;
    return Outcome::Done;
}
