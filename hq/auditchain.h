#pragma once

#include "protocol/auditentry.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

class PgConnection;

// HQ's side of the keyed audit chain (issue 15). At sign-in HQ issues each device a
// random key and keeps it; each entry a desktop writes afterwards carries its number n
// under that key and HMAC(k[n], key id | n | hash), where k[n+1] = HMAC(k[n], "step")
// (AuditKey). The desktop forgets k[n] once entry n is written, so it cannot renumber,
// relink or rewrite an entry HQ has not seen. HQ keeps, per device and key, the number
// and key it expects next and the last hash: a push that skips numbers (an entry deleted
// on the desktop), or whose MAC, hash or link does not hold, is stored and reported as a
// security event; one that reuses a number HQ already has (a rewrite) is refused.
class AuditChain
{
public:
    enum class Verdict {
        Ok,
        Gap,        // stored: numbers were skipped (entries deleted before they were pushed)
        Broken,     // stored: MAC, hash or link wrong, or an unkeyed entry after keyed ones
        Rewrite,    // refused: the number was already acknowledged
        UnknownKey, // refused: HQ did not issue this key to this device
    };

    explicit AuditChain(PgConnection &db) : m_db(db) {}

    // The device's key when `heldKeyId` is one HQ issued to it; otherwise a new key
    // (`keyOut` gets its 32 bytes, `rekeyed` tells whether the device had one before).
    QString issue(const QString &branch, const QString &deviceId, const QString &heldKeyId, QByteArray *keyOut,
                  bool *rekeyed);
    // Checks one pushed entry against what HQ expects of its device and moves that on.
    // Runs in the push's transaction. `detail` says what was wrong (numbers and ids only).
    Verdict admit(const QString &branch, const QString &deviceId, const QJsonObject &payload, QString *detail);

    static AuditEntry entryOf(const QJsonObject &payload);
    static QString verdictName(Verdict v);

    // The `branchdesk-hq audit` check of one device's entries in chain order (unkeyed
    // first, then each key in the order HQ issued it, by number): the first problem, or
    // empty when the chain holds. With `fromMiddle` (audit --since) the first entry's
    // link and number are taken as they are.
    QString check(const QString &branch, const QString &deviceId, const std::vector<AuditEntry> &entries,
                  bool fromMiddle);

private:
    PgConnection &m_db;
};
