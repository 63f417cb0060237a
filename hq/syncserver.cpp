#include "syncserver.h"

#include "requestdecoder.h"
#include "store/schemamigrations.h"
#include "sync/wireformat.h"

#include <QCborArray>
#include <QCborMap>

#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <QCborValue>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutexLocker>
#include <QtConcurrent>

namespace {

using Status = QHttpServerResponse::StatusCode;

bool wantsJson(const SyncServer::Request &r)
{
    return r.accept.contains("application/json");
}

QHttpServerResponse reply(const SyncServer::Request &req, const QCborMap &body, Status status = Status::Ok)
{
    if (wantsJson(req))
        return QHttpServerResponse("application/json", QJsonDocument(body.toJsonObject()).toJson(QJsonDocument::Compact), status);
    const QByteArray cbor = body.toCborValue().toCbor();
    if (req.acceptEncoding.contains("deflate") && cbor.size() > 512) {
        QHttpServerResponse r("application/cbor", WireFormat::deflate(cbor), status);
        r.addHeader("Content-Encoding", "deflate");
        return r;
    }
    return QHttpServerResponse("application/cbor", cbor, status);
}

QHttpServerResponse error(const SyncServer::Request &req, Status status, const char *code, const QString &message)
{
    QCborMap m;
    m.insert(QLatin1String("error"), QString::fromLatin1(code));
    m.insert(QLatin1String("message"), message);
    return reply(req, m, status);
}

QHttpServerResponse databaseDown(const SyncServer::Request &req, const char *what, const PgError &e)
{
    qWarning("%s failed: database error %s", what, e.sqlState().constData());
    return error(req, Status::ServiceUnavailable, "database", QStringLiteral("HQ's database is unavailable"));
}

thread_local std::unique_ptr<PgConnection> t_connection;
thread_local std::unique_ptr<HqStore> t_store;

// Raises the calling thread's nice value to `nice` once (Linux: per thread). The event loop
// thread keeps nice 0, so it wins the CPU whenever a request arrives.
void lowerThisThreadsPriority(int nice)
{
    thread_local int applied = 0;
    if (applied >= nice)
        return;
    if (::setpriority(PRIO_PROCESS, static_cast<id_t>(::syscall(SYS_gettid)), nice) == 0)
        applied = nice;
}

} // namespace

SyncServer::SyncServer(const QString &conninfo, Options options, QObject *parent)
    : QObject(parent), m_conninfo(conninfo), m_options(options)
{
    m_clock.start();
    m_loginPool.setMaxThreadCount(qMax(1, options.loginThreads));
    m_workPool.setMaxThreadCount(qMax(1, options.workThreads));
    m_server.route(QStringLiteral("/v1/health"), QHttpServerRequest::Method::Get, [](const QHttpServerRequest &req) {
        QCborMap m;
        m.insert(QLatin1String("ok"), true);
        m.insert(QLatin1String("protocol"), WireFormat::kProtocolVersion);
        SyncServer::Request r;
        r.accept = req.value("Accept");
        return reply(r, m);
    });
    m_server.route(QStringLiteral("/v1/login"), QHttpServerRequest::Method::Post, [this](const QHttpServerRequest &req) {
        return run(&m_loginPool, req, [this](const Request &r) { return handleLogin(r); });
    });
    m_server.route(QStringLiteral("/v1/logout"), QHttpServerRequest::Method::Post, [this](const QHttpServerRequest &req) {
        return run(&m_workPool, req, [this](const Request &r) { return handleLogout(r); });
    });
    m_server.route(QStringLiteral("/v1/device/erased"), QHttpServerRequest::Method::Post, [this](const QHttpServerRequest &req) {
        return run(&m_workPool, req, [this](const Request &r) { return handleErased(r); });
    });
    m_server.route(QStringLiteral("/v1/branches/<arg>/changes"), QHttpServerRequest::Method::Get,
                   [this](const QString &branch, const QHttpServerRequest &req) {
                       return run(&m_workPool, req, [this, branch](const Request &r) { return handleChanges(branch, r); });
                   });
    m_server.route(QStringLiteral("/v1/branches/<arg>/push"), QHttpServerRequest::Method::Post,
                   [this](const QString &branch, const QHttpServerRequest &req) {
                       return run(&m_workPool, req, [this, branch](const Request &r) { return handlePush(branch, r); });
                   });
}

SyncServer::~SyncServer()
{
    m_loginPool.waitForDone();
    m_workPool.waitForDone();
}

QFuture<QHttpServerResponse> SyncServer::run(QThreadPool *pool, const QHttpServerRequest &req,
                                             std::function<QHttpServerResponse(const Request &)> handler)
{
    Request r;
    r.body = req.body();
    r.contentType = req.value("Content-Type");
    r.contentEncoding = req.value("Content-Encoding");
    r.accept = req.value("Accept");
    r.acceptEncoding = req.value("Accept-Encoding");
    r.authorization = req.value("Authorization");
    r.realIp = req.value("X-Real-IP").left(64);
    r.peer = req.remoteAddress();
    r.query = req.query();
    // Worker threads yield the CPU to the event loop (issue 15: /v1/health within 50 ms while
    // logins hash and a push runs): on a loaded 2-core machine the scheduler otherwise gives
    // the event loop thread no more than its share among a dozen busy threads.
    const int nice = pool == &m_loginPool ? 10 : 5;
    return QtConcurrent::run(pool, [r = std::move(r), handler = std::move(handler), nice]() {
        lowerThisThreadsPriority(nice);
        return handler(r);
    });
}

HqStore &SyncServer::store()
{
    if (!t_connection) {
        t_connection = std::make_unique<PgConnection>(m_conninfo);
        t_store = std::make_unique<HqStore>(*t_connection);
    }
    return *t_store;
}

void SyncServer::security(const QString &branch, const QString &kind, const QString &staff, const QString &device,
                          const QString &detail)
{
    // Staff and device ids and counts only: never a customer's data.
    qInfo("security %s branch=%s staff=%s device=%s %s", qPrintable(kind), qPrintable(branch.left(32)),
          qPrintable(staff.left(64)), qPrintable(device.left(64)), qPrintable(detail));
    try {
        store().event(branch, kind, staff, device, detail);
    } catch (const PgError &) {
    }
}

qint64 SyncServer::retryAfterSeconds(const QString &key) const
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_throttle.constFind(key);
    if (it == m_throttle.constEnd() || it->blockedUntilMs <= m_clock.elapsed())
        return 0;
    return (it->blockedUntilMs - m_clock.elapsed() + 999) / 1000;
}

void SyncServer::recordFailure(const QString &key, int freeTries)
{
    QMutexLocker lock(&m_mutex);
    Throttle &t = m_throttle[key];
    ++t.failures;
    if (t.failures >= freeTries) {
        const qint64 waitMs = qMin<qint64>(1000LL << qMin(t.failures - freeTries, 20), 15 * 60 * 1000);
        t.blockedUntilMs = m_clock.elapsed() + waitMs;
    }
}

quint16 SyncServer::listen(const QHostAddress &address, quint16 port, const QSslConfiguration &ssl)
{
    GuardLimits limits;
    limits.maxPushBody = m_options.maxBodyBytes;
    if (!ssl.localCertificate().isNull()) {
        auto server = std::make_unique<GuardedSslServer>(limits);
        server->setSslConfiguration(ssl);
        m_listener = std::move(server);
    } else {
        m_listener = std::make_unique<GuardedTcpServer>(limits);
    }
    if (!m_listener->listen(address, port))
        return 0;
    m_server.bind(m_listener.get());
    return m_listener->serverPort();
}

bool SyncServer::authorize(const Request &request, const QString &branch, HqStore::Session *session,
                           QHttpServerResponse *denied)
{
    const QByteArray &auth = request.authorization;
    const HqStore::AuthStatus st = auth.startsWith("Bearer ") ? store().authenticate(auth.mid(7).trimmed(), session)
                                                               : HqStore::AuthStatus::Unknown;
    if (st == HqStore::AuthStatus::DeviceLost) {
        security(session->branch, QStringLiteral("wipe_ordered"), session->staffId, session->deviceId, QString());
        *denied = error(request, Status::Forbidden, "device_lost",
                        QStringLiteral("This computer was reported lost: its BranchDesk data must be erased"));
        return false;
    }
    if (st != HqStore::AuthStatus::Ok) {
        *denied = error(request, Status::Unauthorized, "unauthorized", QStringLiteral("The session is unknown or expired: sign in again"));
        return false;
    }
    if (!branch.isNull() && session->branch != branch) {
        security(session->branch, QStringLiteral("other_branch_refused"), session->staffId, session->deviceId, QString());
        *denied = error(request, Status::Forbidden, "forbidden", QStringLiteral("This session belongs to another branch"));
        return false;
    }
    return true;
}

QHttpServerResponse SyncServer::handleLogin(const Request &req)
{
    try {
        QString bodyError;
        QByteArray body;
        bool tooLarge = false;
        RequestDecoder::Login m;
        if (!RequestDecoder::body(req.body, req.contentEncoding, RequestDecoder::kMaxLoginBytes, &body, &bodyError, &tooLarge)
            || !RequestDecoder::login(body, RequestDecoder::format(req.contentType), &m, &bodyError))
            return error(req, tooLarge ? Status::PayloadTooLarge : Status::BadRequest, tooLarge ? "too_large" : "bad_request",
                         bodyError);
        const QString staffKey = QStringLiteral("staff:") + m.staffId;
        // Behind the shipped nginx every peer is 127.0.0.1: then the client's address is the
        // X-Real-IP nginx sets, and only when HQ was told it runs behind it.
        QString address = req.peer.toString();
        if (m_options.behindProxy && req.peer.isLoopback() && !req.realIp.isEmpty())
            address = QString::fromLatin1(req.realIp);
        const QString addressKey = QStringLiteral("addr:") + address;
        const qint64 wait = qMax(retryAfterSeconds(staffKey), retryAfterSeconds(addressKey));
        if (wait > 0) {
            QHttpServerResponse r = error(req, Status::TooManyRequests, "too_many_attempts",
                                          QStringLiteral("Too many failed sign-ins: try again in %1 seconds").arg(wait));
            r.addHeader("Retry-After", QByteArray::number(wait));
            return r;
        }
        HqStore::LoginResult login;
        switch (store().login(m.branch, m.staffId, m.password, m.device, m_options.tokenTtlSeconds, &login, m.auditKeyId)) {
        case HqStore::LoginStatus::Ok:
            break;
        case HqStore::LoginStatus::Ambiguous:
            return error(req, Status::Conflict, "ambiguous", QStringLiteral("This staff ID exists in several branches: give the branch code"));
        case HqStore::LoginStatus::DeviceLost:
            security(m.branch, QStringLiteral("lost_device_sign_in"), m.staffId, m.device, QString());
            return error(req, Status::Forbidden, "device_lost",
                         QStringLiteral("This computer was reported lost: its BranchDesk data must be erased"));
        case HqStore::LoginStatus::DeviceTaken:
            security(m.branch, QStringLiteral("device_of_other_staff"), m.staffId, m.device, QString());
            return error(req, Status::Forbidden, "device_taken",
                         QStringLiteral("This computer is registered to another staff member"));
        case HqStore::LoginStatus::Disabled:
            security(m.branch, QStringLiteral("disabled_sign_in"), m.staffId, m.device, QString());
            return error(req, Status::Forbidden, "disabled", QStringLiteral("This staff account is disabled"));
        case HqStore::LoginStatus::WrongCredentials:
            recordFailure(staffKey, 5);
            // A branch's desktops may share one address behind NAT: be more lenient there.
            recordFailure(addressKey, 20);
            if (retryAfterSeconds(staffKey) > 0)
                security(m.branch, QStringLiteral("lockout"), m.staffId, m.device, QString());
            return error(req, Status::Unauthorized, "wrong_credentials", QStringLiteral("Wrong staff ID or password"));
        }
        {
            QMutexLocker lock(&m_mutex);
            m_throttle.remove(staffKey);
        }
        QCborMap out;
        out.insert(QLatin1String("token"), login.token);
        out.insert(QLatin1String("expires_at"), login.expiresAt.toString(Qt::ISODate));
        out.insert(QLatin1String("branch"), login.branch);
        out.insert(QLatin1String("branch_name"), login.branchName);
        out.insert(QLatin1String("staff_id"), login.staffId);
        out.insert(QLatin1String("staff_name"), login.staffName);
        out.insert(QLatin1String("role"), login.role);
        if (!login.auditKey.isEmpty()) {
            // A device that had a key and asks for another may have dropped entries HQ never saw.
            if (login.auditRekeyed)
                security(login.branch, QStringLiteral("audit_rekey"), login.staffId, m.device, QString());
            out.insert(QLatin1String("audit_key"), QCborMap{{QLatin1String("id"), login.auditKeyId},
                                                            {QLatin1String("key"), QString::fromLatin1(login.auditKey.toHex())}});
        }
        out.insert(QLatin1String("server_time"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
        return reply(req, out);
    } catch (const PgError &e) {
        t_connection.reset(), t_store.reset();
        return databaseDown(req, "login", e);
    }
}

QHttpServerResponse SyncServer::handleLogout(const Request &req)
{
    try {
        if (req.authorization.startsWith("Bearer "))
            store().logout(req.authorization.mid(7).trimmed());
        QCborMap m;
        m.insert(QLatin1String("ok"), true);
        return reply(req, m);
    } catch (const PgError &e) {
        t_connection.reset(), t_store.reset();
        return databaseDown(req, "logout", e);
    }
}

QHttpServerResponse SyncServer::handleErased(const Request &req)
{
    // A lost device reports that it erased its store; only its own token may say so.
    try {
        HqStore::Session session;
        const HqStore::AuthStatus st = req.authorization.startsWith("Bearer ")
                                           ? store().authenticate(req.authorization.mid(7).trimmed(), &session)
                                           : HqStore::AuthStatus::Unknown;
        if (st != HqStore::AuthStatus::DeviceLost)
            return error(req, Status::Forbidden, "forbidden", QStringLiteral("Only a device reported lost reports an erase"));
        security(session.branch, QStringLiteral("device_erased"), session.staffId, session.deviceId, QString());
        QCborMap m;
        m.insert(QLatin1String("ok"), true);
        return reply(req, m);
    } catch (const PgError &e) {
        t_connection.reset(), t_store.reset();
        return databaseDown(req, "erased", e);
    }
}

QHttpServerResponse SyncServer::handleChanges(const QString &branch, const Request &req)
{
    try {
        HqStore::Session session;
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
        WireFormat::Page page = store().pull(session, after, limit, q.queryItemValue(QStringLiteral("full")) == QLatin1String("1"));
        if (page.fullResync)
            return error(req, Status::Gone, "full_resync", QStringLiteral("The cursor is older than the oldest kept deletion: resync from 0"));
        {
            QMutexLocker lock(&m_mutex);
            ++m_pagesServed;
            if (m_options.corruptEveryNthPage > 0 && m_pagesServed % m_options.corruptEveryNthPage == 0)
                page.checksum[0] = char(page.checksum[0] ^ 0x5a);
        }
        // Bulk pulls are on record: who, from which device, how much.
        if (after == 0 || page.records.size() > 1024 * 1024)
            security(session.branch, QStringLiteral("bulk_pull"), session.staffId, session.deviceId,
                     QStringLiteral("after=%1 bytes=%2").arg(after).arg(page.records.size()));
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
        if (req.acceptEncoding.contains("deflate")) {
            QHttpServerResponse r("application/cbor", WireFormat::deflate(cbor));
            r.addHeader("Content-Encoding", "deflate");
            return r;
        }
        return QHttpServerResponse("application/cbor", cbor);
    } catch (const PgError &e) {
        t_connection.reset(), t_store.reset();
        return databaseDown(req, "changes", e);
    }
}

QHttpServerResponse SyncServer::handlePush(const QString &branch, const Request &req)
{
    try {
        HqStore::Session session;
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
        if (batch.schemaVersion < 1 || batch.schemaVersion > SchemaMigrations::latestVersion())
            return error(req, Status::BadRequest, "schema",
                         QStringLiteral("push schema version %1 is not supported").arg(batch.schemaVersion));
        WireFormat::PushResult result;
        switch (store().push(session, batch, &result, &err)) {
        case HqStore::PushStatus::Ok:
            break;
        case HqStore::PushStatus::DeviceSequenceReused:
            return error(req, Status::Conflict, "device_sequence_reused",
                         QStringLiteral("These change numbers were already used by this device for other records"));
        case HqStore::PushStatus::Rejected:
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
        t_connection.reset(), t_store.reset();
        return databaseDown(req, "push", e);
    }
}
