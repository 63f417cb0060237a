#include "securitypolicy.h"

#include <QSettings>

SecurityPolicy SecurityPolicy::fromSettings(const QSettings &settings)
{
    SecurityPolicy p;
    // Floors: a lock of at least one minute, a grace period of at most 30 days.
    p.idleLockMinutes = qBound(1, settings.value(QStringLiteral("security/idleLockMinutes"), p.idleLockMinutes).toInt(), 60);
    p.offlineGraceDays = qBound(1, settings.value(QStringLiteral("security/offlineGraceDays"), p.offlineGraceDays).toInt(), 30);
    return p;
}

qint64 SecurityPolicy::unlockDelaySeconds(int failures) const
{
    if (failures < freeUnlockAttempts)
        return 0;
    const int doublings = failures - freeUnlockAttempts + 1;
    if (doublings >= 31)
        return maxUnlockWaitSeconds;
    return qMin<qint64>(qint64(1) << doublings, maxUnlockWaitSeconds);
}

bool SecurityPolicy::offlineUnlockAllowed(bool hasHq, const QDateTime &lastContact, const QDateTime &now) const
{
    if (!hasHq)
        return true;
    if (!lastContact.isValid())
        return false;
    // A clock set back before the last contact does not extend the grace period.
    if (now < lastContact)
        return false;
    return lastContact.secsTo(now) <= qint64(offlineGraceDays) * 24 * 3600;
}
