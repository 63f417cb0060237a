#include "syncserver.h"

#include "requestdecoder.h"
#include "store/schemamigrations.h"
#include "sync/wireformat.h"

#include <QCborMap>
#include <QCborValue>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrlQuery>

namespace {

bool wantsJson(const QHttpServerRequest &r)
{
    return r.value("Accept").contains("application/json");
}

QHttpServerResponse reply(const QHttpServerRequest &req, const QCborMap &body,
                          QHttpServerResponse::StatusCode status = QHttpServerResponse::StatusCode::Ok)
{
    if (wantsJson(req))
        return QHttpServerResponse("application/json", QJsonDocument(body.toJsonObject()).toJson(QJsonDocument::Compact), status);
    const QByteArray cbor = body.toCborValue().toCbor();
    if (req.value("Accept-Encoding").contains("deflate") && cbor.size() > 512) {
        QHttpServerResponse r("application/cbor", WireFormat::deflate(cbor), status);
        r.addHeader("Content-Encoding", "deflate");
        return r;
    }
    return QHttpServerResponse("application/cbor", cbor, status);
}

QHttpServerResponse error(const QHttpServerRequest &req, QHttpServerResponse::StatusCode status, const char *code,
                          const QString &message)
{
    QCborMap m;
    m.insert(QLatin1String("error"), QString::fromLatin1(code));
    m.insert(QLatin1String("message"), message);
    return reply(req, m, status);
}

} // namespace

SyncServer::SyncServer(PgConnection &db, Options options, QObject *parent)
    : QObject(parent), m_db(db), m_store(db), m_options(options)
{
    m_clock.start();
    m_server.route(QStringLiteral("/v1/health"), QHttpServerRequest::Method::Get, [](const QHttpServerRequest &req) {
        QCborMap m;
        m.insert(QLatin1String("ok"), true);
        m.insert(QLatin1String("protocol"), WireFormat::kProtocolVersion);
        return reply(req, m);
    });
    m_server.route(QStringLiteral("/v1/login"), QHttpServerRequest::Method::Post,
                   [this](const QHttpServerRequest &req) { return handleLogin(req); });
    m_server.route(QStringLiteral("/v1/branches/<arg>/changes"), QHttpServerRequest::Method::Get,
                   [this](const QString &branch, const QHttpServerRequest &req) { return handleChanges(branch, req); });
    m_server.route(QStringLiteral("/v1/branches/<arg>/push"), QHttpServerRequest::Method::Post,
                   [this](const QString &branch, const QHttpServerRequest &req) { return handlePush(branch, req); });
}

qint64 SyncServer::retryAfterSeconds(const QString &key) const
{
    const auto it = m_throttle.constFind(key);
    if (it == m_throttle.constEnd() || it->blockedUntilMs <= m_clock.elapsed())
        return 0;
    return (it->blockedUntilMs - m_clock.elapsed() + 999) / 1000;
}

void SyncServer::recordFailure(const QString &key, int freeTries)
{
    Throttle &t = m_throttle[key];
    ++t.failures;
    if (t.failures >= freeTries) {
        const qint64 waitMs = qMin<qint64>(1000LL << qMin(t.failures - freeTries, 20), 15 * 60 * 1000);
        t.blockedUntilMs = m_clock.elapsed() + waitMs;
    }
}

quint16 SyncServer::listen(const QHostAddress &address, quint16 port)
{
    return m_server.listen(address, port);
}

bool SyncServer::authorize(const QHttpServerRequest &request, const QString &branch, HqStore::Session *session,
                           QHttpServerResponse *denied)
{
    const QByteArray auth = request.value("Authorization");
    if (!auth.startsWith("Bearer ") || !m_store.authenticate(auth.mid(7).trimmed(), session)) {
        *denied = error(request, QHttpServerResponse::StatusCode::Unauthorized, "unauthorized",
                        QStringLiteral("The session is unknown or expired: sign in again"));
        return false;
    }
    if (session->deviceLost) {
        *denied = error(request, QHttpServerResponse::StatusCode::Forbidden, "device_lost",
                        QStringLiteral("This computer was reported lost: its BranchDesk data must be erased"));
        return false;
    }
    if (session->branch != branch) {
        *denied = error(request, QHttpServerResponse::StatusCode::Forbidden, "forbidden",
                        QStringLiteral("This session belongs to another branch"));
        return false;
    }
    return true;
}

QHttpServerResponse SyncServer::handleLogin(const QHttpServerRequest &req)
{
    try {
        QString bodyError;
        QByteArray body;
        bool tooLarge = false;
        RequestDecoder::Login m;
        if (!RequestDecoder::body(req.body(), req.value("Content-Encoding"), RequestDecoder::kMaxLoginBytes, &body, &bodyError,
                                  &tooLarge)
            || !RequestDecoder::login(body, RequestDecoder::format(req.value("Content-Type")), &m, &bodyError))
            return error(req,
                         tooLarge ? QHttpServerResponse::StatusCode::PayloadTooLarge : QHttpServerResponse::StatusCode::BadRequest,
                         tooLarge ? "too_large" : "bad_request", bodyError);
        const QString &staffId = m.staffId;
        const QString &password = m.password;
        const QString &device = m.device;
        const QString staffKey = QStringLiteral("staff:") + staffId;
        // Behind nginx (installer/hq/nginx) every peer is 127.0.0.1: then the client's
        // address is the X-Real-IP nginx sets, trusted from a loopback peer only.
        QString address = req.remoteAddress().toString();
        if (req.remoteAddress().isLoopback() && !req.value("X-Real-IP").isEmpty())
            address = QString::fromLatin1(req.value("X-Real-IP").left(64));
        const QString addressKey = QStringLiteral("addr:") + address;
        const qint64 wait = qMax(retryAfterSeconds(staffKey), retryAfterSeconds(addressKey));
        if (wait > 0) {
            QHttpServerResponse r = error(req, QHttpServerResponse::StatusCode::TooManyRequests, "too_many_attempts",
                                          QStringLiteral("Too many failed sign-ins: try again in %1 seconds").arg(wait));
            r.addHeader("Retry-After", QByteArray::number(wait));
            return r;
        }
        HqStore::LoginResult login;
        switch (m_store.login(m.branch, staffId, password, device,
                              m_options.tokenTtlSeconds, &login)) {
        case HqStore::LoginStatus::Ok:
            break;
        case HqStore::LoginStatus::Ambiguous:
            return error(req, QHttpServerResponse::StatusCode::Conflict, "ambiguous",
                         QStringLiteral("This staff ID exists in several branches: give the branch code"));
        case HqStore::LoginStatus::DeviceLost:
            return error(req, QHttpServerResponse::StatusCode::Forbidden, "device_lost",
                         QStringLiteral("This computer was reported lost: its BranchDesk data must be erased"));
        case HqStore::LoginStatus::Disabled:
            return error(req, QHttpServerResponse::StatusCode::Forbidden, "disabled",
                         QStringLiteral("This staff account is disabled"));
        case HqStore::LoginStatus::WrongCredentials:
            recordFailure(staffKey, 5);
            // A branch's desktops may share one address behind NAT: be more lenient there.
            recordFailure(addressKey, 20);
            return error(req, QHttpServerResponse::StatusCode::Unauthorized, "wrong_credentials",
                         QStringLiteral("Wrong staff ID or password"));
        }
        m_throttle.remove(staffKey);
        QCborMap out;
        out.insert(QLatin1String("token"), login.token);
        out.insert(QLatin1String("expires_at"), login.expiresAt.toString(Qt::ISODate));
        out.insert(QLatin1String("branch"), login.branch);
        out.insert(QLatin1String("branch_name"), login.branchName);
        out.insert(QLatin1String("staff_id"), login.staffId);
        out.insert(QLatin1String("staff_name"), login.staffName);
        out.insert(QLatin1String("role"), login.role);
        out.insert(QLatin1String("server_time"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
        return reply(req, out);
    } catch (const PgError &e) {
        qWarning("login failed: database error %s", e.sqlState().constData());
        return error(req, QHttpServerResponse::StatusCode::ServiceUnavailable, "database", QStringLiteral("HQ's database is unavailable"));
    }
}

QHttpServerResponse SyncServer::handleChanges(const QString &branch, const QHttpServerRequest &req)
{
    try {
        HqStore::Session session;
        QHttpServerResponse denied(QHttpServerResponse::StatusCode::Unauthorized);
        if (!authorize(req, branch, &session, &denied))
            return denied;
        const QUrlQuery q = req.query();
        bool ok = true;
        const qint64 after = q.hasQueryItem(QStringLiteral("after")) ? q.queryItemValue(QStringLiteral("after")).toLongLong(&ok) : 0;
        if (!ok || after < 0)
            return error(req, QHttpServerResponse::StatusCode::BadRequest, "bad_request", QStringLiteral("after must be a sequence number"));
        int limit = q.hasQueryItem(QStringLiteral("limit")) ? q.queryItemValue(QStringLiteral("limit")).toInt(&ok) : 5000;
        if (!ok || limit <= 0)
            return error(req, QHttpServerResponse::StatusCode::BadRequest, "bad_request", QStringLiteral("limit must be positive"));
        limit = qMin(limit, m_options.maxPageSize);
        WireFormat::Page page = m_store.pull(branch, after, limit, q.queryItemValue(QStringLiteral("full")) == QLatin1String("1"));
        if (page.fullResync)
            return error(req, QHttpServerResponse::StatusCode::Gone, "full_resync",
                         QStringLiteral("The cursor is older than the oldest kept deletion: resync from 0"));
        ++m_pagesServed;
        if (m_options.corruptEveryNthPage > 0 && m_pagesServed % m_options.corruptEveryNthPage == 0)
            page.checksum[0] = char(page.checksum[0] ^ 0x5a);
        if (wantsJson(req)) {
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
        const QByteArray cbor = WireFormat::encodePage(page);
        if (req.value("Accept-Encoding").contains("deflate")) {
            QHttpServerResponse r("application/cbor", WireFormat::deflate(cbor));
            r.addHeader("Content-Encoding", "deflate");
            return r;
        }
        return QHttpServerResponse("application/cbor", cbor);
    } catch (const PgError &e) {
        qWarning("changes failed: database error %s", e.sqlState().constData());
        return error(req, QHttpServerResponse::StatusCode::ServiceUnavailable, "database", QStringLiteral("HQ's database is unavailable"));
    }
}

QHttpServerResponse SyncServer::handlePush(const QString &branch, const QHttpServerRequest &req)
{
    try {
        HqStore::Session session;
        QHttpServerResponse denied(QHttpServerResponse::StatusCode::Unauthorized);
        if (!authorize(req, branch, &session, &denied))
            return denied;
        QString err;
        QByteArray body;
        bool tooLarge = false;
        if (!RequestDecoder::body(req.body(), req.value("Content-Encoding"), m_options.maxBodyBytes, &body, &err, &tooLarge))
            return error(req,
                         tooLarge ? QHttpServerResponse::StatusCode::PayloadTooLarge : QHttpServerResponse::StatusCode::BadRequest,
                         tooLarge ? "too_large" : "bad_request", err);
        WireFormat::PushBatch batch;
        RequestDecoder::push(body, RequestDecoder::format(req.value("Content-Type")), &batch, &err);
        if (!err.isEmpty())
            return error(req, QHttpServerResponse::StatusCode::BadRequest, "bad_request", err);
        // This build reads the current schema and the one before it, so a laptop
        // that was offline through an upgrade can still send what it holds.
        if (batch.schemaVersion < 1 || batch.schemaVersion > SchemaMigrations::latestVersion()) {
            return error(req, QHttpServerResponse::StatusCode::BadRequest, "schema",
                         QStringLiteral("push schema version %1 is not supported").arg(batch.schemaVersion));
        }
        WireFormat::PushResult result;
        switch (m_store.push(session, batch, &result, &err)) {
        case HqStore::PushStatus::Ok:
            break;
        case HqStore::PushStatus::DeviceSequenceReused:
            return error(req, QHttpServerResponse::StatusCode::Conflict, "device_sequence_reused",
                         QStringLiteral("These change numbers were already used by this device for other records"));
        case HqStore::PushStatus::Rejected:
            return error(req, QHttpServerResponse::StatusCode::UnprocessableEntity, "rejected", err);
        }
        if (wantsJson(req))
            return QHttpServerResponse("application/json",
                                       QJsonDocument(QJsonObject{{QStringLiteral("acked_through"), double(result.ackedThrough)},
                                                                 {QStringLiteral("accepted"), result.accepted},
                                                                 {QStringLiteral("duplicates"), result.duplicates}})
                                           .toJson(QJsonDocument::Compact));
        return QHttpServerResponse("application/cbor", WireFormat::encodePushResult(result));
    } catch (const PgError &e) {
        qWarning("push failed: database error %s", e.sqlState().constData());
        return error(req, QHttpServerResponse::StatusCode::ServiceUnavailable, "database", QStringLiteral("HQ's database is unavailable"));
    }
}
