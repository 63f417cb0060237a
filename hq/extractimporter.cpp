#include "extractimporter.h"

#include "bytekeymap.h"
#include "extractsource.h"
#include "hqdatabase.h"

#include <QDir>
#include <QHash>

namespace {

const char *const kEntities[] = {"staff", "customer", "holding", "other"};

// A text from the arena as it was before COPY's escaping, for a message.
QString unescaped(QByteArrayView copyText)
{
    QByteArray out;
    for (qsizetype i = 0; i < copyText.size(); ++i) {
        char c = copyText[i];
        if (c == '\\' && i + 1 < copyText.size()) {
            c = copyText[++i];
            c = c == 't' ? '\t' : c == 'n' ? '\n' : c == 'r' ? '\r' : c;
        }
        out += c;
    }
    return QString::fromUtf8(out);
}

} // namespace

QString ExtractImporter::Report::summary() const
{
    QString s;
    for (const char *type : {"staff", "customer", "holding"}) {
        const Counts c = perType.value(QLatin1String(type));
        s += QStringLiteral("%1: new %2 changed %3 unchanged %4 removed %5\n")
                 .arg(QLatin1String(type))
                 .arg(c.added)
                 .arg(c.changed)
                 .arg(c.unchanged)
                 .arg(c.removed);
    }
    return s;
}

ExtractImporter::Outcome ExtractImporter::readRows(ExtractSource &source, bool slow, Report *report, const RowSink &take)
{
    // Keys are the rank and the record id; a customer's value is its RM's index in m_rms.
    ByteKeyMap seen(1 << 20);
    QHash<QByteArray, int> rmIndex;
    m_rms.clear();
    QByteArray key;
    const auto takeChunk = [&](ExtractChunk &chunk) {
        for (const ExtractRow &row : chunk.rows) {
            if (row.error >= 0) {
                report->rowErrors << chunk.errors.at(row.error);
                continue;
            }
            const QByteArrayView id = chunk.text(row.id, row.idLen);
            key.resize(0);
            key += char('0' + row.rank);
            key += id;
            int owner = -1;
            if (row.rank == 1) {
                const QByteArray rm = chunk.text(row.rm, row.rmLen).toByteArray();
                owner = int(rmIndex.value(rm, int(m_rms.size())));
                if (owner == int(m_rms.size())) {
                    rmIndex.insert(rm, owner);
                    m_rms.push_back(rm);
                }
            }
            if (!seen.insert(key, owner)) {
                report->rowErrors << QStringLiteral("line %1: %2 %3 appears twice")
                                         .arg(row.line)
                                         .arg(QLatin1String(kEntities[row.rank]), unescaped(id));
                continue;
            }
            ++report->rows;
            if (!report->rowErrors.isEmpty())
                continue; // nothing will be imported: only the rest of the bad rows matter now
            if (row.rank == 2) {
                key.resize(0);
                key += '1';
                key += chunk.text(row.customer, row.customerLen);
                owner = seen.value(key);
            }
            take(Row{&chunk, &row, owner});
        }
    };
    if (source.read(slow, takeChunk) == ExtractSource::Read::Unsupported)
        return Outcome::ReadSlowly;
    return Outcome::Done;
}

bool ExtractImporter::badRows(const QString &path, Report *report) const
{
    if (report->rowErrors.isEmpty())
        return false;
    report->error = QStringLiteral("%1: %2 bad row(s), listed above; nothing was imported")
                        .arg(QDir::toNativeSeparators(path))
                        .arg(report->rowErrors.size());
    return true;
}

void ExtractImporter::countChanges(const QString &branch, Report *report)
{
    for (const QString &type : {QStringLiteral("staff"), QStringLiteral("customer"), QStringLiteral("holding")})
        report->perType.insert(type, Counts{});
    const PgResult staged = m_db.exec("SELECT s.entity, count(*), count(c.record_id) FILTER (WHERE c.is_new),"
                                      "  count(c.record_id) FILTER (WHERE NOT c.is_new)"
                                      " FROM stage s LEFT JOIN changed c ON c.entity = s.entity AND c.record_id = s.record_id"
                                      " GROUP BY s.entity");
    for (int r = 0; r < staged.rows(); ++r) {
        Counts &c = report->perType[staged.text(r, 0)];
        c.added = int(staged.int64(r, 2));
        c.changed = int(staged.int64(r, 3));
        c.unchanged = int(staged.int64(r, 1)) - c.added - c.changed;
        report->changed += c.added + c.changed;
    }
    const PgResult removed = m_db.exec("SELECT entity, count(*) FROM removed GROUP BY entity");
    for (int r = 0; r < removed.rows(); ++r) {
        report->perType[removed.text(r, 0)].removed = int(removed.int64(r, 1));
        report->removed += int(removed.int64(r, 1));
    }
    report->unchanged = report->rows - report->changed;
    report->customersBefore = int(m_db.exec("SELECT count(*) FROM record WHERE branch_id = $1 AND entity = 'customer'"
                                            " AND NOT deleted AND origin = 'hq'",
                                            {branch})
                                      .int64(0, 0));
}

bool ExtractImporter::removalsAllowed(const Options &options, Report *report) const
{
    const Counts customers = report->perType.value(QStringLiteral("customer"));
    const int staged = customers.added + customers.changed + customers.unchanged;
    const int removing = customers.removed;
    const bool suspicious = staged == 0 || removing > report->customersBefore * options.removalShare;
    if (!suspicious || (options.allowRemovals >= 0 && removing <= options.allowRemovals))
        return true;
    report->refused = true;
    QString why = staged == 0 ? QStringLiteral("the file has no customer rows (header only, or cut short?)")
                              : QStringLiteral("that is more than %1% of them (a file cut short?)")
                                    .arg(options.removalShare * 100);
    report->error = QStringLiteral("refused: this import would remove %1 of the branch's %2 customers and %3 holdings; "
                                   "%4. If that is expected, run it again with --allow-removals %1")
                        .arg(removing)
                        .arg(report->customersBefore)
                        .arg(report->perType.value(QStringLiteral("holding")).removed)
                        .arg(why);
    if (options.allowRemovals >= 0)
        report->error += QStringLiteral(" (--allow-removals %1 was given)").arg(options.allowRemovals);
    return false;
}

ExtractImporter::Outcome ExtractImporter::throughStage(const QString &branch, qint64 base, ExtractSource &source,
                                                       bool slow, const Options &options, Report *report)
{
    m_db.exec("CREATE TEMP TABLE stage (rank int, entity text, record_id text, customer_no text, rm_id text,"
              " digest text, payload text) ON COMMIT DROP");
    // The rows stream into the stage while the rest of the file is converted.
    m_db.copyBegin("COPY stage FROM STDIN");
    QByteArray buf;
    const auto take = [&](const Row &r) {
        const ExtractChunk &c = *r.chunk;
        const ExtractRow &x = *r.row;
        buf += char('0' + x.rank);
        buf += '\t';
        buf += kEntities[x.rank];
        buf += '\t';
        buf += c.text(x.id, x.idLen);
        buf += '\t';
        // The customer a record concerns and a customer's RM, as columns: the import scopes
        // the new rows by them without taking the JSON apart again in PostgreSQL.
        buf += c.text(x.customer, x.customerLen);
        buf += '\t';
        buf += c.text(x.rm, x.rmLen);
        buf += '\t';
        buf.append(x.digest.data(), 64);
        buf += '\t';
        buf += c.text(x.payload, x.payloadLen);
        buf += '\n';
        if (buf.size() >= (1 << 20)) {
            m_db.copyPut(buf);
            buf.resize(0);
        }
    };
    const Outcome read = readRows(source, slow, report, take);
    if (read != Outcome::Done || badRows(m_path, report)) {
        m_db.copyAbort("the extract has bad rows");
        return read;
    }
    m_db.copyPut(buf);
    m_db.copyEnd();
    return applyStage(branch, base, options, report);
}

ExtractImporter::Outcome ExtractImporter::applyStage(const QString &branch, qint64 base, const Options &options,
                                                     Report *report)
{
    m_db.exec("CREATE TEMP TABLE changed ON COMMIT DROP AS"
              " SELECT s.*, (r.record_id IS NULL OR r.deleted) AS is_new,"
              // a customer HQ knows (live or removed) that may change hands: see `moved` below
              "   (s.entity = 'customer' AND r.record_id IS NOT NULL"
              "    AND (r.deleted OR coalesce(r.payload->>'rm_id', '') <> s.rm_id)) AS moved"
              " FROM stage s LEFT JOIN record r"
              "   ON r.branch_id = $1 AND r.entity = s.entity AND r.record_id = s.record_id"
              " WHERE r.record_id IS NULL OR r.deleted OR r.digest <> s.digest",
              {branch});
    m_db.exec("CREATE TEMP TABLE removed ON COMMIT DROP AS"
              " SELECT r.entity, r.record_id,"
              "   CASE r.entity WHEN 'staff' THEN 0 WHEN 'customer' THEN 1 ELSE 2 END AS rank"
              " FROM record r WHERE r.branch_id = $1 AND NOT r.deleted AND r.origin = 'hq'"
              "   AND r.entity IN ('staff', 'customer', 'holding')"
              "   AND NOT EXISTS (SELECT 1 FROM stage s WHERE s.entity = r.entity AND s.record_id = r.record_id)",
              {branch});
    countChanges(branch, report);
    if (!removalsAllowed(options, report))
        return Outcome::Done;
    if (options.dryRun) {
        report->ok = true;
        report->lastSeq = base;
        return Outcome::Done;
    }
    writeStaged(branch, base, report);
    report->ok = true;
    return Outcome::Done;
}

void ExtractImporter::writeStaged(const QString &branch, qint64 base, Report *report)
{
    // Who may pull a new record is known from the file (its customer's RM, or the manager's
    // assignment already at HQ), so it is written with the row: scoping a new branch afterwards
    // rewrote every row a second time. A record that already exists keeps its scope here, so
    // the rescope below sees who loses it and sends them its removal.
    m_db.exec("CREATE TEMP TABLE owner ON COMMIT DROP AS"
              " SELECT s.record_id AS customer_no, coalesce(a.payload->>'rm_id', s.rm_id, '') AS rm_id"
              " FROM changed s LEFT JOIN record a ON a.branch_id = $1 AND a.entity = 'assignment'"
              "   AND a.record_id = s.record_id AND NOT a.deleted"
              " WHERE s.entity = 'customer' AND s.is_new",
              {branch});
    m_db.exec("INSERT INTO customer_owner (branch_id, customer_no, rm_id) SELECT $1, customer_no, rm_id FROM owner"
              " ON CONFLICT (branch_id, customer_no) DO UPDATE SET rm_id = EXCLUDED.rm_id",
              {branch});
    if (report->removed > 0)
        m_db.exec("DELETE FROM customer_owner o USING removed x WHERE o.branch_id = $1 AND x.entity = 'customer'"
                  " AND o.customer_no = x.record_id",
                  {branch});
    // Customers already at HQ whose RM in the file differs from the one stored (or that come
    // back after a removal): their records may change hands, which the rescope below works out.
    QStringList moved;
    const PgResult m = m_db.exec("SELECT record_id FROM changed WHERE moved");
    for (int i = 0; i < m.rows(); ++i)
        moved << m.text(i, 0);
    // A branch's first import cannot conflict: a plain insert skips a probe per row.
    const QByteArray insert =
        QByteArray("INSERT INTO record (branch_id, entity, record_id, seq, deleted, digest, payload, origin, scope)"
                   " SELECT $1, c.entity, c.record_id, $2 + row_number() OVER (ORDER BY c.rank, c.entity, c.record_id),"
                   "        false, c.digest, c.payload::jsonb, 'hq',"
                   "        CASE WHEN NOT c.is_new THEN NULL WHEN c.entity = 'staff' THEN '*' ELSE o.rm_id END"
                   " FROM changed c LEFT JOIN owner o ON o.customer_no = c.customer_no")
        + QByteArray(base == 0 ? ""
                               : " ON CONFLICT (branch_id, entity, record_id) DO UPDATE SET seq = EXCLUDED.seq,"
                                 "   deleted = false, digest = EXCLUDED.digest, payload = EXCLUDED.payload,"
                                 "   origin = 'hq', updated_at = now(),"
                                 "   scope = CASE WHEN record.deleted THEN EXCLUDED.scope ELSE record.scope END");
    m_db.exec(insert.constData(), {branch, QString::number(base)});
    // Tombstones after the upserts; removed holdings before their customers does not matter to a replica.
    if (report->removed > 0)
        m_db.exec("UPDATE record r SET deleted = true, payload = NULL, digest = '', updated_at = now(),"
                  "   seq = $2 + x.n FROM (SELECT entity, record_id, row_number() OVER (ORDER BY rank DESC, entity, record_id) AS n"
                  "                        FROM removed) x"
                  " WHERE r.branch_id = $1 AND r.entity = x.entity AND r.record_id = x.record_id",
                  {branch, QString::number(base + report->changed)});
    report->lastSeq = base + report->changed + report->removed;
    m_db.exec("UPDATE branch SET last_seq = $2 WHERE branch_id = $1", {branch, QString::number(report->lastSeq)});
    // The planner needs the new rows' counts; the payloads' statistics it never uses (and they cost most).
    if (report->changed + report->removed > 0)
        m_db.exec("ANALYZE record (branch_id, entity, record_id, seq, deleted, origin, scope)");
    // Who may pull what follows the extract's RMs (issue 15), in the same transaction: no
    // desktop ever pulls a record of this import before it is scoped.
    report->rescoped = HqDatabase(m_db).rescopeImported(branch, moved);
}

ExtractImporter::Report ExtractImporter::import(const QString &branch, const QString &path, const Options &options)
{
    Report report;
    ExtractSource source;
    if (!source.open(path, &report.error))
        return report;
    m_path = path;
    bool slow = false;
    std::array<qint64, 4> types = source.countTypes();
    for (;;) {
        report = Report{};
        report.format = source.format();
        report.encoding = source.encoding();
        report.titleRows = source.titleRows();
        PgTransaction tx(m_db); // rolled back unless committed: a refusal, a dry run or a bad row changes nothing
        m_db.exec("INSERT INTO branch (branch_id, name) VALUES ($1, $1) ON CONFLICT DO NOTHING", {branch});
        // The counter row lock: pushes and other imports of this branch wait here,
        // so sequence numbers become visible in the order they were handed out.
        const qint64 base = m_db.exec("SELECT last_seq FROM branch WHERE branch_id = $1 FOR UPDATE", {branch}).int64(0, 0);
        // A branch HQ holds nothing of (no record, no owner) takes the rows as they come. Its
        // numbers are handed out per record type before the rows are read, so the first count
        // of the types must be there; a file without customers goes the long way to be refused.
        const bool empty = options.direct && types[1] > 0
                           && m_db.exec("SELECT NOT EXISTS (SELECT 1 FROM record WHERE branch_id = $1)"
                                        " AND NOT EXISTS (SELECT 1 FROM customer_owner WHERE branch_id = $1)",
                                        {branch})
                                  .boolean(0, 0);
        const Outcome outcome = empty ? direct(branch, base, source, slow, options, &types, &report)
                                      : throughStage(branch, base, source, slow, options, &report);
        if (outcome == Outcome::ReadSlowly) {
            slow = true; // the line scanner gave up: read the file row by row, as before it
            types = {-1, -1, -1, -1}; // and through the stage
        }
        if (outcome == Outcome::Done) {
            if (report.ok && !options.dryRun)
                tx.commit();
            return report;
        }
    }
}
