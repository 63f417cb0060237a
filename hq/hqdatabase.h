#pragma once

#include <QJsonArray>
#include <QJsonObject>

#include "pgconnection.h"
#include "protocol/wireformat.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

// HQ's PostgreSQL side: the schema, staff and tokens, the per-branch change
// sequence, pull pages and idempotent pushes. Every table has branch_id in its
// primary key, so the schema distributes by branch.
class HqDatabase
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
        // Issue 15: the device's audit key; auditKey is set only when issued at this sign-in.
        QString auditKeyId;
        QByteArray auditKey;
        bool auditRekeyed = false; // the device had another key before
    };
    enum class LoginStatus { Ok, WrongCredentials, Ambiguous, Disabled, DeviceLost, DeviceTaken };
    enum class AuthStatus { Ok, Unknown, DeviceLost };
    enum class PushStatus { Ok, DeviceSequenceReused, Rejected };

    explicit HqDatabase(PgConnection &db) : m_db(db) {}

    // Version 2 added the device table; 3 (issue 15) the record scope, removals,
    // customer owners and HQ's security events.
    // 4: the audit keys (issue 15). 5: device credentials and shared sign-in throttles (issue 19).
    static constexpr int kSchemaVersion = 5;
    void initSchema();
    int schemaVersion();
    // Stores a record HQ itself sends (e.g. a campaign with its targets) under the
    // branch's next sequence number, so every desktop pulls it.
    void putRecord(const QString &branch, const QString &entity, const QString &recordId, const QJsonObject &payload);
    enum class AddStaff { Ok, NoSuchBranch, Disabled };
    // Refuses an unknown branch unless `newBranch`, and a disabled account unless `enable`
    // (issue 15: no silent re-enabling, no branch made by a typo). A new password
    // revokes the staff member's sessions.
    AddStaff addStaff(const QString &branch, const QString &staffId, const QString &name, const QString &role,
                      const QString &password, bool newBranch = false, bool enable = false);
    LoginStatus login(const QString &branch, const QString &staffId, const QString &password, const QString &deviceId,
                      int ttlSeconds, LoginResult *out, const QString &heldAuditKeyId = {});
    // Unknown when the token is unknown, revoked or expired, or its staff member is
    // disabled or dropped; DeviceLost for any token, even a revoked one, of a lost device.
    AuthStatus authenticate(const QByteArray &token, Session *out);
    void logout(const QByteArray &token);
    // HQ's own security log (sign-in refusals, lockouts, bulk pulls, refused records,
    // wipes): staff and device ids and counts, never personal data.
    void event(const QString &branch, const QString &kind, const QString &staffId, const QString &deviceId,
               const QString &detail);
    QStringList events(const QString &branch);
    void revokeTokens(const QString &branch, const QString &staffId);
    // Disables a staff member and revokes their sessions.
    bool disableStaff(const QString &branch, const QString &staffId);
    // Marks a device lost: its sessions end, and at its next contact it is told to erase its store.
    bool markDeviceLost(const QString &branch, const QString &deviceId, const QString &reason);
    QStringList devices(const QString &branch); // "device\tstaff\tlast seen\tok|lost"

    // Records after `after`, at most `limit`, in sequence order, as far as the session
    // may see them (issue 15): a manager the branch, an RM their own customers and their
    // records, the roster and campaigns, plus removals of what they lost. Nobody pulls
    // the audit trail.
    WireFormat::Page pull(const Session &session, qint64 after, int limit, bool fullReload = false);
    // Recomputes who owns each customer and each record's scope; records that move to
    // another RM get new sequence numbers there and a removal for the RM who lost them.
    // `customers` empty: the whole branch (after an import). Runs in the caller's
    // transaction when `inTransaction`.
    int rescope(const QString &branch, const QStringList &customers = {}, bool inTransaction = false);
    // In an import's transaction: scopes the records written without a scope and every record
    // of the customers whose RM the import may have changed (`moved`); the import has already
    // recorded the owners of its new customers.
    int rescopeImported(const QString &branch, const QStringList &moved);
    PushStatus push(const Session &session, const WireFormat::PushBatch &batch, WireFormat::PushResult *out,
                    QString *error);

    qint64 lastSequence(const QString &branch);
    // Drops tombstones older than `days`; desktops whose cursor is below the
    // new floor get a "full resync" answer. Returns the number dropped.
    int pruneTombstones(const QString &branch, int days);
    // Issue 8: the branch's audit trail as pushed by its desktops, oldest first per device,
    // one line each: "at\tdevice\tstaff\tevent\tsubject\tdetail", then per device whether its
    // hash chain holds ("chain DEVICE ok N", "chain DEVICE broken at ENTRY", "chain DEVICE
    // missing N entries before ENTRY", "chain DEVICE rekeyed at ENTRY"); `intact` false when
    // any is not ok. Never pruned.
    QStringList auditTrail(const QString &branch, const QString &since = {}, bool *intact = nullptr);

    static QByteArray hashToken(const QByteArray &token);
    // Control characters (tab and newline too) as \xNN: for listings of what desktops typed.
    static QString printable(const QString &field);
    static QString payloadText(const QJsonObject &payload);

private:
    // What a push stores, decided before the branch's lock (hq/hqpush.cpp).
    struct PushPlan
    {
        QJsonArray writes;      // records still to store, in push order, one per record
        QJsonArray claims;      // device sequences to record
        QStringList reassigned; // customers whose assignment the push writes
        int superseded = 0;     // versions a later one in the same batch replaced
    };
    PushStatus planPush(const Session &session, const WireFormat::PushBatch &batch, PushPlan *plan,
                        WireFormat::PushResult *out);
    int storePlanned(const Session &session, const PushPlan &plan, PgTransaction &tx);
    // SQL over `record r` joined to `customer_owner o`: who may pull the record (the pool
    // flag is $3), and the customer it belongs to (hq/hqsync.cpp).
    static const char *scopeSql();
    static const char *customerOfSql();
    int rescopeIn(const QString &branch, const QStringList *customers, bool inTransaction);
    bool checkRecord(const Session &session, const SyncRecord &rec, QJsonObject *payload, QString *reason);
    PgConnection &m_db;
};
