#pragma once

#include "protocol/auditentry.h"

#include <QDateTime>
#include <QString>
#include <vector>

class Database;
struct StoreAccess;

// The audit trail of what people did with personal data: sign-ins, failed
// unlocks, reveals, exports, prints, assignments, policy changes. Entries are
// hash-chained (each hash covers the previous hash and the entry's fields),
// so an edited or deleted entry is found by verify(). Entries sync to HQ.
// Once the store has signed in, each entry is also numbered and MACed under the
// per-device key HQ issued (AuditKey): the desktop cannot recompute a past entry's
// MAC, so HQ finds an unsynced entry deleted and the chain relinked (issue 15).
class AuditLog
{
public:
    // The entry itself is protocol (HQ checks the same chain): protocol/auditentry.h.
    using Entry = AuditEntry;
    struct Verification
    {
        bool ok = true;
        qint64 brokenAt = 0; // the first entry whose hash does not match, or whose number skips
        int entries = 0;
    };

    explicit AuditLog(Database &db) : m_db(db) {}

    // Appends an entry (and its outbox row) in the caller's transaction, or in its own.
    Entry append(const QString &event, const QString &staffId, const QString &subject = {}, const QString &detail = {});
    std::vector<Entry> entries(int limit = 1000);
    Verification verify();

    static QString hashOf(const Entry &e) { return AuditEntry::hashOf(e); }
    // The staff member local entries are written for: the one signed in to HQ, or "local" (demo).
    static QString currentStaff(Database &db);
    // Opens its own connection (any thread), appends for currentStaff(), closes. Throws StoreError.
    static Entry record(const StoreAccess &store, const QString &event, const QString &subject = {},
                        const QString &detail = {});

private:
    Database &m_db;
};
