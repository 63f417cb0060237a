#pragma once

#include <QDateTime>
#include <QString>

// One entry of the audit trail as both ends see it: the desktop writes and chains it
// (AuditLog, store/), HQ checks the chain and the MACs (AuditChain, hq/). hashOf() covers
// the previous hash and the entry's fields, so an edited or deleted entry breaks the chain.
struct AuditEntry
{
    qint64 seq = 0;
    QString entryId;
    QDateTime at;
    QString staffId;
    QString event;
    QString subject; // e.g. a customer number; never a name, phone or ID number
    QString detail;  // e.g. the reason given for a reveal
    QString deviceId;
    QString prevHash;
    QString hash;
    QString keyId; // empty: written before the store had a key
    qint64 n = 0;   // 1, 2, 3 ... under keyId
    QString mac;    // AuditKey::mac(k[n], keyId, n, hash)

    static QString hashOf(const AuditEntry &e);
};
