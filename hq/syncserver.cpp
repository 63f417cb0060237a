#include "syncserver.h"

#include "devicecredentials.h"
#include "loginthrottle.h"
#include "passwordhasher.h"
#include "requestdecoder.h"
#include "syncreply.h"
#include "protocol/wireformat.h"

#include <QCborMap>
#include <QCborValue>
#include <QDateTime>
#include <QtConcurrent>

#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

using namespace SyncReply;

namespace {

thread_local std::unique_ptr<PgConnection> t_connection;
thread_local std::unique_ptr<HqDatabase> t_store;

// Sets the calling thread's nice value once (Linux: per thread). The event loop thread keeps
// its own (-5 where allowed, main.cpp), so it wins the CPU whenever a request arrives.
void lowerThisThreadsPriority(int nice)
{
    thread_local bool applied = false;
    if (applied)
        return;
    applied = true;
    ::setpriority(PRIO_PROCESS, static_cast<id_t>(::syscall(SYS_gettid)), nice);
}

const QString kDeviceLost = QStringLiteral("This computer was reported lost: its BranchDesk data must be erased");

// The answer to a sign-in or a renewal: the session, and what the desktop keeps.
QCborMap sessionAnswer(const HqDatabase::LoginResult &login)
{
    QCborMap out;
    out.insert(QLatin1String("token"), login.token);
    out.insert(QLatin1String("expires_at"), login.expiresAt.toString(Qt::ISODate));
    out.insert(QLatin1String("branch"), login.branch);
    out.insert(QLatin1String("branch_name"), login.branchName);
    out.insert(QLatin1String("staff_id"), login.staffId);
    out.insert(QLatin1String("staff_name"), login.staffName);
    out.insert(QLatin1String("role"), login.role);
    if (!login.auditKey.isEmpty())
        out.insert(QLatin1String("audit_key"), QCborMap{{QLatin1String("id"), login.auditKeyId},
                                                        {QLatin1String("key"), QString::fromLatin1(login.auditKey.toHex())}});
    out.insert(QLatin1String("server_time"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
    return out;
}

} // namespace

SyncServer::SyncServer(const QString &conninfo, Options options, QObject *parent)
    : QObject(parent), m_conninfo(conninfo), m_options(options), m_cache(qMax<qsizetype>(0, options.pageCacheBytes))
{
    m_loginPool.setMaxThreadCount(qMax(1, options.loginThreads));
    m_sessionPool.setMaxThreadCount(qMax(1, options.sessionThreads));
    m_workPool.setMaxThreadCount(qMax(1, options.workThreads));
    // Threads (and their database connections) stay: a storm does not reconnect.
    for (QThreadPool *pool : {&m_loginPool, &m_sessionPool, &m_workPool})
        pool->setExpiryTimeout(-1);
    if (!options.hashHelper.isEmpty()) {
        m_helpers = std::make_unique<HashHelperPool>(options.hashHelper, m_loginPool.maxThreadCount(), options.hashTimeoutMs);
        m_helpers->startAll();
        PasswordHasher::useHelpers(m_helpers.get());
    }
    m_server.route(QStringLiteral("/v1/health"), QHttpServerRequest::Method::Get, [](const QHttpServerRequest &req) {
        // Built once: the event loop answers it without encoding anything.
        static const QByteArray cbor = QCborMap{{QLatin1String("ok"), true},
                                                {QLatin1String("protocol"), WireFormat::kProtocolVersion}}
                                           .toCborValue()
                                           .toCbor();
        static const QByteArray json = QByteArray("{\"ok\":true,\"protocol\":") + QByteArray::number(WireFormat::kProtocolVersion) + '}';
        if (req.value("Accept").contains("application/json"))
            return QHttpServerResponse("application/json", json);
        return QHttpServerResponse("application/cbor", cbor);
    });
    m_server.route(QStringLiteral("/v1/login"), QHttpServerRequest::Method::Post, [this](const QHttpServerRequest &req) {
        return run(&m_loginPool, req, [this](const Request &r) { return handleLogin(r); });
    });
    m_server.route(QStringLiteral("/v1/token"), QHttpServerRequest::Method::Post, [this](const QHttpServerRequest &req) {
        return run(&m_sessionPool, req, [this](const Request &r) { return handleRenew(r); });
    });
    m_server.route(QStringLiteral("/v1/logout"), QHttpServerRequest::Method::Post, [this](const QHttpServerRequest &req) {
        return run(&m_sessionPool, req, [this](const Request &r) { return handleLogout(r); });
    });
    m_server.route(QStringLiteral("/v1/device/erased"), QHttpServerRequest::Method::Post, [this](const QHttpServerRequest &req) {
        return run(&m_sessionPool, req, [this](const Request &r) { return handleErased(r); });
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
    m_sessionPool.waitForDone();
    m_workPool.waitForDone();
    if (m_helpers)
        PasswordHasher::useHelpers(nullptr);
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
    // the event loop thread no more than its share among a dozen busy threads. Logins were at
    // 0 while Argon2id ran in them (its 64 MiB maps took the memory-map lock the event loop's
    // page faults wait for); with the hash in a helper process (HashHelperPool) a login thread
    // only waits for it and runs a few queries, like any other worker.
    const int nice = pool == &m_loginPool && !m_helpers ? 0 : 5;
    return QtConcurrent::run(pool, [r = std::move(r), handler = std::move(handler), nice]() {
        lowerThisThreadsPriority(nice);
        return handler(r);
    });
}

HqDatabase &SyncServer::store()
{
    if (!t_connection) {
        t_connection = std::make_unique<PgConnection>(m_conninfo);
        t_store = std::make_unique<HqDatabase>(*t_connection);
    }
    return *t_store;
}

PgConnection &SyncServer::connection()
{
    store();
    return *t_connection;
}

void SyncServer::dropConnection()
{
    t_store.reset();
    t_connection.reset();
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
    // Qt's default backlog is 50: 200 desktops connecting at once overflowed it and waited
    // for the kernel's 1 s SYN retry (issue 19's storm). The kernel caps it at somaxconn.
    m_listener->setListenBacklogSize(limits.maxConnections);
    if (!m_listener->listen(address, port))
        return 0;
    m_server.bind(m_listener.get());
    return m_listener->serverPort();
}

bool SyncServer::authorize(const Request &request, const QString &branch, HqDatabase::Session *session,
                           QHttpServerResponse *denied)
{
    const QByteArray &auth = request.authorization;
    const HqDatabase::AuthStatus st = auth.startsWith("Bearer ") ? store().authenticate(auth.mid(7).trimmed(), session)
                                                               : HqDatabase::AuthStatus::Unknown;
    if (st == HqDatabase::AuthStatus::DeviceLost) {
        security(session->branch, QStringLiteral("wipe_ordered"), session->staffId, session->deviceId, QString());
        *denied = error(request, Status::Forbidden, "device_lost", kDeviceLost);
        return false;
    }
    if (st != HqDatabase::AuthStatus::Ok) {
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
        LoginThrottle throttle(connection());
        const qint64 wait = throttle.retryAfterSeconds({staffKey, addressKey});
        if (wait > 0) {
            QHttpServerResponse r = error(req, Status::TooManyRequests, "too_many_attempts",
                                          QStringLiteral("Too many failed sign-ins: try again in %1 seconds").arg(wait));
            r.addHeader("Retry-After", QByteArray::number(wait));
            return r;
        }
        HqDatabase::LoginResult login;
        switch (store().login(m.branch, m.staffId, m.password, m.device, m_options.tokenTtlSeconds, &login, m.auditKeyId)) {
        case HqDatabase::LoginStatus::Ok:
            break;
        case HqDatabase::LoginStatus::Ambiguous:
            return error(req, Status::Conflict, "ambiguous", QStringLiteral("This staff ID exists in several branches: give the branch code"));
        case HqDatabase::LoginStatus::DeviceLost:
            security(m.branch, QStringLiteral("lost_device_sign_in"), m.staffId, m.device, QString());
            return error(req, Status::Forbidden, "device_lost", kDeviceLost);
        case HqDatabase::LoginStatus::DeviceTaken:
            security(m.branch, QStringLiteral("device_of_other_staff"), m.staffId, m.device, QString());
            return error(req, Status::Forbidden, "device_taken",
                         QStringLiteral("This computer is registered to another staff member"));
        case HqDatabase::LoginStatus::Disabled:
            security(m.branch, QStringLiteral("disabled_sign_in"), m.staffId, m.device, QString());
            return error(req, Status::Forbidden, "disabled", QStringLiteral("This staff account is disabled"));
        case HqDatabase::LoginStatus::WrongCredentials:
            throttle.recordFailure(staffKey, 5);
            // A branch's desktops may share one address behind NAT: be more lenient there.
            throttle.recordFailure(addressKey, 20);
            if (throttle.retryAfterSeconds({staffKey}) > 0)
                security(m.branch, QStringLiteral("lockout"), m.staffId, m.device, QString());
            return error(req, Status::Unauthorized, "wrong_credentials", QStringLiteral("Wrong staff ID or password"));
        }
        throttle.clear(staffKey);
        // A device that had a key and asks for another may have dropped entries HQ never saw.
        if (!login.auditKey.isEmpty() && login.auditRekeyed)
            security(login.branch, QStringLiteral("audit_rekey"), login.staffId, m.device, QString());
        QCborMap out = sessionAnswer(login);
        // Sign-in once per device (issue 19): later syncs renew the token with this.
        out.insert(QLatin1String("device_credential"), DeviceCredentials(connection()).issue(login.branch, login.staffId, m.device));
        return reply(req, out);
    } catch (const PgError &e) {
        dropConnection();
        return databaseDown(req, "login", e);
    } catch (const HashHelperPool::Unavailable &e) {
        qWarning("login failed: %s", e.what()); // never the password or the hash
        return error(req, Status::ServiceUnavailable, "busy", QStringLiteral("HQ could not check the password: try again"));
    }
}

QHttpServerResponse SyncServer::handleRenew(const Request &req)
{
    try {
        QString bodyError;
        QByteArray body;
        bool tooLarge = false;
        RequestDecoder::Renewal m;
        if (!RequestDecoder::body(req.body, req.contentEncoding, RequestDecoder::kMaxLoginBytes, &body, &bodyError, &tooLarge)
            || !RequestDecoder::renewal(body, RequestDecoder::format(req.contentType), &m, &bodyError))
            return error(req, tooLarge ? Status::PayloadTooLarge : Status::BadRequest, tooLarge ? "too_large" : "bad_request",
                         bodyError);
        HqDatabase::LoginResult login;
        QString staffId;
        switch (DeviceCredentials(connection()).renew(m.credential, m.device, m_options.tokenTtlSeconds,
                                                      m_options.credentialIdleDays, m.auditKeyId, &login, &staffId)) {
        case DeviceCredentials::Renewal::Ok:
            break;
        case DeviceCredentials::Renewal::Invalid:
            return error(req, Status::Unauthorized, "credential_invalid",
                         QStringLiteral("This computer's sign-in has ended: sign in with your password"));
        case DeviceCredentials::Renewal::OtherDevice:
            security(login.branch, QStringLiteral("credential_other_device"), staffId, m.device, QString());
            return error(req, Status::Unauthorized, "credential_invalid",
                         QStringLiteral("This computer's sign-in has ended: sign in with your password"));
        case DeviceCredentials::Renewal::DeviceLost:
            security(login.branch, QStringLiteral("wipe_ordered"), staffId, m.device, QString());
            return error(req, Status::Forbidden, "device_lost", kDeviceLost);
        case DeviceCredentials::Renewal::Disabled:
            security(login.branch, QStringLiteral("disabled_sign_in"), staffId, m.device, QString());
            return error(req, Status::Forbidden, "disabled", QStringLiteral("This staff account is disabled"));
        }
        if (!login.auditKey.isEmpty() && login.auditRekeyed)
            security(login.branch, QStringLiteral("audit_rekey"), login.staffId, m.device, QString());
        return reply(req, sessionAnswer(login));
    } catch (const PgError &e) {
        dropConnection();
        return databaseDown(req, "renew", e);
    }
}

QHttpServerResponse SyncServer::handleLogout(const Request &req)
{
    try {
        if (req.authorization.startsWith("Bearer ")) {
            // Signing out ends the device's standing sign-in too (issue 19).
            DeviceCredentials(connection()).revokeForToken(req.authorization.mid(7).trimmed());
            store().logout(req.authorization.mid(7).trimmed());
        }
        QCborMap m;
        m.insert(QLatin1String("ok"), true);
        return reply(req, m);
    } catch (const PgError &e) {
        dropConnection();
        return databaseDown(req, "logout", e);
    }
}

QHttpServerResponse SyncServer::handleErased(const Request &req)
{
    // A lost device reports that it erased its store; only its own token may say so.
    try {
        HqDatabase::Session session;
        const HqDatabase::AuthStatus st = req.authorization.startsWith("Bearer ")
                                           ? store().authenticate(req.authorization.mid(7).trimmed(), &session)
                                           : HqDatabase::AuthStatus::Unknown;
        if (st != HqDatabase::AuthStatus::DeviceLost)
            return error(req, Status::Forbidden, "forbidden", QStringLiteral("Only a device reported lost reports an erase"));
        security(session.branch, QStringLiteral("device_erased"), session.staffId, session.deviceId, QString());
        QCborMap m;
        m.insert(QLatin1String("ok"), true);
        return reply(req, m);
    } catch (const PgError &e) {
        dropConnection();
        return databaseDown(req, "erased", e);
    }
}
