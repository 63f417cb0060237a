#pragma once

#include <QDateTime>

class QSettings;

// The rules of the lock and of revealing personal data. Defaults are the bank's policy;
// a branch may set them in the settings file ([security] idleLockMinutes,
// offlineGraceDays), never below the floors below.
struct SecurityPolicy
{
    int idleLockMinutes = 10;  // lock after this long without keyboard or mouse input
    int offlineGraceDays = 14; // unlock without HQ only this long after the last contact
    int freeUnlockAttempts = 5; // wrong passphrases before waits start
    int maxUnlockWaitSeconds = 3600;
    int revealSeconds = 60;    // a revealed field is masked again after this

    static SecurityPolicy fromSettings(const QSettings &settings);

    // Seconds to wait before the next attempt after `failures` wrong passphrases:
    // 0 for the first 5, then 2, 4, 8, ... capped at maxUnlockWaitSeconds.
    qint64 unlockDelaySeconds(int failures) const;
    // Whether a store may be unlocked without contacting HQ. A store never connected to
    // HQ (the demo branch: hasHq false) is exempt.
    bool offlineUnlockAllowed(bool hasHq, const QDateTime &lastContact, const QDateTime &now) const;
};
