#include "clicommands.h"
#include "cliunlock.h"
#include "cadencecommands.h"
#include "importcommand.h"
#include "listcommand.h"

#include "domain/branchsnapshot.h"
#include "domain/demogenerator.h"
#include "domain/extractcsv.h"
#include "store/branchrepository.h"
#include "store/branchstore.h"
#include "store/database.h"
#include "store/schemamigrations.h"
#include "store/storeerror.h"
#include "store/storefiles.h"
#include "store/syncengine.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QSslCertificate>
#include <QTextStream>

namespace {

struct BranchSize
{
    int customers = 0;
    quint64 seed = 0;
    QDate today;
};

} // namespace

// demo and extract write new files: no store of the branch to unlock first.
const CommandTable::Command<CliCommands::Handler> CliCommands::kCommands[] = {
    {"demo", &CliCommands::demo, nullptr, false},
    {"extract", &CliCommands::extract, nullptr, false},
    {"stats", &CliCommands::stats},
    {"list", &CliCommands::list},
    {"tasks", &CliCommands::tasks},
    {"log-contact", &CliCommands::logContact},
    {"sync", &CliCommands::sync},
    {"import", &CliCommands::importCustomers},
};

int CliCommands::run(const QStringList &arguments)
{
    if (arguments.size() < 2)
        return usage(2);
    const QString command = arguments.at(1);
    QStringList rest = arguments;
    rest.removeAt(1); // keep argv[0] for QCommandLineParser
    if (rest.contains(QLatin1String("--help")) || rest.contains(QLatin1String("-h")))
        return commandUsage(command);
    if (command == QLatin1String("--version") || command == QLatin1String("-v")) {
        m_out << "branchdesk-cli " << QCoreApplication::applicationVersion() << Qt::endl;
        return 0;
    }
    if (command == QLatin1String("--help") || command == QLatin1String("-h") || command == QLatin1String("help"))
        return usage(0);
    const auto *entry = CommandTable::find(kCommands, command);
    if (!entry) {
        m_err << tr("Unknown command: %1").arg(command) << Qt::endl;
        return usage(2);
    }
    // Issue 15: the unlock waits and the offline grace period, as in the app.
    if (entry->checked) {
        const int refused = CliUnlock::gate(command, rest, passphrase(), m_err);
        if (refused >= 0)
            return refused;
    }
    return (this->*entry->run)(rest);
}

int CliCommands::list(const QStringList &args)
{
    if (CadenceCommands::handlesList(args))
        return CadenceCommands(m_out, m_err).list(args, passphrase());
    return ListCommand(m_out, m_err).run(args, passphrase());
}

int CliCommands::tasks(const QStringList &args)
{
    return CadenceCommands(m_out, m_err).tasks(args, passphrase());
}

int CliCommands::logContact(const QStringList &args)
{
    return CadenceCommands(m_out, m_err).logContact(args, passphrase());
}

int CliCommands::importCustomers(const QStringList &args)
{
    return ImportCommand(m_out, m_err).run(args, passphrase());
}

int CliCommands::commandUsage(const QString &command)
{
    // The command's own lines of the full usage: "  command ..." and the indented lines under it.
    const QStringList own = CommandTable::linesOf(usageText(), command);
    if (own.isEmpty()) {
        m_err << tr("Unknown command: %1").arg(command) << Qt::endl;
        return usage(2);
    }
    m_out << tr("Usage: branchdesk-cli %1").arg(own.join(QLatin1Char('\n')).trimmed()) << Qt::endl;
    m_out << tr("The store passphrase is read from the environment variable BRANCHDESK_PASSPHRASE.") << Qt::endl;
    return 0;
}

QString CliCommands::usageText()
{
    return tr("Usage: branchdesk-cli COMMAND [options]\n"
            "\n"
            "Commands:\n"
            "  demo --customers N --seed S --store PATH [--today YYYY-MM-DD]\n"
            "        write a generated demo branch to an encrypted store\n"
            "  extract --customers N --seed S --out FILE.csv [--today YYYY-MM-DD]\n"
            "        write the same branch as a core-banking extract (CSV)\n"
            "  stats --store PATH\n"
            "        print customer counts per tier and holdings per product type as JSON\n"
            "  sync --store PATH --hq URL --user ID [--branch CODE] [--ca-cert FILE]\n"
            "        sync the store with HQ (password from BRANCHDESK_HQ_PASSWORD; creates the store)\n"
            "  --version\n"
            "\n"
            "The store passphrase is read from the environment variable BRANCHDESK_PASSPHRASE.\n")
           + ListCommand::usage() + CadenceCommands::usage() + ImportCommand::usage();
}

int CliCommands::usage(int code)
{
    QTextStream &s = code == 0 ? m_out : m_err;
    s << usageText();
    s.flush();
    return code;
}

QString CliCommands::passphrase()
{
    return qEnvironmentVariable("BRANCHDESK_PASSPHRASE");
}

static bool parseSize(QCommandLineParser &p, const QStringList &args, BranchSize *size, QTextStream &err)
{
    const QCommandLineOption customers(QStringLiteral("customers"), QString(), QStringLiteral("N"));
    const QCommandLineOption seed(QStringLiteral("seed"), QString(), QStringLiteral("S"), QStringLiteral("7"));
    const QCommandLineOption today(QStringLiteral("today"), QString(), QStringLiteral("YYYY-MM-DD"));
    p.addOption(customers);
    p.addOption(seed);
    p.addOption(today);
    if (!p.parse(args)) {
        err << p.errorText() << Qt::endl;
        return false;
    }
    bool ok = false;
    size->customers = p.value(customers).toInt(&ok);
    if (!ok || size->customers < DemoGenerator::kMinCustomers || size->customers > DemoGenerator::kMaxCustomers) {
        err << CliCommands::tr("--customers must be a number from %1 to %2, got '%3'")
                   .arg(DemoGenerator::kMinCustomers)
                   .arg(DemoGenerator::kMaxCustomers)
                   .arg(p.value(customers))
            << Qt::endl;
        return false;
    }
    size->seed = p.value(seed).toULongLong(&ok);
    if (!ok) {
        err << CliCommands::tr("--seed must be a non-negative number, got '%1'").arg(p.value(seed)) << Qt::endl;
        return false;
    }
    if (p.isSet(today)) {
        size->today = QDate::fromString(p.value(today), Qt::ISODate);
        if (!size->today.isValid()) {
            err << CliCommands::tr("--today must be a date as YYYY-MM-DD, got '%1'").arg(p.value(today)) << Qt::endl;
            return false;
        }
    } else {
        size->today = QDate::currentDate();
    }
    return true;
}

int CliCommands::demo(const QStringList &args)
{
    QCommandLineParser p;
    const QCommandLineOption store(QStringLiteral("store"), QString(), QStringLiteral("PATH"));
    p.addOption(store);
    BranchSize size;
    if (!parseSize(p, args, &size, m_err))
        return 2;
    if (p.value(store).isEmpty()) {
        m_err << tr("demo needs --store PATH") << Qt::endl;
        return 2;
    }
    const QString pass = passphrase();
    if (pass.isEmpty()) {
        m_err << tr("Set the store passphrase in the environment variable BRANCHDESK_PASSPHRASE") << Qt::endl;
        return 2;
    }
    QElapsedTimer timer;
    timer.start();
    try {
        DemoGenerator::Options options{size.customers, size.seed, size.today};
        BranchStore::createDemo(p.value(store), pass, options);
    } catch (const StoreError &e) {
        m_err << tr("Error: %1").arg(e.message()) << Qt::endl;
        return 1;
    }
    m_err << tr("Wrote %1 customers to %2 in %3 ms")
                 .arg(size.customers)
                 .arg(p.value(store))
                 .arg(timer.elapsed())
          << Qt::endl;
    return 0;
}

int CliCommands::extract(const QStringList &args)
{
    QCommandLineParser p;
    const QCommandLineOption outOpt(QStringLiteral("out"), QString(), QStringLiteral("FILE"));
    p.addOption(outOpt);
    BranchSize size;
    if (!parseSize(p, args, &size, m_err))
        return 2;
    if (p.value(outOpt).isEmpty()) {
        m_err << tr("extract needs --out FILE.csv") << Qt::endl;
        return 2;
    }
    BranchData data;
    DemoGenerator::generate({size.customers, size.seed, size.today}, &data);
    QSaveFile file(p.value(outOpt));
    if (!file.open(QIODevice::WriteOnly)) {
        m_err << tr("Cannot write %1: %2").arg(p.value(outOpt), file.errorString()) << Qt::endl;
        return 1;
    }
    QString error;
    if (!ExtractCsv::write(data, &file, &error) || !file.commit()) {
        m_err << tr("Cannot write %1: %2").arg(p.value(outOpt), error.isEmpty() ? file.errorString() : error)
              << Qt::endl;
        return 1;
    }
    return 0;
}

int CliCommands::stats(const QStringList &args)
{
    QCommandLineParser p;
    const QCommandLineOption store(QStringLiteral("store"), QString(), QStringLiteral("PATH"));
    p.addOption(store);
    if (!p.parse(args) || p.value(store).isEmpty()) {
        m_err << tr("stats needs --store PATH") << Qt::endl;
        return 2;
    }
    const QString pass = passphrase();
    if (pass.isEmpty()) {
        m_err << tr("Set the store passphrase in the environment variable BRANCHDESK_PASSPHRASE") << Qt::endl;
        return 2;
    }
    BranchData data;
    try {
        Database db = Database::open(p.value(store), pass, Database::OpenMode::ExistingOnly);
        SchemaMigrations::migrate(db);
        BranchRepository(db).loadAll(&data);
    } catch (const StoreError &e) {
        m_err << tr("Error: %1").arg(e.message()) << Qt::endl;
        return 1;
    }
    const BranchSnapshot snapshot(std::move(data), TierPolicy::defaultPolicy(), QDate::currentDate());
    const TierPolicy &policy = snapshot.tierPolicy();
    QVector<int> tierCounts(policy.count(), 0);
    QVector<qint64> tierAum(policy.count(), 0);
    for (int i = 0; i < snapshot.customerCount(); ++i) {
        ++tierCounts[snapshot.tierOf(i)];
        tierAum[snapshot.tierOf(i)] += snapshot.customer(i).aumFen;
    }
    QJsonObject tiers;
    QJsonObject tierAumJson;
    for (int t = 0; t < policy.count(); ++t) {
        tiers.insert(policy.tier(t).id, tierCounts.at(t));
        tierAumJson.insert(policy.tier(t).id, double(tierAum.at(t)));
    }
    QVector<int> typeCounts(Holding::kProductTypeCount, 0);
    for (const Holding &h : snapshot.holdings())
        ++typeCounts[int(h.productType)];
    QJsonObject types;
    for (int t = 0; t < Holding::kProductTypeCount; ++t)
        types.insert(Holding::productTypeKey(Holding::ProductType(t)), typeCounts.at(t));
    QJsonObject root;
    root.insert(QStringLiteral("branch"), snapshot.branchCode());
    root.insert(QStringLiteral("customers"), snapshot.customerCount());
    root.insert(QStringLiteral("holdings"), snapshot.holdingCount());
    root.insert(QStringLiteral("tiers"), tiers);
    root.insert(QStringLiteral("tier_aum_fen"), tierAumJson);
    root.insert(QStringLiteral("holdings_by_type"), types);
    m_out << QString::fromUtf8(QJsonDocument(root).toJson(QJsonDocument::Indented));
    return 0;
}

int CliCommands::sync(const QStringList &args)
{
    QCommandLineParser p;
    const QCommandLineOption store(QStringLiteral("store"), QString(), QStringLiteral("PATH"));
    const QCommandLineOption hq(QStringLiteral("hq"), QString(), QStringLiteral("URL"));
    const QCommandLineOption user(QStringLiteral("user"), QString(), QStringLiteral("ID"));
    const QCommandLineOption branch(QStringLiteral("branch"), QString(), QStringLiteral("CODE"));
    const QCommandLineOption pageSize(QStringLiteral("page-size"), QString(), QStringLiteral("N"), QStringLiteral("5000"));
    const QCommandLineOption caCert(QStringLiteral("ca-cert"), QString(), QStringLiteral("FILE"));
    p.addOptions({store, hq, user, branch, pageSize, caCert});
    if (!p.parse(args) || p.value(store).isEmpty() || p.value(hq).isEmpty() || p.value(user).isEmpty()) {
        m_err << tr("sync needs --store PATH --hq URL --user ID") << Qt::endl;
        return 2;
    }
    const QUrl url(p.value(hq));
    if (!url.isValid() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))) {
        m_err << tr("--hq must be an http:// or https:// URL, got '%1'").arg(p.value(hq)) << Qt::endl;
        return 2;
    }
    const QString pass = passphrase();
    if (pass.isEmpty()) {
        m_err << tr("Set the store passphrase in the environment variable BRANCHDESK_PASSPHRASE") << Qt::endl;
        return 2;
    }
    SyncEngine::Settings settings;
    settings.hq = url;
    settings.branch = p.value(branch);
    settings.staffId = p.value(user);
    settings.password = qEnvironmentVariable("BRANCHDESK_HQ_PASSWORD");
    settings.pageSize = qMax(1, p.value(pageSize).toInt());
    if (p.isSet(caCert)) {
        // Trust exactly this certificate (HQ's own, or the bank's private CA): nothing else.
        settings.caCertificates = QSslCertificate::fromPath(p.value(caCert));
        if (settings.caCertificates.isEmpty()) {
            m_err << tr("--ca-cert: no PEM certificate in %1").arg(p.value(caCert)) << Qt::endl;
            return 2;
        }
    }
    QElapsedTimer timer;
    timer.start();
    SyncEngine::Report report;
    try {
        Database db = Database::open(p.value(store), pass, Database::OpenMode::CreateIfMissing);
        report = SyncEngine::run(db, settings);
    } catch (const StoreError &e) {
        m_err << tr("Error: %1").arg(e.message()) << Qt::endl;
        return 1;
    }
    if (report.status == HqClient::Status::DeviceLost) {
        // The connection is closed: erase every file of the store.
        const bool erased = StoreFiles::erase(p.value(store));
        if (erased)
            SyncEngine::reportErased(settings, report.token); // HQ's record that the erase happened
        m_err << (erased ? tr("HQ reports this computer lost: the branch store %1 was erased.").arg(p.value(store))
                         : tr("HQ reports this computer lost, but %1 could not be fully erased.").arg(p.value(store)))
              << Qt::endl;
        return 1;
    }
    m_out << QStringLiteral("pushed %1 pulled %2 deleted %3 pages %4 cursor %5 pending %6 conflicts %7 checksum_retries %8 ms %9")
                 .arg(report.pushed).arg(report.pulled).arg(report.deleted).arg(report.pages).arg(report.cursor)
                 .arg(report.pending).arg(report.conflicts).arg(report.checksumRetries).arg(timer.elapsed())
          << Qt::endl;
    if (!report.ok) {
        m_err << tr("Sync failed: %1").arg(report.error) << Qt::endl;
        return 1;
    }
    return 0;
}
