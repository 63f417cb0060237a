#pragma once

#include "connectionguard.h"
#include "hashhelper.h"
#include "hqdatabase.h"
#include "pagecache.h"

#include <QFuture>
#include <QHash>
#include <QHostAddress>
#include <QHttpServer>
#include <QMutex>
#include <QObject>
#include <QThreadPool>
#include <QUrlQuery>

#include <functional>
#include <memory>

// The HTTP face of HQ (docs/sync-protocol.md): /v1/login, /v1/token, /v1/logout, /v1/health,
// /v1/device/erased, /v1/branches/<branch>/changes and /v1/branches/<branch>/push.
// Bodies are CBOR (JSON accepted for debugging), deflate-compressed when asked.
// Issue 15: requests are screened by ConnectionGuard before they are read; password
// hashing, pulls and pushes run on worker threads with their own database
// connections, so /v1/health and everyone else stay quick while they run.
// Issue 19: nothing lives only here (tokens, device credentials and sign-in throttles are in
// PostgreSQL; the page cache is disposable), so several nodes serve one database.
class SyncServer : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        // Short: a desktop renews its token with its device credential (issue 19).
        int tokenTtlSeconds = 3600;
        int credentialIdleDays = 30; // a device credential unused this long ends
        int maxPageSize = 20000;
        qsizetype maxBodyBytes = 64 * 1024 * 1024;
        // Trust X-Real-IP from a loopback peer only when HQ runs behind the shipped nginx
        // (serve --behind-proxy); otherwise any local process could pick its address.
        bool behindProxy = false;
        int loginThreads = 2;  // Argon2id needs 64 MiB each
        int sessionThreads = 2; // token renewals, logouts: never behind a page
        int workThreads = 4;   // pulls and pushes
        qsizetype pageCacheBytes = 256 * 1024 * 1024; // 0: no page cache
        // Argon2id in helper processes (issues 15 and 19): their program and arguments, one
        // helper per login thread; empty hashes in this process (tests of the library alone).
        QStringList hashHelper;
        int hashTimeoutMs = 30000; // a helper silent this long is killed, the sign-in gets 503
        // Test-only fault injection: corrupt the checksum of every Nth page (0 = never).
        int corruptEveryNthPage = 0;
    };
    // What a handler needs from a request, copied on the server thread.
    struct Request
    {
        QByteArray body, contentType, contentEncoding, accept, acceptEncoding, authorization, realIp;
        QHostAddress peer;
        QUrlQuery query;
    };

    SyncServer(const QString &conninfo, Options options, QObject *parent = nullptr);
    ~SyncServer() override;
    // TLS when `ssl` has a certificate; the listener screens every connection.
    quint16 listen(const QHostAddress &address, quint16 port, const QSslConfiguration &ssl = {});
    QHttpServer &http() { return m_server; }

private:
    QHttpServerResponse handleLogin(const Request &request);
    QHttpServerResponse handleRenew(const Request &request);
    QHttpServerResponse handleChanges(const QString &branch, const Request &request);
    QHttpServerResponse handlePush(const QString &branch, const Request &request);
    QHttpServerResponse handleErased(const Request &request);
    QHttpServerResponse handleLogout(const Request &request);
    bool authorize(const Request &request, const QString &branch, HqDatabase::Session *session, QHttpServerResponse *denied);
    QFuture<QHttpServerResponse> run(QThreadPool *pool, const QHttpServerRequest &req,
                                     std::function<QHttpServerResponse(const Request &)> handler);
    // The worker thread's own connection and store.
    HqDatabase &store();
    PgConnection &connection();
    static void dropConnection(); // after a database error: the next request reconnects
    // A page from the cache, or built, encoded and kept there.
    QHttpServerResponse page(const HqDatabase::Session &session, qint64 after, int limit, bool full, const Request &req);
    // The page kept under `key` at `version`, or at an older version that only audit entries
    // (a sign-in's) have passed since; that one is restamped with `version`.
    bool cachedPage(const QString &branch, const QString &key, const PageCache::Version &version, PageCache::Page *hit);
    void security(const QString &branch, const QString &kind, const QString &staff, const QString &device,
                  const QString &detail);

    mutable QMutex m_mutex; // the page counter
    QString m_conninfo;
    Options m_options;
    QHttpServer m_server;
    QThreadPool m_loginPool;
    QThreadPool m_sessionPool;
    QThreadPool m_workPool;
    std::unique_ptr<QTcpServer> m_listener;
    int m_pagesServed = 0;
    PageCache m_cache;
    std::unique_ptr<HashHelperPool> m_helpers;
};
