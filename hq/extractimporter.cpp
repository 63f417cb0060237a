#include "extractimporter.h"

#include "domain/csvreader.h"
#include "hqstore.h"
#include "sync/extractrecords.h"
#include "sync/wireformat.h"

#include <QFile>
#include <QtConcurrent>

#include <vector>

ExtractImporter::Report ExtractImporter::import(const QString &branch, const QString &path)
{
    Report report;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        report.error = QStringLiteral("%1: %2").arg(path, file.errorString());
        return report;
    }
    CsvReader csv(&file);
    QStringList fields;
    ExtractRecords converter;
    if (!csv.next(&fields) || !converter.setHeader(fields, &report.error)) {
        if (report.error.isEmpty())
            report.error = csv.error().isEmpty() ? QStringLiteral("the file is empty") : csv.error();
        report.error = QStringLiteral("%1: %2").arg(path, report.error);
        return report;
    }

    // Check every row and build the COPY stream before touching the database. Rows are read
    // in chunks; each chunk is converted (checks, canonical JSON, SHA-256, COPY line) on every
    // core, then taken in file order, so the first bad line is still the one reported.
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
    const auto convertRow = [&converter](const Row &row) {
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
        line += WireFormat::checksum(text).toHex(); // the same digest as HqStore's, through libcrypto
        line += '\t';
        PgConnection::appendCopyField(line, QString::fromUtf8(text));
        line += '\n';
        out.key = rec.entity + QLatin1Char('/') + rec.id;
        out.entity = rec.entity;
        out.id = rec.id;
        return out;
    };
    constexpr int kChunk = 8192;
    QByteArray copy;
    QSet<QString> seen;
    std::vector<Row> chunk;
    chunk.reserve(kChunk);
    bool more = true;
    while (more) {
        chunk.clear();
        while (int(chunk.size()) < kChunk && (more = csv.next(&fields))) {
            if (fields.size() == 1 && fields.first().isEmpty())
                continue; // blank line
            chunk.push_back(Row{fields, csv.line()});
        }
        const QList<Converted> converted = QtConcurrent::blockingMapped<QList<Converted>>(chunk, convertRow);
        for (qsizetype i = 0; i < converted.size(); ++i) {
            const Converted &c = converted.at(i);
            if (!c.error.isEmpty()) {
                report.error = QStringLiteral("%1: %2").arg(path, c.error);
                return report;
            }
            if (seen.contains(c.key)) {
                report.error = QStringLiteral("%1: line %2: %3 %4 appears twice")
                                   .arg(path)
                                   .arg(chunk[size_t(i)].line)
                                   .arg(c.entity, c.id);
                return report;
            }
            seen.insert(c.key);
            copy += c.copyLine;
            ++report.rows;
        }
    }
    if (!csv.error().isEmpty()) {
        report.error = QStringLiteral("%1: %2").arg(path, csv.error());
        return report;
    }

    PgTransaction tx(m_db);
    m_db.exec("INSERT INTO branch (branch_id, name) VALUES ($1, $1) ON CONFLICT DO NOTHING", {branch});
    // The counter row lock: pushes and other imports of this branch wait here,
    // so sequence numbers become visible in the order they were handed out.
    const qint64 base = m_db.exec("SELECT last_seq FROM branch WHERE branch_id = $1 FOR UPDATE", {branch}).int64(0, 0);
    m_db.exec("CREATE TEMP TABLE stage (rank int, entity text, record_id text, digest text, payload text) ON COMMIT DROP");
    m_db.copyIn("COPY stage FROM STDIN", copy);
    copy.clear();
    m_db.exec("CREATE TEMP TABLE changed ON COMMIT DROP AS"
              " SELECT s.* FROM stage s LEFT JOIN record r"
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
    report.changed = int(m_db.exec("SELECT count(*) FROM changed").int64(0, 0));
    report.removed = int(m_db.exec("SELECT count(*) FROM removed").int64(0, 0));
    report.unchanged = report.rows - report.changed;
    m_db.exec("INSERT INTO record (branch_id, entity, record_id, seq, deleted, digest, payload, origin)"
              " SELECT $1, entity, record_id, $2 + row_number() OVER (ORDER BY rank, entity, record_id),"
              "        false, digest, payload::jsonb, 'hq' FROM changed"
              " ON CONFLICT (branch_id, entity, record_id) DO UPDATE SET seq = EXCLUDED.seq, deleted = false,"
              "   digest = EXCLUDED.digest, payload = EXCLUDED.payload, origin = 'hq', updated_at = now()",
              {branch, QString::number(base)});
    // Tombstones after the upserts; removed holdings before their customers does not matter to a replica.
    m_db.exec("UPDATE record r SET deleted = true, payload = NULL, digest = '', updated_at = now(),"
              "   seq = $2 + x.n FROM (SELECT entity, record_id, row_number() OVER (ORDER BY rank DESC, entity, record_id) AS n"
              "                        FROM removed) x"
              " WHERE r.branch_id = $1 AND r.entity = x.entity AND r.record_id = x.record_id",
              {branch, QString::number(base + report.changed)});
    report.lastSeq = base + report.changed + report.removed;
    m_db.exec("UPDATE branch SET last_seq = $2 WHERE branch_id = $1", {branch, QString::number(report.lastSeq)});
    m_db.exec("ANALYZE record");
    tx.commit();
    report.ok = true;
    return report;
}
