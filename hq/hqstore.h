#pragma once

#include <QJsonObject>

#include "pgconnection.h"
#include "sync/wireformat.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

// HQ's PostgreSQL side: the schema, staff and tokens, the per-branch change
// sequence, pull pages and idempotent pushes. Every table has branch_id in its
// primary key, so the schema distributes by branch.
class HqStore
{
public:
    struct Session
    {
        QString branch;
        QString staffId;
        QString role;
        QString deviceId;
        bool deviceLost = false;
        QString lostReason;
    };
    struct LoginResult
    {
        QString token;
        QDateTime expiresAt;
        QString branch;
        QString branchName;
        QString staffId;
        QString staffName;
        QString role;
    };
    enum class LoginStatus { Ok, WrongCredentials, Ambiguous, Disabled, DeviceLost };
    enum class PushStatus { Ok, DeviceSequenceReused, Rejected };

    explicit HqStore(PgConnection &db) : m_db(db) {}

    // Version 2 added the device table.
    static constexpr int kSchemaVersion = 2;
    void initSchema();
    int schemaVersion();
    // Stores a record HQ itself sends (e.g. a campaign with its targets) under the
    // branch's next sequence number, so every desktop pulls it.
    void putRecord(const QString &branch, const QString &entity, const QString &recordId, const QJsonObject &payload);
    void addStaff(const QString &branch, const QString &staffId, const QString &name, const QString &role,
                  const QString &password);
    LoginStatus login(const QString &branch, const QString &staffId, const QString &password, const QString &deviceId,
                      int ttlSeconds, LoginResult *out);
    // Returns false when the token is unknown, revoked or expired.
    bool authenticate(const QByteArray &token, Session *out);
    void revokeTokens(const QString &branch, const QString &staffId);
    // Disables a staff member and revokes their sessions.
    bool disableStaff(const QString &branch, const QString &staffId);
    // Marks a device lost: its sessions end, and at its next contact it is told to erase its store.
    bool markDeviceLost(const QString &branch, const QString &deviceId, const QString &reason);
    QStringList devices(const QString &branch); // "device\tstaff\tlast seen\tok|lost"

    // Records after `after`, at most `limit`, in sequence order.
    WireFormat::Page pull(const QString &branch, qint64 after, int limit, bool fullReload = false);
    PushStatus push(const Session &session, const WireFormat::PushBatch &batch, WireFormat::PushResult *out,
                    QString *error);

    qint64 lastSequence(const QString &branch);
    // Drops tombstones older than `days`; desktops whose cursor is below the
    // new floor get a "full resync" answer. Returns the number dropped.
    int pruneTombstones(const QString &branch, int days);
    // Issue 8: the branch's audit trail as pushed by its desktops, oldest first per device,
    // one line each: "at\tdevice\tstaff\tevent\tsubject\tdetail", then per device whether its
    // hash chain holds ("chain DEVICE ok N" or "chain DEVICE broken at ENTRY"). Never pruned.
    QStringList auditTrail(const QString &branch, const QString &since = {});

    static QByteArray hashToken(const QByteArray &token);
    static QString payloadText(const QJsonObject &payload);

private:
    PgConnection &m_db;
};
