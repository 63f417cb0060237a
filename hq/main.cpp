// branchdesk-hq: the head-office sync server and its admin commands. One table of commands
// (kCommands below) gives both the dispatch and --help.
#include "commandtable.h"
#include "extractimporter.h"
#include "hashhelper.h"
#include "hqdatabase.h"
#include "passwordhasher.h"
#include "pgconnection.h"
#include "policycommand.h"
#include "syncserver.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QJsonDocument>
#include <QFile>
#include <QHostAddress>
#include <QSslCertificate>
#include <QSslCipher>
#include <QSslConfiguration>
#include <QSslKey>
#include <QTextStream>

#include <cstdio>
#include <cstring>
#include <sys/resource.h>
#include <unistd.h>
#include <iostream>
#include <string>

namespace {

QTextStream &err()
{
    static QTextStream s(stderr);
    return s;
}

// Control characters (tab and newline included) as \xNN, so one entry is one line.
QString escapeControls(const QString &line)
{
    QString out;
    out.reserve(line.size());
    for (const QChar c : line) {
        if (c == QLatin1Char('\t')) {
            out += c; // the field separator stays
        } else if (c.unicode() < 0x20 || c.unicode() == 0x7f || (c.unicode() >= 0x80 && c.unicode() < 0xa0)
                   || c.category() == QChar::Other_Format) {
            out += QStringLiteral("\\x%1").arg(c.unicode(), 2, 16, QLatin1Char('0'));
        } else {
            out += c;
        }
    }
    return out;
}

// TLS 1.2 or later, forward-secret AEAD suites only (ECDHE with AES-GCM or ChaCha20-Poly1305,
// and TLS 1.3's): no CBC, no SHA-1 MACs, no static RSA key exchange (issue 15).
QSslConfiguration serverTls(const QSslCertificate &cert, const QSslKey &key)
{
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    ssl.setLocalCertificate(cert);
    ssl.setPrivateKey(key);
    ssl.setProtocol(QSsl::TlsV1_2OrLater);
    ssl.setPeerVerifyMode(QSslSocket::VerifyNone);
    QList<QSslCipher> ciphers;
    for (const QSslCipher &c : QSslConfiguration::supportedCiphers()) {
        const QString n = c.name();
        const bool tls13 = n.startsWith(QLatin1String("TLS_"));
        const bool aead = n.contains(QLatin1String("GCM")) || n.contains(QLatin1String("CHACHA20"));
        if (tls13 || (n.startsWith(QLatin1String("ECDHE-")) && aead))
            ciphers << c;
    }
    ssl.setCiphers(ciphers);
    return ssl;
}

// Each desktop connection and each PostgreSQL connection is a descriptor: the soft limit
// (often 1024) goes up to the hard one (systemd's LimitNOFILE), or hq's own 1024
// connections could not all be accepted (issue 19).
void raiseOpenFileLimit()
{
    rlimit limit{};
    if (::getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        ::setrlimit(RLIMIT_NOFILE, &limit);
    }
}

// Issue 19 (/v1/health within 50 ms while logins and a big push run): the event loop thread
// goes above PostgreSQL's backends, nice -5, where that is allowed (the unit's Nice=-5 does
// it for the whole process; root and CAP_SYS_NICE may). Worker threads, which inherit it,
// lower themselves to 5 and 10 (SyncServer), which needs no privilege.
void raiseEventLoopPriority()
{
    if (::getpriority(PRIO_PROCESS, 0) > -5)
        ::setpriority(PRIO_PROCESS, static_cast<id_t>(::gettid()), -5);
}


// Every option of every command: one parser for all of them.
struct HqOptions
{
    QCommandLineOption db{QStringLiteral("db"), QString(), QStringLiteral("CONNINFO")};
    QCommandLineOption branch{QStringLiteral("branch"), QString(), QStringLiteral("CODE")};
    QCommandLineOption id{QStringLiteral("id"), QString(), QStringLiteral("ID")};
    QCommandLineOption name{QStringLiteral("name"), QString(), QStringLiteral("NAME")};
    QCommandLineOption role{QStringLiteral("role"), QString(), QStringLiteral("ROLE")};
    QCommandLineOption listen{QStringLiteral("listen"), QString(), QStringLiteral("ADDR:PORT")};
    QCommandLineOption tlsCert{QStringLiteral("tls-cert"), QString(), QStringLiteral("FILE")};
    QCommandLineOption tlsKey{QStringLiteral("tls-key"), QString(), QStringLiteral("FILE")};
    QCommandLineOption ttl{QStringLiteral("token-ttl"), QString(), QStringLiteral("SECONDS"), QStringLiteral("3600")};
    QCommandLineOption idleDays{QStringLiteral("credential-idle-days"), QString(), QStringLiteral("DAYS"),
                                QStringLiteral("30")};
    QCommandLineOption workThreads{QStringLiteral("work-threads"), QString(), QStringLiteral("N"), QStringLiteral("4")};
    QCommandLineOption cacheMb{QStringLiteral("page-cache-mb"), QString(), QStringLiteral("MB"), QStringLiteral("256")};
    QCommandLineOption device{QStringLiteral("device"), QString(), QStringLiteral("ID")};
    QCommandLineOption reason{QStringLiteral("reason"), QString(), QStringLiteral("TEXT")};
    QCommandLineOption since{QStringLiteral("since"), QString(), QStringLiteral("DATE")};
    QCommandLineOption olderThan{QStringLiteral("older-than"), QString(), QStringLiteral("DAYS")};
    QCommandLineOption fromDate{QStringLiteral("from"), QString(), QStringLiteral("YYYY-MM-DD")};
    QCommandLineOption toDate{QStringLiteral("to"), QString(), QStringLiteral("YYYY-MM-DD")};
    QCommandLineOption targets{QStringLiteral("targets"), QString(), QStringLiteral("JSON"), QStringLiteral("{}")};
    QCommandLineOption newBranch{QStringLiteral("new-branch"), QString()};
    QCommandLineOption enable{QStringLiteral("enable"), QString()};
    QCommandLineOption behindProxy{QStringLiteral("behind-proxy"), QString()};
    QCommandLineOption corrupt{QStringLiteral("test-corrupt-every-nth-page"), QString(), QStringLiteral("N"),
                               QStringLiteral("0")};
    QCommandLineOption dryRun{QStringLiteral("dry-run")};
    QCommandLineOption allowRemovals{QStringLiteral("allow-removals"), QString(), QStringLiteral("N")};

    QList<QCommandLineOption> all() const
    {
        return {db, branch, id, name, role, listen, tlsCert, tlsKey, ttl, corrupt, olderThan, device, reason,
                since, fromDate, toDate, targets, dryRun, allowRemovals, newBranch, enable, behindProxy, idleDays,
                workThreads, cacheMb};
    }
};

// What a command runs with: its arguments and HQ's database.
struct Invocation
{
    QString command;
    const QCommandLineParser &p;
    const HqOptions &o;
    PgConnection &conn;

    QString value(const QCommandLineOption &option) const { return p.value(option); }
    bool isSet(const QCommandLineOption &option) const { return p.isSet(option); }
    // False, after saying so, when --branch is missing.
    bool hasBranch() const
    {
        if (!value(o.branch).isEmpty())
            return true;
        err() << command << " needs --branch CODE\n";
        return false;
    }
};

using Handler = int (*)(const Invocation &);

int initDb(const Invocation &in)
{
    HqDatabase(in.conn).initSchema();
    err() << "HQ schema ready\n";
    return 0;
}

int importExtract(const Invocation &in)
{
    const QString branch = in.value(in.o.branch);
    const QStringList files = in.p.positionalArguments();
    const bool dryRun = in.isSet(in.o.dryRun);
    const QString allowRemovals = in.value(in.o.allowRemovals);
    ExtractImporter::Options options;
    options.dryRun = dryRun;
    bool ok = true;
    if (!allowRemovals.isEmpty())
        options.allowRemovals = allowRemovals.toInt(&ok);
    if (branch.isEmpty() || files.size() != 1 || !ok || options.allowRemovals < -1) {
        err() << "import needs --branch CODE and one FILE.csv (or .xlsx); --allow-removals takes a count\n";
        return 2;
    }
    const ExtractImporter::Report r = ExtractImporter(in.conn).import(branch, files.first(), options);
    for (const QString &line : r.rowErrors)
        err() << line << "\n";
    QTextStream out(stdout);
    if (r.refused)
        out << r.summary();
    if (r.refused) {
        err() << "import refused, nothing was changed: " << r.error << "\n";
        return 3;
    }
    if (!r.ok) {
        err() << "import failed, nothing was changed: " << r.error << "\n";
        return 1;
    }
    if (r.titleRows > 0)
        err() << r.titleRows << " row(s) above the header skipped as titles\n";
    if (!dryRun && r.rescoped > 0) // records of the branch that changed hands with this extract (issue 15)
        err() << r.rescoped << " record(s) scoped anew to their RMs\n";
    out << QStringLiteral("%1rows %2 changed %3 unchanged %4 removed %5 last_seq %6\n")
               .arg(dryRun ? QStringLiteral("dry run, nothing changed: ") : QString())
               .arg(r.rows).arg(r.changed).arg(r.unchanged).arg(r.removed).arg(r.lastSeq);
    out << r.summary(); // after the totals line, which scripts read first
    return 0;
}

int rescope(const Invocation &in)
{
    if (!in.hasBranch())
        return 2;
    QTextStream(stdout) << "rescoped " << HqDatabase(in.conn).rescope(in.value(in.o.branch)) << Qt::endl;
    return 0;
}

int events(const Invocation &in)
{
    if (!in.hasBranch())
        return 2;
    QTextStream out(stdout);
    for (const QString &line : HqDatabase(in.conn).events(in.value(in.o.branch)))
        out << escapeControls(line) << "\n";
    return 0;
}

int pruneTombstones(const Invocation &in)
{
    bool ok = false;
    const int days = in.value(in.o.olderThan).toInt(&ok);
    if (in.value(in.o.branch).isEmpty() || !ok || days < 0) {
        err() << "prune-tombstones needs --branch CODE and --older-than DAYS\n";
        return 2;
    }
    const int dropped = HqDatabase(in.conn).pruneTombstones(in.value(in.o.branch), days);
    QTextStream(stdout) << "pruned " << dropped << Qt::endl;
    return 0;
}

int disableStaff(const Invocation &in)
{
    const QString branch = in.value(in.o.branch);
    const QString id = in.value(in.o.id);
    if (branch.isEmpty() || id.isEmpty()) {
        err() << "disable-staff needs --branch CODE --id ID\n";
        return 2;
    }
    if (!HqDatabase(in.conn).disableStaff(branch, id)) {
        err() << "no staff member " << id << " in branch " << branch << "\n";
        return 1;
    }
    err() << "staff member " << id << " disabled; their sessions are revoked\n";
    return 0;
}

int markDeviceLost(const Invocation &in)
{
    const QString branch = in.value(in.o.branch);
    const QString device = in.value(in.o.device);
    if (branch.isEmpty() || device.isEmpty()) {
        err() << "mark-device-lost needs --branch CODE --device ID\n";
        return 2;
    }
    if (!HqDatabase(in.conn).markDeviceLost(branch, device, in.value(in.o.reason))) {
        err() << "no device " << device << " in branch " << branch << "\n";
        return 1;
    }
    err() << "device " << device << " marked lost\n";
    return 0;
}

// The manager's view of the audit trail (issue 8): sign-ins, failed unlocks, reveals, exports,
// prints, assignments, policy changes; customer numbers only, no personal data.
int audit(const Invocation &in)
{
    if (!in.hasBranch())
        return 2;
    QTextStream out(stdout);
    out << "at\tdevice\tstaff\tevent\tsubject\tdetail\n";
    bool intact = true;
    // A detail typed on a desktop may hold tabs, newlines or terminal escapes.
    for (const QString &line : HqDatabase(in.conn).auditTrail(in.value(in.o.branch), in.value(in.o.since), &intact))
        out << escapeControls(line) << "\n";
    return intact ? 0 : 3;
}

int devices(const Invocation &in)
{
    if (!in.hasBranch())
        return 2;
    QTextStream out(stdout);
    for (const QString &line : HqDatabase(in.conn).devices(in.value(in.o.branch)))
        out << line << "\n";
    return 0;
}

// HQ's campaign travels like a manager's: a "campaign" record, last write wins.
int setCampaign(const Invocation &in)
{
    const QDate start = QDate::fromString(in.value(in.o.fromDate), Qt::ISODate);
    const QDate end = QDate::fromString(in.value(in.o.toDate), Qt::ISODate);
    const QJsonDocument t = QJsonDocument::fromJson(in.value(in.o.targets).toUtf8());
    const QString branch = in.value(in.o.branch);
    const QString id = in.value(in.o.id);
    if (branch.isEmpty() || id.isEmpty() || in.value(in.o.name).isEmpty() || !start.isValid() || !end.isValid()
        || end < start) {
        err() << "set-campaign needs --branch, --id, --name and --from/--to dates as YYYY-MM-DD, --from first\n";
        return 2;
    }
    if (!t.isObject()) {
        err() << "set-campaign: --targets must be a JSON object such as '{\"maturity_conversion\": 900}'\n";
        return 2;
    }
    const QJsonObject payload{{QStringLiteral("campaign_id"), id},
                              {QStringLiteral("name"), in.value(in.o.name)},
                              {QStringLiteral("starts_on"), start.toString(Qt::ISODate)},
                              {QStringLiteral("ends_on"), end.toString(Qt::ISODate)},
                              {QStringLiteral("targets"), QString::fromUtf8(t.toJson(QJsonDocument::Compact))},
                              {QStringLiteral("updated_by"), QStringLiteral("HQ")},
                              {QStringLiteral("updated_at"), QDateTime::currentDateTime().toString(Qt::ISODateWithMs)},
                              {QStringLiteral("device_id"), QStringLiteral("hq")}};
    HqDatabase(in.conn).putRecord(branch, QStringLiteral("campaign"), id, payload);
    err() << "campaign " << id << " saved\n";
    return 0;
}

int addStaff(const Invocation &in)
{
    const QString branch = in.value(in.o.branch);
    const QString id = in.value(in.o.id);
    const QString r = in.value(in.o.role);
    if (branch.isEmpty() || id.isEmpty() || in.value(in.o.name).isEmpty()
        || (r != QLatin1String("rm") && r != QLatin1String("manager"))) {
        err() << "add-staff needs --branch, --id, --name and --role rm|manager\n";
        return 2;
    }
    std::string line;
    std::getline(std::cin, line);
    const QString password = QString::fromStdString(line).trimmed();
    if (password.size() < 8) {
        err() << "the password (read from stdin) must have at least 8 characters\n";
        return 2;
    }
    switch (HqDatabase(in.conn).addStaff(branch, id, in.value(in.o.name), r, password, in.isSet(in.o.newBranch),
                                      in.isSet(in.o.enable))) {
    case HqDatabase::AddStaff::NoSuchBranch:
        err() << "no branch " << branch << ": check the code, or add --new-branch to create it\n";
        return 1;
    case HqDatabase::AddStaff::Disabled:
        err() << "staff member " << id << " is disabled: add --enable to enable the account again\n";
        return 1;
    case HqDatabase::AddStaff::Ok:
        break;
    }
    err() << "staff member " << id << " saved; their earlier sessions are ended\n";
    return 0;
}

// serve's numbers: false, after saying so, when one is not a whole number in its range.
bool readServeOptions(const Invocation &in, SyncServer::Options *options)
{
    bool numbersOk = true;
    for (const QCommandLineOption *o : {&in.o.ttl, &in.o.idleDays, &in.o.workThreads, &in.o.cacheMb}) {
        bool ok = false;
        numbersOk = numbersOk && in.value(*o).toInt(&ok) >= 0 && ok;
    }
    const int threads = in.value(in.o.workThreads).toInt();
    if (!numbersOk || in.value(in.o.ttl).toInt() < 1 || in.value(in.o.idleDays).toInt() < 1 || threads < 1
        || threads > 64) {
        err() << "serve: --token-ttl, --credential-idle-days and --work-threads (1-64) take positive whole numbers,"
                 " --page-cache-mb a whole number\n";
        return false;
    }
    options->tokenTtlSeconds = in.value(in.o.ttl).toInt();
    options->credentialIdleDays = in.value(in.o.idleDays).toInt();
    options->workThreads = threads;
    options->pageCacheBytes = qsizetype(in.value(in.o.cacheMb).toInt()) * 1024 * 1024;
    options->corruptEveryNthPage = in.value(in.o.corrupt).toInt();
    options->behindProxy = in.isSet(in.o.behindProxy);
    // This very binary (even if the package replaced the file since) hashes passwords.
    options->hashHelper = {QStringLiteral("/proc/self/exe"), QLatin1String(HashHelper::kCommand)};
    return true;
}

// serve's TLS from --tls-cert and --tls-key; false, after saying so, when they cannot be read.
bool readTls(const Invocation &in, QSslConfiguration *ssl)
{
    QFile certFile(in.value(in.o.tlsCert)), keyFile(in.value(in.o.tlsKey));
    if (!certFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly)) {
        err() << "cannot read the TLS certificate or key\n";
        return false;
    }
    const QSslCertificate cert(&certFile, QSsl::Pem);
    const QSslKey key(&keyFile, QSsl::Rsa, QSsl::Pem);
    if (cert.isNull() || key.isNull()) {
        err() << "the TLS certificate or key is not valid PEM\n";
        return false;
    }
    *ssl = serverTls(cert, key);
    return true;
}

int serve(const Invocation &in)
{
    const QString l = in.value(in.o.listen);
    const int colon = l.lastIndexOf(QLatin1Char(':'));
    QHostAddress address(l.left(colon));
    bool portOk = false;
    const int port = l.mid(colon + 1).toInt(&portOk);
    if (colon < 0 || address.isNull() || !portOk || port < 0 || port > 65535) {
        err() << "serve needs --listen ADDRESS:PORT, e.g. 127.0.0.1:8443\n";
        return 2;
    }
    const bool tls = in.isSet(in.o.tlsCert) || in.isSet(in.o.tlsKey);
    if (!tls && !address.isLoopback()) {
        err() << "refusing to listen on " << l << " without TLS: use --tls-cert/--tls-key or a loopback address\n";
        return 2;
    }
    SyncServer::Options options;
    if (!readServeOptions(in, &options))
        return 2;
    raiseOpenFileLimit();
    raiseEventLoopPriority();
    SyncServer server(in.value(in.o.db), options);
    QSslConfiguration ssl;
    if (tls && !readTls(in, &ssl))
        return 2;
    const quint16 bound = server.listen(address, quint16(port), ssl);
    if (bound == 0) {
        err() << "cannot listen on " << l << "\n";
        return 1;
    }
    // Scripts and tests wait for this line.
    QTextStream(stdout) << "listening " << address.toString() << ":" << bound << Qt::endl;
    return QCoreApplication::exec();
}

// The commands, in the order --help lists them; each one's usage is its part of --help.
const CommandTable::Command<Handler> kCommands[] = {
    {"init-db", initDb,
     "  init-db                                   create or upgrade HQ's tables\n",
     false}, // it makes the schema current
    {"import", importExtract,
     "  import --branch CODE FILE.csv|FILE.xlsx [--dry-run] [--allow-removals N]\n"
     "                                            load a full core-banking extract: every row checked\n"
     "                                            first, a summary per record type; removing more than\n"
     "                                            2% of the customers (or a file without customers) is\n"
     "                                            refused unless N says how many are expected\n"},
    {"add-staff", addStaff,
     "  add-staff --branch CODE --id ID --name NAME --role rm|manager [--new-branch] [--enable]\n"
     "                                            (password read from stdin; --new-branch to create the\n"
     "                                            branch, --enable to re-enable a disabled account)\n"},
    {"prune-tombstones", pruneTombstones,
     "  prune-tombstones --branch CODE --older-than DAYS\n"
     "                                            drop old deletions (stale desktops then resync fully)\n"},
    {"disable-staff", disableStaff,
     "  disable-staff --branch CODE --id ID          end a staff member's access and sessions\n"},
    {"mark-device-lost", markDeviceLost,
     "  mark-device-lost --branch CODE --device ID [--reason TEXT]\n"
     "                                            the device erases its store at its next contact\n"},
    {"devices", devices,
     "  devices --branch CODE                     list the branch's devices\n"},
    {"audit", audit,
     "  audit --branch CODE [--since YYYY-MM-DD]  the branch's audit trail and each device's chain check\n"
     "      (keyed chains: numbers, MACs and links; exit 3 when a chain is broken, has a gap or was rekeyed)\n"},
    {"events", events,
     "  events --branch CODE                      HQ's security events (refusals, lockouts, bulk pulls, wipes)\n"},
    {"rescope", rescope,
     "  rescope --branch CODE                     recompute which RM may pull which record (import does it)\n"},
    {"set-campaign", setCampaign,
     "  set-campaign --branch CODE --id ID --name NAME --from YYYY-MM-DD --to YYYY-MM-DD\n"
     "               [--targets JSON]             send a campaign and its targets (per mille) to the\n"
     "                                            branch's desktops, e.g. '{\"maturity_conversion\": 900}'\n"},
    {"serve", serve,
     "  serve --listen 127.0.0.1:PORT [--tls-cert FILE --tls-key FILE] [--token-ttl SECONDS] [--behind-proxy]\n"
     "        [--credential-idle-days DAYS] [--work-threads N] [--page-cache-mb MB]\n"
     "                                            tokens last --token-ttl (default 3600); a device's\n"
     "                                            credential renews them until unused for DAYS (30);\n"
     "                                            N threads (4) serve pages and pushes, a cache of MB\n"
     "                                            (256, 0 = none) keeps encoded pages\n"},
};

const char *const kDatabaseLine = "PostgreSQL is reached through the usual PG* variables, or --db \"host=... dbname=...\".\n";

// The whole usage text: the commands above, the policy and calendar commands, the database.
QString usageText()
{
    return QStringLiteral("Usage: branchdesk-hq COMMAND [--db CONNINFO] [options]\n") + CommandTable::usageOf(kCommands)
           + PolicyCommand::usage() + QString::fromUtf8(kDatabaseLine);
}

int usage()
{
    err() << usageText();
    err().flush();
    return 2;
}

// `branchdesk-hq --help` and `branchdesk-hq COMMAND --help`: answered without a database.
int help(const QString &command)
{
    QTextStream out(stdout);
    const QStringList own = CommandTable::linesOf(usageText(), command);
    if (command.isEmpty() || own.isEmpty()) {
        out << usageText();
        return command.isEmpty() ? 0 : 2;
    }
    out << "Usage: branchdesk-hq " << own.join(QLatin1Char('\n')).trimmed() << "\n" << kDatabaseLine;
    return 0;
}

// Runs `command` against HQ's database, whose schema must be current unless the command makes it so.
int runCommand(const CommandTable::Command<Handler> &command, const QCommandLineParser &p, const HqOptions &o)
{
    try {
        PgConnection conn(p.value(o.db));
        if (command.checked) {
            const int version = HqDatabase(conn).schemaVersion();
            if (version != HqDatabase::kSchemaVersion) {
                err() << "HQ's database has schema version " << version << ", this branchdesk-hq needs "
                      << HqDatabase::kSchemaVersion << ": run branchdesk-hq init-db first\n";
                return 1;
            }
        }
        return command.run(Invocation{QString::fromLatin1(command.name), p, o, conn});
    } catch (const PgError &e) {
        err() << "error: " << e.message() << "\n";
        return 1;
    }
}

} // namespace

int main(int argc, char *argv[])
{
    // A password hash helper of `serve` (hq/hashhelper.h): no Qt application, no arguments,
    // nothing but the socket on stdin.
    if (argc == 2 && std::strcmp(argv[1], HashHelper::kCommand) == 0)
        return HashHelper::serve(STDIN_FILENO);
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("branchdesk-hq"));
    QCoreApplication::setApplicationVersion(QStringLiteral(BRANCHDESK_VERSION));
    if (!PasswordHasher::init()) {
        err() << "libsodium could not be initialised\n";
        return 1;
    }
    QStringList args = QCoreApplication::arguments();
    if (args.size() < 2)
        return usage();
    const QString command = args.takeAt(1);
    if (PolicyCommand::handles(command)) // answers its own --help
        return PolicyCommand::run(command, args.mid(1));
    if (command == QLatin1String("--help") || command == QLatin1String("-h") || command == QLatin1String("help"))
        return help(QString());
    if (args.contains(QLatin1String("--help")) || args.contains(QLatin1String("-h")))
        return help(command);
    if (command == QLatin1String("--version")) {
        QTextStream(stdout) << "branchdesk-hq " << QCoreApplication::applicationVersion() << Qt::endl;
        return 0;
    }

    const HqOptions options;
    QCommandLineParser p;
    p.addOptions(options.all());
    if (!p.parse(args)) {
        err() << p.errorText() << "\n";
        return usage();
    }
    if (const auto *entry = CommandTable::find(kCommands, command))
        return runCommand(*entry, p, options);
    err() << "unknown command: " << command << "\n";
    return usage();
}
