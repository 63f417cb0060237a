#include "cliunlock.h"

#include "domain/securitypolicy.h"
#include "store/storeunlocker.h"

#include <QFile>
#include <QSettings>
#include <QTextStream>

QString CliUnlock::storeArgument(const QStringList &arguments)
{
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        if (arguments.at(i) == QLatin1String("--store"))
            return arguments.value(i + 1);
        if (arguments.at(i).startsWith(QLatin1String("--store=")))
            return arguments.at(i).mid(8);
    }
    return {};
}

int CliUnlock::gate(const QString &command, const QStringList &arguments, const QString &passphrase, QTextStream &err)
{
    const QString store = storeArgument(arguments);
    // A store that does not exist yet (demo, import, first sync) has nothing to guard; without
    // a passphrase the command itself says what is missing.
    if (store.isEmpty() || passphrase.isEmpty() || !QFile::exists(store))
        return -1;
    // The app's own settings: one grace period and one delay rule for both programs.
    const SecurityPolicy policy =
        SecurityPolicy::fromSettings(QSettings(QStringLiteral("BranchDesk"), QStringLiteral("BranchDesk")));
    const StoreUnlocker::Outcome o = StoreUnlocker::unlock(store, passphrase, policy);
    switch (o.result) {
    case StoreUnlocker::Result::Unlocked:
        return -1;
    case StoreUnlocker::Result::Throttled:
        err << tr("Too many wrong passphrases: try again in %1 seconds").arg(o.waitSeconds) << Qt::endl;
        return 1;
    case StoreUnlocker::Result::WrongPassphrase:
        err << (o.waitSeconds > 0 ? tr("Wrong passphrase: the next attempt is possible in %1 seconds").arg(o.waitSeconds)
                                  : tr("Wrong passphrase"))
            << Qt::endl;
        return 1;
    case StoreUnlocker::Result::NeedsHqContact:
        if (command == QLatin1String("sync"))
            return -1; // HQ answers first, as at the app's unlock screen
        err << tr("HQ last answered on %1, more than %2 days ago: run branchdesk-cli sync first")
                   .arg(o.lastContact.isValid() ? o.lastContact.date().toString(Qt::ISODate) : tr("(never)"))
                   .arg(policy.offlineGraceDays)
            << Qt::endl;
        return 1;
    case StoreUnlocker::Result::Failed:
        return -1; // the command opens the store itself and reports why it cannot
    }
    return -1;
}
