#pragma once

#include <QCommandLineOption>
#include <QCoreApplication>
#include <QString>

class Database;
class QCommandLineParser;
class QTextStream;

// One masking rule for every command that prints customers (issue 15): names masked
// (张*, PersonalDataMask) unless --full-names with --reason, and that request written to
// the audit log before anything is printed.
class FullNames
{
    Q_DECLARE_TR_FUNCTIONS(FullNames)

public:
    static QCommandLineOption option() { return QCommandLineOption(QStringLiteral("full-names")); }
    static QCommandLineOption reasonOption()
    {
        return QCommandLineOption(QStringLiteral("reason"), QString(), QStringLiteral("TEXT"));
    }
    // False (with a message) when --full-names comes without a reason of 2 to 200 characters.
    static bool check(const QCommandLineParser &p, QTextStream &err);
    static bool requested(const QCommandLineParser &p);
    // The "export" audit entry: which command, how many rows, the reason.
    static void audit(Database &db, const QString &command, qsizetype rows, const QCommandLineParser &p);
    static QString shown(const QString &name, bool full);
};
