// bench_storm: the 8:30 sign-in storm of issue 19, against a running branchdesk-hq (or
// nginx in front of several) and PostgreSQL.
//
//   bench_storm --hq URL --branch CODE --staff PREFIX --staff-count K --desktops N
//               [--window SECONDS] [--burst B] [--threads T] [--sign-ins S]
//
// Simulated desktops speak the real protocol through HqClient (one client and connection
// per sync, as SyncEngine::run makes), without a local store. Desktop i is device
// "storm-RUN-i" of staff PREFIX + (i mod K), 1-based and zero-padded to 4 digits (run.sh
// creates them with add-staff; the password comes from BRANCHDESK_HQ_PASSWORD).
//   P0. The first S desktops (default 200) sign in with their password (Argon2id at HQ):
//       the rollout day, B at a time; p50/p99 and the rate shown, not judged (it happens
//       once per device). The other N - S desktops get their device credential written
//       straight into HQ's database as a sign-in leaves it (DeviceCredentials::issue, after
//       the device row; PG* variables name the database): 2,000 Argon2id sign-ins on HQ's 2
//       hash helpers take minutes and would measure nothing P0 does not already show.
//   P1. B desktops renew their token with their device credential at once: the morning
//       sign-in. Target p99 <= 2 s.
//   P2. B desktops sync at once: push 1-2 contacts, pull to the end. Target p99 <= 1 s.
//   P3. The storm: all N desktops, each starting at a random moment of the window, renew
//       their token (it expired overnight), push a contact and pull to the end. Target:
//       0 errors; p50/p99 shown.
#include "benchutil.h"

#include "devicecredentials.h"
#include "pgconnection.h"
#include "domain/contact.h"
#include "store/contactrepository.h"
#include "store/schemamigrations.h"
#include "protocol/hqclient.h"
#include "protocol/wireformat.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QMutex>
#include <QThread>
#include <QThreadPool>
#include <QUuid>

#include <atomic>
#include <cmath>
#include <random>
#include <stdexcept>

using bench::detail;
using bench::Stopwatch;
using bench::Target;

namespace {

struct Config
{
    QUrl hq;
    QString branch;
    QString staffPrefix;
    QString password;
    int staffCount = 100;
    int desktops = 2000;
    int windowSeconds = 60;
    int burst = 200;
    int threads = 256;
    int signIns = 200;
};

double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    const size_t rank = size_t(std::ceil(p / 100.0 * double(v.size())));
    return v[std::min(v.size() - 1, rank > 0 ? rank - 1 : 0)];
}

struct Desktop
{
    QString deviceId;
    QString staffId;
    QString credential;
    QString auditKeyId; // kept as a desktop keeps it, or every renewal would make a new key
    QString token;
    qint64 cursor = 0;
    qint64 deviceSeq = 0;
};

// Latencies and errors of one phase, from many threads.
struct Phase
{
    QMutex mutex;
    std::vector<double> ms;
    int errors = 0;
    QStringList messages;
    void ok(double t)
    {
        QMutexLocker lock(&mutex);
        ms.push_back(t);
    }
    void fail(const QString &what)
    {
        QMutexLocker lock(&mutex);
        ++errors;
        if (messages.size() < 5)
            messages << what;
    }
    void report(const char *name) const
    {
        detail("%s: %zu done, p50 %.0f ms, p99 %.0f ms, max %.0f ms, errors %d", name, ms.size(), percentile(ms, 50),
               percentile(ms, 99), bench::maximum(ms), errors);
        for (const QString &m : messages)
            detail("  error: %s", qPrintable(m));
    }
};

HqClient::Status renew(const Config &c, Desktop &d, HqClient &client)
{
    HqClient::Login login;
    client.setAuditKeyId(d.auditKeyId);
    const HqClient::Status st = client.renew(d.deviceId, d.credential, &login);
    if (st == HqClient::Status::Ok) {
        d.token = login.token;
        if (!login.auditKeyId.isEmpty())
            d.auditKeyId = login.auditKeyId;
    }
    Q_UNUSED(c);
    return st;
}

// A sync as SyncEngine::run does it: push, then pull to the end; a 401 renews once.
bool sync(const Config &c, Desktop &d, HqClient &client, QString *error)
{
    WireFormat::PushBatch batch;
    batch.schemaVersion = SchemaMigrations::latestVersion();
    batch.deviceId = d.deviceId;
    const int n = 1 + int(d.deviceSeq % 2);
    for (int i = 0; i < n; ++i) {
        Contact contact;
        contact.contactId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        contact.customerNo = QStringLiteral("STORM%1").arg(d.deviceSeq % 97);
        contact.staffId = d.staffId;
        contact.contactedAt = QDateTime::currentDateTime();
        contact.createdAt = contact.contactedAt;
        contact.note = QStringLiteral("storm");
        contact.deviceId = d.deviceId;
        batch.records.push_back({QStringLiteral("contact"), contact.contactId, ++d.deviceSeq, false,
                                 ContactRepository::toJson(contact)});
    }
    client.setToken(d.token);
    WireFormat::PushResult result;
    HqClient::Status st = client.push(c.branch, batch, &result);
    if (st == HqClient::Status::Unauthorized && renew(c, d, client) == HqClient::Status::Ok)
        st = client.push(c.branch, batch, &result);
    if (st != HqClient::Status::Ok || result.ackedThrough != d.deviceSeq) {
        *error = QStringLiteral("push: ") + client.lastError();
        return false;
    }
    for (int guard = 0; guard < 1000; ++guard) {
        WireFormat::Page page;
        if (client.pull(c.branch, d.cursor, 5000, &page) != HqClient::Status::Ok || !WireFormat::verify(page)) {
            *error = QStringLiteral("pull: ") + client.lastError();
            return false;
        }
        d.cursor = page.next;
        if (!page.hasMore)
            return true;
    }
    *error = QStringLiteral("pull: no end");
    return false;
}

// Runs `job` for every desktop in `which`, up to `threads` at once, and waits.
template<typename Job>
void everyDesktop(QThreadPool &pool, std::vector<Desktop> &desktops, size_t count, Job job)
{
    for (size_t i = 0; i < count; ++i)
        pool.start([&, i] { job(desktops[i]); });
    pool.waitForDone();
}

// P0: desktops [0, count) sign in with the password, `pool`'s size at a time.
void provision(const Config &c, QThreadPool &pool, std::vector<Desktop> &desktops, size_t count)
{
    Phase p;
    Stopwatch all;
    everyDesktop(pool, desktops, count, [&](Desktop &d) {
        HqClient client(c.hq);
        client.setTimeoutMs(600000);
        HqClient::Login login;
        Stopwatch sw;
        if (client.login(c.branch, d.staffId, c.password, d.deviceId, &login) != HqClient::Status::Ok
            || login.deviceCredential.isEmpty()) {
            p.fail(QStringLiteral("sign-in: ") + client.lastError());
            return;
        }
        p.ok(sw.ms());
        d.credential = login.deviceCredential;
        d.auditKeyId = login.auditKeyId;
        d.token = login.token;
    });
    p.report("P0 password sign-ins (once per device)");
    const double seconds = all.ms() / 1000;
    detail("P0 %zu desktops signed in with the password in %.1f s (%.1f a second), %d at a time", count, seconds,
           seconds > 0 ? double(count) / seconds : 0.0, pool.maxThreadCount());
    bench::result("storm_password", "  password sign-in p99 (once per device)", percentile(p.ms, 99), "ms", Target::Info);
    if (p.errors > 0)
        throw std::runtime_error("provisioning failed: " + p.messages.join(QStringLiteral("; ")).toStdString());
}

// Desktops [from, end) get the device row and credential a sign-in leaves, without Argon2id.
void seed(const Config &c, std::vector<Desktop> &desktops, size_t from)
{
    if (from >= desktops.size())
        return;
    Stopwatch sw;
    PgConnection db; // PG* variables, as run.sh sets them
    db.exec("SET synchronous_commit = off");
    DeviceCredentials credentials(db);
    for (size_t i = from; i < desktops.size(); ++i) {
        Desktop &d = desktops[i];
        db.exec("INSERT INTO device (branch_id, device_id, staff_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
                {c.branch, d.deviceId, d.staffId});
        d.credential = credentials.issue(c.branch, d.staffId, d.deviceId);
    }
    detail("seeded the other %zu desktops' device credentials straight into HQ's database in %.1f s (no Argon2id: "
           "P0 above is the password sign-in, measured at %zu)",
           desktops.size() - from, sw.ms() / 1000, from);
}

void bursts(const Config &c, std::vector<Desktop> &desktops)
{
    QThreadPool pool;
    pool.setMaxThreadCount(c.burst);
    const size_t n = std::min<size_t>(size_t(c.burst), desktops.size());
    Phase renewals;
    everyDesktop(pool, desktops, n, [&](Desktop &d) {
        HqClient client(c.hq);
        client.setTimeoutMs(60000);
        Stopwatch sw;
        if (renew(c, d, client) != HqClient::Status::Ok)
            renewals.fail(QStringLiteral("renew: ") + client.lastError());
        else
            renewals.ok(sw.ms());
    });
    renewals.report("P1 token renewals at once");
    const QByteArray label1 = QStringLiteral("%1 sign-ins at once (renewals): p99").arg(n).toUtf8();
    bench::result("storm_renew_p99", label1.constData(), percentile(renewals.ms, 99), "ms", Target::Absolute, 2000);
    bench::result("storm_renew_p50", "  p50", percentile(renewals.ms, 50), "ms", Target::Info);
    Phase syncs;
    everyDesktop(pool, desktops, n, [&](Desktop &d) {
        HqClient client(c.hq);
        client.setTimeoutMs(60000);
        QString error;
        Stopwatch sw;
        if (!sync(c, d, client, &error))
            syncs.fail(error);
        else
            syncs.ok(sw.ms());
    });
    syncs.report("P2 syncs at once");
    const QByteArray label2 = QStringLiteral("%1 desktops syncing at once (storm): p99").arg(n).toUtf8();
    bench::result("storm_sync_p99", label2.constData(), percentile(syncs.ms, 99), "ms", Target::Absolute, 1000);
    bench::result("storm_sync_err", "  errors in P1 and P2", renewals.errors + syncs.errors, "n", Target::Absolute, 0);
}

void storm(const Config &c, std::vector<Desktop> &desktops)
{
    QThreadPool pool;
    pool.setMaxThreadCount(c.threads);
    std::mt19937 rng(19);
    std::vector<std::pair<double, size_t>> starts;
    for (size_t i = 0; i < desktops.size(); ++i)
        starts.push_back({std::uniform_real_distribution<double>(0, c.windowSeconds * 1000.0)(rng), i});
    std::sort(starts.begin(), starts.end());
    Phase p;
    std::atomic_int busiest{0}, running{0};
    std::vector<double> queued(desktops.size(), 0);
    Stopwatch all;
    for (const auto &[at, i] : starts) {
        while (all.ms() < at)
            QThread::msleep(std::max(1, int(at - all.ms())));
        pool.start([&, at, i] {
            queued[i] = all.ms() - at;
            busiest = std::max(busiest.load(), ++running);
            Desktop &d = desktops[i];
            HqClient client(c.hq);
            client.setTimeoutMs(60000);
            Stopwatch sw;
            QString error;
            if (renew(c, d, client) != HqClient::Status::Ok)
                p.fail(QStringLiteral("renew: ") + client.lastError());
            else if (!sync(c, d, client, &error))
                p.fail(error);
            else
                p.ok(sw.ms());
            --running;
        });
    }
    pool.waitForDone();
    const double seconds = all.ms() / 1000;
    p.report("P3 storm (renew + push + pull)");
    detail("P3 %d desktops in a %d s window: done in %.1f s, at most %d at once, start delayed by the client's %d "
           "threads p99 %.0f ms",
           c.desktops, c.windowSeconds, seconds, busiest.load(), c.threads, percentile(queued, 99));
    const QByteArray label = QStringLiteral("storm, %1 desktops in %2 s: errors").arg(c.desktops).arg(c.windowSeconds).toUtf8();
    bench::result("storm_err", label.constData(), p.errors, "n", Target::Absolute, 0);
    bench::result("storm_p50", "  p50 of a morning sync (renew + push + pull)", percentile(p.ms, 50), "ms", Target::Info);
    bench::result("storm_p99", "  p99", percentile(p.ms, 99), "ms", Target::Info);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("The sign-in storm of issue 19 (see bench/README.md)."));
    parser.addHelpOption();
    const QCommandLineOption hqOpt(QStringLiteral("hq"), QStringLiteral("HQ URL."), QStringLiteral("URL"));
    const QCommandLineOption branchOpt(QStringLiteral("branch"), QStringLiteral("Branch code."), QStringLiteral("CODE"));
    const QCommandLineOption staffOpt(QStringLiteral("staff"), QStringLiteral("Staff ID prefix."), QStringLiteral("PREFIX"),
                                      QStringLiteral("ST"));
    const QCommandLineOption staffCountOpt(QStringLiteral("staff-count"), QStringLiteral("Staff accounts."),
                                           QStringLiteral("K"), QStringLiteral("100"));
    const QCommandLineOption desktopsOpt(QStringLiteral("desktops"), QStringLiteral("Simulated desktops."),
                                         QStringLiteral("N"), QStringLiteral("2000"));
    const QCommandLineOption windowOpt(QStringLiteral("window"), QStringLiteral("Storm window."), QStringLiteral("SECONDS"),
                                       QStringLiteral("60"));
    const QCommandLineOption burstOpt(QStringLiteral("burst"), QStringLiteral("Desktops at once in P1 and P2."),
                                      QStringLiteral("B"), QStringLiteral("200"));
    const QCommandLineOption threadsOpt(QStringLiteral("threads"), QStringLiteral("Client threads in the storm."),
                                        QStringLiteral("T"), QStringLiteral("256"));
    const QCommandLineOption signInsOpt(QStringLiteral("sign-ins"),
                                        QStringLiteral("Desktops that sign in with the password (P0); the rest are seeded."),
                                        QStringLiteral("S"), QStringLiteral("200"));
    parser.addOptions({hqOpt, branchOpt, staffOpt, staffCountOpt, desktopsOpt, windowOpt, burstOpt, threadsOpt, signInsOpt});
    parser.process(app);
    Config c;
    c.hq = QUrl(parser.value(hqOpt));
    c.branch = parser.value(branchOpt);
    c.staffPrefix = parser.value(staffOpt);
    c.password = qEnvironmentVariable("BRANCHDESK_HQ_PASSWORD");
    c.staffCount = std::max(1, parser.value(staffCountOpt).toInt());
    c.desktops = std::max(1, parser.value(desktopsOpt).toInt());
    c.windowSeconds = std::max(1, parser.value(windowOpt).toInt());
    c.burst = std::max(1, parser.value(burstOpt).toInt());
    c.threads = std::max(1, parser.value(threadsOpt).toInt());
    c.signIns = std::clamp(parser.value(signInsOpt).toInt(), 1, c.desktops);
    if (!c.hq.isValid() || c.branch.isEmpty() || c.password.isEmpty()) {
        std::fprintf(stderr, "bench_storm needs --hq URL, --branch CODE and BRANCHDESK_HQ_PASSWORD\n");
        return 2;
    }
    try {
        std::vector<Desktop> desktops(size_t(c.desktops));
        // New devices each run: a device's push numbers and its staff member stay bound at HQ.
        const QString run = QString::number(QDateTime::currentSecsSinceEpoch(), 36);
        for (int i = 0; i < c.desktops; ++i) {
            desktops[size_t(i)].deviceId = QStringLiteral("storm-%1-%2").arg(run).arg(i);
            desktops[size_t(i)].staffId = c.staffPrefix + QStringLiteral("%1").arg(i % c.staffCount + 1, 4, 10, QLatin1Char('0'));
        }
        detail("storm against %s: %d desktops of %d staff, bursts of %d, a %d s window; %d sign in with the password",
               qPrintable(c.hq.toString()), c.desktops, c.staffCount, c.burst, c.windowSeconds, c.signIns);
        QThreadPool pool;
        pool.setMaxThreadCount(c.burst);
        provision(c, pool, desktops, size_t(c.signIns));
        seed(c, desktops, size_t(c.signIns));
        bursts(c, desktops);
        storm(c, desktops);
    } catch (const std::exception &e) {
        std::fprintf(stderr, "bench_storm: %s\n", e.what());
        return 1;
    }
    return 0;
}
