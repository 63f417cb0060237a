#pragma once

#include "domain/securitypolicy.h"
#include "storekey.h"

#include <QDateTime>
#include <QString>
#include <memory>

class Database;

// Unlocking a locked store: the wait after wrong passphrases (UnlockThrottle), the
// passphrase (StoreKeyFile, Argon2id), the offline grace period since the last contact
// with HQ, and the audit entries (failed attempts are recorded when the store can next
// be written: at the successful unlock). Slow (key derivation): call it off the UI thread.
class StoreUnlocker
{
public:
    enum class Result {
        Unlocked,
        WrongPassphrase,
        Throttled,      // too many wrong passphrases: wait `waitSeconds`
        NeedsHqContact, // right passphrase, but past the offline grace period
        Failed,         // the store cannot be read: `error`
    };
    struct Outcome
    {
        Result result = Result::Failed;
        qint64 waitSeconds = 0; // Throttled, or the wait now due after a WrongPassphrase
        int failures = 0;
        QDateTime lastContact;  // NeedsHqContact: when HQ last answered
        QString error;
        std::shared_ptr<StoreKey> key; // Unlocked and NeedsHqContact
    };

    static Outcome unlock(const QString &storePath, const QString &passphrase, const SecurityPolicy &policy,
                          const QDateTime &now = QDateTime::currentDateTime());
    // Whether the open store may be used offline now; `lastContact` receives HQ's last answer.
    static bool withinGracePeriod(Database &db, const SecurityPolicy &policy, const QDateTime &now,
                                  QDateTime *lastContact = nullptr);
    // The staff member audit entries are written for: the signed-in one, or "local" (demo).
    static QString auditStaff(Database &db);
};
