#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

class QTextStream;

// branchdesk-cli unlocks a store exactly as the app does (issue 15): the wait after wrong
// passphrases, counted in the same "<store>.unlock" file the app uses; the offline grace
// period from the app's settings (security/offlineGraceDays), past which only `sync` may
// open the store, so that HQ can refuse a disabled user or erase a lost device first; and
// the unlock (and failed attempts) in the audit log.
class CliUnlock
{
    Q_DECLARE_TR_FUNCTIONS(CliUnlock)

public:
    // -1: go on with the command; otherwise the exit code, after a message on `err`.
    static int gate(const QString &command, const QStringList &arguments, const QString &passphrase, QTextStream &err);
    // The value of --store PATH (or --store=PATH) in the arguments.
    static QString storeArgument(const QStringList &arguments);
};
