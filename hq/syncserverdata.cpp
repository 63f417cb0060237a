// SyncServer's data half: pulls (from the page cache when it can, issue 19) and pushes.
#include "syncserver.h"

#include "protocol/schemaversion.h"
#include "requestdecoder.h"
#include "syncreply.h"
#include "protocol/wireformat.h"

#include <QCborValue>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QMutexLocker>

using namespace SyncReply;

// Off unless asked for (QT_LOGGING_RULES="branchdesk.hq.pagecache.debug=true"): one line per
// page served from or put into the cache, with the running counts; tst_pagecache reads them.
// Branch, viewer (staff and device ids) and cursor only: never a record.
Q_LOGGING_CATEGORY(lcPageCache, "branchdesk.hq.pagecache", QtInfoMsg)

namespace {

QHttpServerResponse deflated(const QByteArray &body)
{
    QHttpServerResponse r("application/cbor", body);
    r.addHeader("Content-Encoding", "deflate");
    return r;
}

// The page as JSON, for debugging with curl.
QHttpServerResponse jsonPage(const WireFormat::Page &page)
{
    std::vector<SyncRecord> records;
    QString err;
    WireFormat::decodeRecords(page.records, &records, &err);
    QJsonArray arr;
    for (const SyncRecord &r : records)
        arr.append(QJsonObject{{QStringLiteral("entity"), r.entity}, {QStringLiteral("id"), r.id},
                               {QStringLiteral("seq"), double(r.seq)}, {QStringLiteral("deleted"), r.deleted},
                               {QStringLiteral("data"), r.payload}});
    const QJsonObject o{{QStringLiteral("after"), double(page.after)}, {QStringLiteral("next"), double(page.next)},
                        {QStringLiteral("has_more"), page.hasMore},
                        {QStringLiteral("checksum_of_cbor_records"), QString::fromLatin1(page.checksum.toHex())},
                        {QStringLiteral("records"), arr}};
    return QHttpServerResponse("application/json", QJsonDocument(o).toJson(QJsonDocument::Compact));
}

} // namespace

QHttpServerResponse SyncServer::handleChanges(const QString &branch, const Request &req)
{
    try {
        HqDatabase::Session session;
        QHttpServerResponse denied(Status::Unauthorized);
        if (!authorize(req, branch, &session, &denied))
            return denied;
        const QUrlQuery &q = req.query;
        bool ok = true;
        const qint64 after = q.hasQueryItem(QStringLiteral("after")) ? q.queryItemValue(QStringLiteral("after")).toLongLong(&ok) : 0;
        if (!ok || after < 0)
            return error(req, Status::BadRequest, "bad_request", QStringLiteral("after must be a sequence number"));
        int limit = q.hasQueryItem(QStringLiteral("limit")) ? q.queryItemValue(QStringLiteral("limit")).toInt(&ok) : 5000;
        if (!ok || limit <= 0)
            return error(req, Status::BadRequest, "bad_request", QStringLiteral("limit must be positive"));
        limit = qMin(limit, m_options.maxPageSize);
        return page(session, after, limit, q.queryItemValue(QStringLiteral("full")) == QLatin1String("1"), req);
    } catch (const PgError &e) {
        dropConnection();
        return databaseDown(req, "changes", e);
    }
}

QHttpServerResponse SyncServer::page(const HqDatabase::Session &session, qint64 after, int limit, bool full, const Request &req)
{
    const bool deflate = req.acceptEncoding.contains("deflate") && !wantsJson(req);
    const bool cacheable = deflate && m_options.pageCacheBytes > 0 && m_options.corruptEveryNthPage == 0;
    const bool manager = session.role == QLatin1String("manager");
    // Managers all see the same pages; an RM's are theirs, shared by their devices only
    // when no device_id is in them (other devices' ids are blanked per device).
    const QString viewer = manager ? QStringLiteral("m") : QStringLiteral("r:") + session.staffId;
    const QString sharedKey = PageCache::key(session.branch, viewer, after, limit);
    const QString deviceKey = PageCache::key(session.branch, viewer + QLatin1Char(':') + session.deviceId, after, limit);
    auto bulkPull = [&](qsizetype bytes) {
        // Bulk pulls are on record: who, from which device, how much.
        if (after == 0 || bytes > 1024 * 1024)
            security(session.branch, QStringLiteral("bulk_pull"), session.staffId, session.deviceId,
                     QStringLiteral("after=%1 bytes=%2").arg(after).arg(bytes));
    };
    PageCache::Version version;
    if (cacheable) {
        PgResult b = connection().exec("SELECT last_seq, scoped_through, tombstone_floor FROM branch WHERE branch_id = $1",
                                       {session.branch});
        if (b.rows() == 1) {
            version = {b.int64(0, 0), b.int64(0, 1), b.int64(0, 2)};
            PageCache::Page hit;
            const bool resync = !full && after > 0 && after < version.tombstoneFloor;
            const bool found = !resync && (cachedPage(session.branch, sharedKey, version, &hit)
                                           || cachedPage(session.branch, deviceKey, version, &hit));
            if (found) {
                qCDebug(lcPageCache, "page cache hit branch=%s viewer=%s after=%lld limit=%d hits=%lld",
                        qPrintable(session.branch), qPrintable(viewer), after, limit, m_cache.hits());
                bulkPull(hit.recordBytes);
                return deflated(hit.deflated);
            }
        }
    }
    WireFormat::Page page = store().pull(session, after, limit, full);
    if (page.fullResync)
        return error(req, Status::Gone, "full_resync", QStringLiteral("The cursor is older than the oldest kept deletion: resync from 0"));
    {
        QMutexLocker lock(&m_mutex);
        ++m_pagesServed;
        if (m_options.corruptEveryNthPage > 0 && m_pagesServed % m_options.corruptEveryNthPage == 0)
            page.checksum[0] = char(page.checksum[0] ^ 0x5a);
    }
    bulkPull(page.records.size());
    if (wantsJson(req))
        return jsonPage(page);
    const QByteArray cbor = WireFormat::encodePage(page);
    if (!deflate)
        return QHttpServerResponse("application/cbor", cbor);
    PageCache::Page built{WireFormat::deflate(cbor), page.records.size()};
    if (cacheable && version.lastSeq >= 0) {
        const bool shared = manager || PageCache::deviceFree(page.records);
        m_cache.insert(shared ? sharedKey : deviceKey, version, built);
        qCDebug(lcPageCache, "page cache put branch=%s viewer=%s%s after=%lld limit=%d seq=%lld", qPrintable(session.branch),
                qPrintable(viewer), shared ? "" : " (this device)", after, limit, version.lastSeq);
    }
    return deflated(built.deflated);
}

bool SyncServer::cachedPage(const QString &branch, const QString &key, const PageCache::Version &version,
                            PageCache::Page *hit)
{
    PageCache::Version stale;
    if (m_cache.find(key, version, hit, &stale))
        return true;
    // Read what holds the numbers since only when the versions could allow it (every one an
    // audit entry is the best case).
    if (stale.lastSeq < 0 || !PageCache::onlyAuditSince(stale, version, version.lastSeq - stale.lastSeq, 0))
        return false;
    PgResult since = connection().exec("SELECT count(*) FILTER (WHERE entity = 'audit'), count(*) FILTER (WHERE entity <> 'audit')"
                                       "  + (SELECT count(*) FROM removal WHERE branch_id = $1 AND seq > $2 AND seq <= $3)"
                                       " FROM record WHERE branch_id = $1 AND seq > $2 AND seq <= $3",
                                       {branch, QString::number(stale.lastSeq), QString::number(version.lastSeq)});
    return PageCache::onlyAuditSince(stale, version, since.int64(0, 0), since.int64(0, 1))
           && m_cache.restamp(key, stale, version, hit);
}

QHttpServerResponse SyncServer::handlePush(const QString &branch, const Request &req)
{
    try {
        HqDatabase::Session session;
        QHttpServerResponse denied(Status::Unauthorized);
        if (!authorize(req, branch, &session, &denied))
            return denied;
        QString err;
        QByteArray body;
        bool tooLarge = false;
        if (!RequestDecoder::body(req.body, req.contentEncoding, m_options.maxBodyBytes, &body, &err, &tooLarge))
            return error(req, tooLarge ? Status::PayloadTooLarge : Status::BadRequest, tooLarge ? "too_large" : "bad_request", err);
        WireFormat::PushBatch batch;
        RequestDecoder::push(body, RequestDecoder::format(req.contentType), &batch, &err);
        if (!err.isEmpty())
            return error(req, Status::BadRequest, "bad_request", err);
        // This build reads the current schema and the ones before it, so a laptop
        // that was offline through an upgrade can still send what it holds.
        if (batch.schemaVersion < 1 || batch.schemaVersion > kSchemaVersion)
            return error(req, Status::BadRequest, "schema",
                         QStringLiteral("push schema version %1 is not supported").arg(batch.schemaVersion));
        WireFormat::PushResult result;
        switch (store().push(session, batch, &result, &err)) {
        case HqDatabase::PushStatus::Ok:
            break;
        case HqDatabase::PushStatus::DeviceSequenceReused:
            return error(req, Status::Conflict, "device_sequence_reused",
                         QStringLiteral("These change numbers were already used by this device for other records"));
        case HqDatabase::PushStatus::Rejected:
            security(session.branch, QStringLiteral("push_rejected"), session.staffId, session.deviceId, err);
            return error(req, Status::UnprocessableEntity, "rejected", err);
        }
        if (!result.refused.empty())
            security(session.branch, QStringLiteral("records_refused"), session.staffId, session.deviceId,
                     QStringLiteral("count=%1 first=%2").arg(result.refused.size()).arg(result.refused.front().reason));
        if (wantsJson(req))
            return QHttpServerResponse("application/json",
                                       QJsonDocument(QCborValue::fromCbor(WireFormat::encodePushResult(result)).toMap().toJsonObject())
                                           .toJson(QJsonDocument::Compact));
        return QHttpServerResponse("application/cbor", WireFormat::encodePushResult(result));
    } catch (const PgError &e) {
        dropConnection();
        return databaseDown(req, "push", e);
    }
}
