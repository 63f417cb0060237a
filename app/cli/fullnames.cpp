#include "fullnames.h"

#include "domain/personaldatamask.h"
#include "store/auditlog.h"
#include "store/database.h"

#include <QCommandLineParser>
#include <QTextStream>

bool FullNames::requested(const QCommandLineParser &p)
{
    return p.isSet(QStringLiteral("full-names"));
}

bool FullNames::check(const QCommandLineParser &p, QTextStream &err)
{
    if (!requested(p))
        return true;
    const QString reason = p.value(QStringLiteral("reason")).trimmed();
    if (reason.size() < 2 || reason.size() > 200) {
        err << tr("--full-names needs --reason TEXT (2 to 200 characters): it is recorded in the audit log") << Qt::endl;
        return false;
    }
    return true;
}

void FullNames::audit(Database &db, const QString &command, qsizetype rows, const QCommandLineParser &p)
{
    AuditLog(db).append(QStringLiteral("export"), AuditLog::currentStaff(db), command,
                        QStringLiteral("cli %1, %2 rows, full names; reason=%3")
                            .arg(command)
                            .arg(rows)
                            .arg(p.value(QStringLiteral("reason")).trimmed()));
}

QString FullNames::shown(const QString &name, bool full)
{
    return full ? name : PersonalDataMask::name(name);
}
