#pragma once

#include "hqstore.h"

#include <QHttpServer>
#include <QElapsedTimer>
#include <QHash>
#include <QObject>

// The HTTP face of HQ (docs/sync-protocol.md): /v1/login, /v1/health,
// /v1/branches/<branch>/changes and /v1/branches/<branch>/push. Bodies are
// CBOR (JSON accepted for debugging), deflate-compressed when asked.
class SyncServer : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        int tokenTtlSeconds = 8 * 3600;
        int maxPageSize = 20000;
        qsizetype maxBodyBytes = 64 * 1024 * 1024;
        // Test-only fault injection: corrupt the checksum of every Nth page (0 = never).
        int corruptEveryNthPage = 0;
    };

    SyncServer(PgConnection &db, Options options, QObject *parent = nullptr);
    quint16 listen(const QHostAddress &address, quint16 port);
    QHttpServer &http() { return m_server; }

private:
    QHttpServerResponse handleLogin(const QHttpServerRequest &request);
    QHttpServerResponse handleChanges(const QString &branch, const QHttpServerRequest &request);
    QHttpServerResponse handlePush(const QString &branch, const QHttpServerRequest &request);
    bool authorize(const QHttpServerRequest &request, const QString &branch, HqStore::Session *session,
                   QHttpServerResponse *denied);

    // Failed sign-ins per staff ID (5 free) and per address (20 free): then each further try
    // waits twice as long (up to 15 minutes). Monotonic time, in memory.
    struct Throttle
    {
        int failures = 0;
        qint64 blockedUntilMs = 0;
    };
    qint64 retryAfterSeconds(const QString &key) const;
    void recordFailure(const QString &key, int freeTries);

    QHash<QString, Throttle> m_throttle;
    QElapsedTimer m_clock;
    PgConnection &m_db;
    HqStore m_store;
    Options m_options;
    QHttpServer m_server;
    int m_pagesServed = 0;
};
