#pragma once

#include <QString>
#include <QStringList>

class PgConnection;

// Failed sign-ins per staff ID (5 free) and per address (20 free): then each further try
// waits twice as long, up to 15 minutes; failures a day old are forgotten. Kept in
// PostgreSQL (issue 19), so every HQ node behind the load balancer counts the same
// failures and a restarted node forgets nothing.
class LoginThrottle
{
public:
    explicit LoginThrottle(PgConnection &db) : m_db(db) {}
    static const char *schema();

    // Seconds until every one of `keys` may try again; 0 when they may now.
    qint64 retryAfterSeconds(const QStringList &keys);
    void recordFailure(const QString &key, int freeTries);
    void clear(const QString &key);

private:
    PgConnection &m_db;
};
