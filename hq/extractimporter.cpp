#include "extractimporter.h"

#include "domain/importtablereader.h"
#include "domain/importvalue.h"
#include "hqstore.h"
#include "sync/extractrecords.h"
#include "sync/wireformat.h"

#include <QDir>
#include <QSet>
#include <QtConcurrent>

#include <vector>

namespace {

struct Row
{
    QStringList fields;
    int line = 0;
};

struct Converted
{
    QString key; // entity/id, for the duplicate check
    QString entity;
    QString id;
    QByteArray copyLine;
    QString error;
};

Converted convertRow(const ExtractRecords &converter, const Row &row)
{
    Converted out;
    SyncRecord rec;
    if (!converter.convert(row.fields, row.line, &rec, &out.error))
        return out;
    const QByteArray text = HqStore::payloadText(rec.payload).toUtf8();
    QByteArray &line = out.copyLine;
    line.reserve(text.size() + rec.id.size() + 96);
    line += QByteArray::number(ExtractRecords::entityRank(rec.entity));
    line += '\t';
    PgConnection::appendCopyField(line, rec.entity);
    line += '\t';
    PgConnection::appendCopyField(line, rec.id);
    line += '\t';
    // The customer a record concerns and a customer's RM, as columns: the import scopes
    // the new rows by them without taking the JSON apart again in PostgreSQL.
    PgConnection::appendCopyField(line, rec.payload.value(QLatin1String("customer_no")).toString());
    line += '\t';
    PgConnection::appendCopyField(line, rec.payload.value(QLatin1String("rm_id")).toString());
    line += '\t';
    line += WireFormat::checksum(text).toHex(); // the same digest as HqStore's, through libcrypto
    line += '\t';
    PgConnection::appendCopyField(line, QString::fromUtf8(text));
    line += '\n';
    out.key = rec.entity + QLatin1Char('/') + rec.id;
    out.entity = rec.entity;
    out.id = rec.id;
    return out;
}

// An .xlsx holds dates as serial day numbers and drops trailing empty cells: give the
// converter what a CSV row would have been.
void fromWorkbook(const QStringList &header, QStringList *cells)
{
    static const QStringList dateColumns = {QStringLiteral("birth_date"), QStringLiteral("loan_start_date"),
                                            QStringLiteral("last_activity"), QStringLiteral("opened_on"),
                                            QStringLiteral("open_date"), QStringLiteral("maturity_date")};
    while (cells->size() < header.size())
        cells->append(QString());
    for (qsizetype i = 0; i < header.size(); ++i) {
        if (!dateColumns.contains(header.at(i)) || cells->at(i).isEmpty())
            continue;
        if (const auto d = ImportValue::date(cells->at(i), true))
            (*cells)[i] = d->toString(Qt::ISODate);
    }
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

bool ExtractImporter::readExtract(const QString &path, Report *report, QByteArray *copy)
{
    const QString where = QDir::toNativeSeparators(path);
    ImportTableReader reader;
    const auto isHeader = [](const QStringList &cells) { return cells.contains(QLatin1String("record_type")); };
    if (!reader.open(path, isHeader, &report->error))
        return false;
    report->format = reader.format();
    report->encoding = reader.encoding();
    report->titleRows = reader.titleRows();
    const QStringList header = reader.header();
    ExtractRecords converter;
    if (!isHeader(header)) {
        report->error = QStringLiteral("%1: no header row with a record_type column in its first %2 rows: is it the "
                                       "core-banking extract (docs/data-formats.md)?")
                            .arg(where)
                            .arg(ImportTableReader::kHeaderSearchRows);
        return false;
    }
    if (!converter.setHeader(header, &report->error)) {
        report->error = QStringLiteral("%1: %2").arg(where, report->error.replace(QLatin1String("line 1"),
                                                                                   QStringLiteral("line %1").arg(reader.headerLine())));
        return false;
    }
    // Every row is checked before the database is touched. Rows are read in chunks; each chunk
    // is converted (checks, canonical JSON, SHA-256, COPY line) on every core, then taken in
    // file order, so the bad rows are reported in the order of the file.
    const bool xlsx = reader.format() == QLatin1String("xlsx");
    constexpr int kChunk = 8192;
    QSet<QString> seen;
    std::vector<Row> chunk;
    chunk.reserve(kChunk);
    XlsxReader::Row raw;
    bool malformed = false;
    bool more = true;
    while (more) {
        chunk.clear();
        while (int(chunk.size()) < kChunk && (more = reader.next(&raw, &malformed))) {
            if (malformed) {
                report->rowErrors << QStringLiteral("line %1: a quote opens a field that is not closed where it should "
                                                    "be; the row cannot be read")
                                         .arg(raw.line);
                continue;
            }
            if (xlsx)
                fromWorkbook(header, &raw.cells);
            chunk.push_back(Row{std::move(raw.cells), raw.line});
        }
        const QList<Converted> converted = QtConcurrent::blockingMapped<QList<Converted>>(
            chunk, [&converter](const Row &row) { return convertRow(converter, row); });
        for (qsizetype i = 0; i < converted.size(); ++i) {
            const Converted &c = converted.at(i);
            if (!c.error.isEmpty()) {
                report->rowErrors << c.error;
                continue;
            }
            if (seen.contains(c.key)) {
                report->rowErrors << QStringLiteral("line %1: %2 %3 appears twice").arg(chunk[size_t(i)].line).arg(c.entity, c.id);
                continue;
            }
            seen.insert(c.key);
            *copy += c.copyLine;
            ++report->rows;
        }
    }
    if (!report->rowErrors.isEmpty()) {
        report->error = QStringLiteral("%1: %2 bad row(s), listed above; nothing was imported")
                            .arg(where)
                            .arg(report->rowErrors.size());
        return false;
    }
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

ExtractImporter::Report ExtractImporter::import(const QString &branch, const QString &path, const Options &options)
{
    Report report;
    QByteArray copy;
    if (!readExtract(path, &report, &copy))
        return report;

    PgTransaction tx(m_db); // rolled back unless committed: a refusal or a dry run changes nothing
    m_db.exec("INSERT INTO branch (branch_id, name) VALUES ($1, $1) ON CONFLICT DO NOTHING", {branch});
    // The counter row lock: pushes and other imports of this branch wait here,
    // so sequence numbers become visible in the order they were handed out.
    const qint64 base = m_db.exec("SELECT last_seq FROM branch WHERE branch_id = $1 FOR UPDATE", {branch}).int64(0, 0);
    m_db.exec("CREATE TEMP TABLE stage (rank int, entity text, record_id text, customer_no text, rm_id text,"
              " digest text, payload text) ON COMMIT DROP");
    m_db.copyIn("COPY stage FROM STDIN", copy);
    copy.clear();
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
    countChanges(branch, &report);
    if (!removalsAllowed(options, &report))
        return report;
    if (options.dryRun) {
        report.ok = true;
        report.lastSeq = base;
        return report;
    }
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
    if (report.removed > 0)
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
    if (report.removed > 0)
        m_db.exec("UPDATE record r SET deleted = true, payload = NULL, digest = '', updated_at = now(),"
                  "   seq = $2 + x.n FROM (SELECT entity, record_id, row_number() OVER (ORDER BY rank DESC, entity, record_id) AS n"
                  "                        FROM removed) x"
                  " WHERE r.branch_id = $1 AND r.entity = x.entity AND r.record_id = x.record_id",
                  {branch, QString::number(base + report.changed)});
    report.lastSeq = base + report.changed + report.removed;
    m_db.exec("UPDATE branch SET last_seq = $2 WHERE branch_id = $1", {branch, QString::number(report.lastSeq)});
    // The planner needs the new rows' counts; the payloads' statistics it never uses (and they cost most).
    if (report.changed + report.removed > 0)
        m_db.exec("ANALYZE record (branch_id, entity, record_id, seq, deleted, origin, scope)");
    // Who may pull what follows the extract's RMs (issue 15), in the same transaction: no
    // desktop ever pulls a record of this import before it is scoped.
    report.rescoped = HqStore(m_db).rescopeImported(branch, moved);
    tx.commit();
    report.ok = true;
    return report;
}
