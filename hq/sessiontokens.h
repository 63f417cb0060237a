#pragma once

#include <QDateTime>
#include <QString>

class PgConnection;

// The short-lived bearer tokens of a session (docs/sync-protocol.md): 32 random bytes,
// HQ keeps only their SHA-256, each bound to a branch, a staff member and a device. Issued
// by an interactive sign-in and by a device credential's renewal alike (issue 19).
class SessionTokens
{
public:
    struct Issued
    {
        QString token;
        QDateTime expiresAt;
    };
    // Live tokens one staff member may hold per device and in all; the oldest go first
    // (issue 15: one user held 97).
    static constexpr int kMaxPerDevice = 2;
    static constexpr int kMaxLive = 256;

    explicit SessionTokens(PgConnection &db) : m_db(db) {}
    Issued issue(const QString &branch, const QString &staffId, const QString &deviceId, int ttlSeconds);

private:
    PgConnection &m_db;
};
