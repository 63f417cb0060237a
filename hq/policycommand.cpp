#include "policycommand.h"

#include "hqdatabase.h"
#include "pgconnection.h"

#include "domain/cadencepolicy.h"
#include "domain/poolpolicy.h"
#include "domain/tierpolicy.h"
#include "domain/valuepolicy.h"
#include "domain/workingcalendar.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

namespace {

QTextStream &err()
{
    static QTextStream s(stderr);
    return s;
}

// The desktop's parser for the kind, so HQ never issues what a desktop would refuse.
bool check(const QString &kind, const QByteArray &body, QString *error, int *calendarYear)
{
    if (kind == QLatin1String("tier")) {
        TierPolicy p;
        return TierPolicy::fromJson(body, &p, error);
    }
    if (kind == QLatin1String("value")) {
        ValuePolicy p;
        return ValuePolicy::fromJson(body, &p, error);
    }
    if (kind == QLatin1String("cadence")) {
        CadencePolicy p;
        return CadencePolicy::fromJson(body, &p, error);
    }
    if (kind == QLatin1String("pool")) {
        PoolPolicy p;
        return PoolPolicy::fromJson(body, &p, error);
    }
    WorkingCalendar c = WorkingCalendar();
    if (!c.loadJson(body, error))
        return false;
    *calendarYear = c.years().value(0);
    return true;
}

QStringList targetBranches(PgConnection &db, const QString &branch, QString *error)
{
    QStringList out;
    const PgResult r = branch.isEmpty() ? db.exec("SELECT branch_id FROM branch ORDER BY branch_id")
                                        : db.exec("SELECT branch_id FROM branch WHERE branch_id = $1", {branch});
    for (int i = 0; i < r.rows(); ++i)
        out << r.text(i, 0);
    if (out.isEmpty())
        *error = branch.isEmpty() ? QStringLiteral("no branch yet: import one first")
                                  : QStringLiteral("no branch %1 (import it first; nothing was issued)").arg(branch);
    return out;
}

int issue(PgConnection &db, const QString &kind, const QString &file, const QString &branch, bool localEdits)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly)) {
        err() << file << ": cannot be read: " << f.errorString() << "\n";
        return 2;
    }
    const QByteArray body = f.readAll();
    QString error;
    int year = 0;
    if (!check(kind, body, &error, &year)) {
        err() << file << ": " << error << " (nothing was issued)\n";
        return 2;
    }
    const QString id = kind == QLatin1String("calendar") ? QStringLiteral("calendar-%1").arg(year) : kind;
    const QStringList branches = targetBranches(db, branch, &error);
    if (branches.isEmpty()) {
        err() << error << "\n";
        return 2;
    }
    const QString text = QString::fromUtf8(QJsonDocument::fromJson(body).toJson(QJsonDocument::Compact));
    HqDatabase store(db);
    for (const QString &b : branches) {
        const int version = int(db.exec("SELECT COALESCE(MAX((payload->>'version')::int), 0) FROM record"
                                        " WHERE branch_id = $1 AND entity = 'policy' AND record_id = $2",
                                        {b, id})
                                    .int64(0, 0))
                            + 1;
        const QJsonObject payload{{QStringLiteral("policy_id"), id},
                                  {QStringLiteral("kind"), kind},
                                  {QStringLiteral("version"), version},
                                  {QStringLiteral("body"), text},
                                  {QStringLiteral("issued_at"), QDateTime::currentDateTime().toString(Qt::ISODate)},
                                  {QStringLiteral("local_edits"), localEdits ? 1 : 0}};
        store.putRecord(b, QStringLiteral("policy"), id, payload);
        err() << id << " version " << version << " issued to " << b << "\n";
    }
    return 0;
}

int list(PgConnection &db, const QString &branch)
{
    QString error;
    const QStringList branches = targetBranches(db, branch, &error);
    if (branches.isEmpty()) {
        err() << error << "\n";
        return 2;
    }
    QTextStream out(stdout);
    for (const QString &b : branches) {
        const PgResult r = db.exec("SELECT record_id, payload->>'version', payload->>'issued_at', payload->>'local_edits'"
                                   " FROM record WHERE branch_id = $1 AND entity = 'policy' AND NOT deleted"
                                   " ORDER BY record_id",
                                   {b});
        for (int i = 0; i < r.rows(); ++i) {
            out << b << "\t" << r.text(i, 0) << "\tversion " << r.text(i, 1) << "\t" << r.text(i, 2)
                << (r.text(i, 3) == QLatin1String("1") ? "\tlocal edits allowed" : "") << "\n";
        }
    }
    return 0;
}

} // namespace

bool PolicyCommand::handles(const QString &command)
{
    return command == QLatin1String("policy") || command == QLatin1String("calendar");
}

QString PolicyCommand::usage()
{
    return QStringLiteral(
        "  policy set --kind tier|value|cadence|pool FILE.json [--branch CODE] [--allow-local-edits]\n"
        "                                            issue a policy to one branch or every branch; desktops\n"
        "                                            take it at their next sync (--allow-local-edits: the\n"
        "                                            branch manager may still adjust the value policy;\n"
        "                                            pool: {\"rm_sees_pool\": true, \"show_tier\": true} sends\n"
        "                                            RMs the unassigned pool, masked)\n"
        "  policy list [--branch CODE]               what each branch was issued, with versions\n"
        "  calendar add FILE.json [--branch CODE]    issue a holiday-cn calendar year (e.g. 2027.json)\n");
}

int PolicyCommand::run(const QString &command, const QStringList &arguments)
{
    QCommandLineParser p;
    const QCommandLineOption db(QStringLiteral("db"), QString(), QStringLiteral("CONNINFO"));
    const QCommandLineOption branch(QStringLiteral("branch"), QString(), QStringLiteral("CODE"));
    const QCommandLineOption kind(QStringLiteral("kind"), QString(), QStringLiteral("KIND"));
    const QCommandLineOption local(QStringLiteral("allow-local-edits"));
    const QCommandLineOption help(QStringLiteral("help"));
    p.addOptions({db, branch, kind, local, help});
    if (!p.parse(QStringList{QStringLiteral("branchdesk-hq")} + arguments) || p.isSet(help)) {
        if (!p.isSet(help))
            err() << p.errorText() << "\n";
        err() << "Usage:\n" << usage();
        err().flush();
        return p.isSet(help) ? 0 : 2;
    }
    const QStringList rest = p.positionalArguments();
    const QString verb = rest.value(0);
    try {
        if (command == QLatin1String("calendar") && verb == QLatin1String("add") && rest.size() == 2) {
            PgConnection conn(p.value(db));
            return issue(conn, QStringLiteral("calendar"), rest.at(1), p.value(branch), false);
        }
        if (command == QLatin1String("policy") && verb == QLatin1String("set") && rest.size() == 2) {
            const QString k = p.value(kind);
            if (k != QLatin1String("tier") && k != QLatin1String("value") && k != QLatin1String("cadence")
                && k != QLatin1String("pool")) {
                err() << "policy set needs --kind tier, value, cadence or pool\n";
                return 2;
            }
            PgConnection conn(p.value(db));
            return issue(conn, k, rest.at(1), p.value(branch), p.isSet(local));
        }
        if (command == QLatin1String("policy") && verb == QLatin1String("list") && rest.size() == 1) {
            PgConnection conn(p.value(db));
            return list(conn, p.value(branch));
        }
    } catch (const PgError &e) {
        err() << "database error: " << e.message() << "\n";
        return 1;
    }
    err() << "Usage:\n" << usage();
    err().flush();
    return 2;
}
