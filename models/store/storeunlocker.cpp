#include "storeunlocker.h"

#include "auditlog.h"
#include "database.h"
#include "schemamigrations.h"
#include "storeerror.h"
#include "storekeyfile.h"
#include "transaction.h"
#include "unlockthrottle.h"
#include "store/syncengine.h"

QString StoreUnlocker::auditStaff(Database &db)
{
    return AuditLog::currentStaff(db);
}

bool StoreUnlocker::withinGracePeriod(Database &db, const SecurityPolicy &policy, const QDateTime &now,
                                      QDateTime *lastContact)
{
    const bool hasHq = !SyncEngine::metaValue(db, QStringLiteral("sync.hq_url")).isEmpty();
    const QDateTime last = QDateTime::fromString(SyncEngine::metaValue(db, QStringLiteral("sync.last_success")), Qt::ISODate);
    if (lastContact)
        *lastContact = last;
    return policy.offlineUnlockAllowed(hasHq, last, now);
}

StoreUnlocker::Outcome StoreUnlocker::unlock(const QString &storePath, const QString &passphrase,
                                             const SecurityPolicy &policy, const QDateTime &now)
{
    Outcome out;
    UnlockThrottle throttle(storePath);
    out.failures = throttle.failures();
    out.waitSeconds = throttle.secondsToWait(policy.unlockDelaySeconds(throttle.failures()), now);
    if (out.waitSeconds > 0) {
        out.result = Result::Throttled;
        return out;
    }
    try {
        std::shared_ptr<StoreKey> key;
        Database db = Database::open(storePath, passphrase, Database::OpenMode::ExistingOnly, &key);
        SchemaMigrations::migrate(db);
        // The attempts that failed while the store could not be written, then this unlock.
        {
            Transaction tx(db);
            AuditLog audit(db);
            const QString staff = auditStaff(db);
            for (const QDateTime &at : throttle.unaudited())
                audit.append(QStringLiteral("unlock_failed"), staff, QString(), at.toString(Qt::ISODateWithMs));
            audit.append(QStringLiteral("unlock"), staff);
            tx.commit();
        }
        throttle.reset();
        out.failures = 0;
        out.key = key;
        out.result = withinGracePeriod(db, policy, now, &out.lastContact) ? Result::Unlocked : Result::NeedsHqContact;
    } catch (const StoreError &e) {
        if (e.kind() == StoreError::Kind::WrongPassphrase) {
            throttle.recordFailure(now);
            out.result = Result::WrongPassphrase;
            out.failures = throttle.failures();
            out.waitSeconds = policy.unlockDelaySeconds(throttle.failures());
        } else {
            out.result = Result::Failed;
            out.error = e.message();
        }
    }
    return out;
}
