// Faults from outside the program, with real processes and a real store: the desktop
// (branchdesk-cli) is killed with SIGKILL while it writes contacts and while it applies
// pulled pages; the disk fills up during a sync; an old push is replayed to HQ. After
// each, the store must pass `PRAGMA integrity_check`, every contact must be either fully
// there (with its outbox entry) or fully absent, the pulled rows must match the stored
// cursor exactly (a page is all in or all out), and a later sync must finish the job.
// The random kill times come from a printed seed (rerun: BRANCHDESK_CRASH_SEED=N).
// Prints one parseable line for scripts/hostile-figures.sh:
//   HOSTILE test=tst_crashsafety faults=N inputs=0 lost=L crashes=0
#include "domain/demogenerator.h"
#include "domain/extractcsv.h"
#include "hqfixture.h"
#include "manglingproxy.h"
#include "pgconnection.h"
#include "store/database.h"
#include "store/schemamigrations.h"
#include "store/statement.h"
#include "store/storeerror.h"
#include "store/syncengine.h"
#include "protocol/wireformat.h"

#include <QCborMap>
#include <QCborValue>
#include <QDir>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QSet>
#include <QTcpServer>
#include <QTcpSocket>
#include <QtTest>

#include <atomic>

#include <csignal>
#include <sys/mount.h>
#include <unistd.h>

namespace {
const QString kPass = QStringLiteral("crash-pass");
const QString kHqPassword = QStringLiteral("crash-password");
const QString kBranch = QStringLiteral("CRASH01");

} // namespace

class TestCrashSafety : public QObject
{
    Q_OBJECT

private:
    HqFixture m_hq;
    QTemporaryDir m_dir;
    BranchData m_branch;
    quint32 m_seed = 20261123;
    QRandomGenerator m_rng;
    int m_faults = 0;
    qint64 m_lost = 0;
    QString m_mounted; // a tmpfs this test mounted, unmounted at the end

    QProcessEnvironment cliEnv() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("BRANCHDESK_PASSPHRASE"), kPass);
        env.insert(QStringLiteral("BRANCHDESK_HQ_PASSWORD"), kHqPassword);
        return env;
    }

    // Starts `program args` in its own process group, so kill -9 reaches a shell loop and its child.
    static void startInGroup(QProcess &p, const QString &program, const QStringList &args)
    {
        p.setChildProcessModifier([] { ::setpgid(0, 0); });
        p.start(program, args);
    }
    void killGroup(QProcess &p)
    {
        ::kill(-pid_t(p.processId()), SIGKILL);
        p.waitForFinished(10000);
        ++m_faults;
    }

    QStringList syncArgs(const QString &store, int pageSize) const
    {
        return {QStringLiteral("sync"), QStringLiteral("--store"), store, QStringLiteral("--hq"), m_hq.url().toString(),
                QStringLiteral("--user"), QStringLiteral("RM01"), QStringLiteral("--page-size"), QString::number(pageSize)};
    }

    // Runs a CLI command to the end; returns its exit code (-1 when it did not finish).
    int cli(const QStringList &args, QString *stderrText = nullptr, const QString &wrapper = {})
    {
        QProcess p;
        p.setProcessEnvironment(cliEnv());
        if (wrapper.isEmpty())
            p.start(qEnvironmentVariable("BRANCHDESK_CLI"), args);
        else
            p.start(QStringLiteral("/bin/sh"), QStringList{QStringLiteral("-c"), wrapper + QStringLiteral(" \"$0\" \"$@\"; rc=$?; [ $rc -gt 128 ] && echo \"killed by signal $((rc - 128))\" >&2; exit $rc"),
                                                           qEnvironmentVariable("BRANCHDESK_CLI")}
                                                   + args);
        const bool finished = p.waitForFinished(120000);
        if (stderrText)
            *stderrText = QString::fromUtf8(p.readAllStandardError())
                          + (finished ? QString() : QStringLiteral(" (did not finish in 120 s)"));
        if (!finished)
            return -1;
        return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    }

    static QString integrity(Database &db)
    {
        Statement st(db, QStringLiteral("PRAGMA integrity_check"));
        return st.step() ? st.text(0) : QStringLiteral("(no answer)");
    }
    static qint64 scalar(Database &db, const QString &sql)
    {
        Statement st(db, sql);
        return st.step() ? st.int64(0) : -1;
    }
    static qint64 cursorOf(Database &db)
    {
        Statement st(db, QStringLiteral("SELECT value FROM meta WHERE key = 'sync.cursor'"));
        return st.step() ? st.text(0).toLongLong() : 0;
    }

    // The cursor a running sync has committed so far (a reader beside the writer, WAL).
    static qint64 peekCursor(const QString &store)
    {
        try {
            Database db = Database::open(store, kPass, Database::OpenMode::ExistingOnly);
            return cursorOf(db);
        } catch (const StoreError &) {
            return -1; // not created, or no schema yet
        }
    }

    // HQ's customers and holdings with a sequence number up to `cursor`: exactly what a
    // store whose cursor is `cursor` must hold (nothing is re-imported in this test).
    QPair<qint64, qint64> hqRowsUpTo(qint64 cursor)
    {
        PgConnection pg(m_hq.conninfo());
        auto count = [&](const char *entity) {
            return pg.exec("SELECT count(*) FROM record WHERE branch_id = $1 AND entity = $2 AND NOT deleted AND seq <= $3",
                           {kBranch, QString::fromLatin1(entity), QString::number(cursor)})
                .int64(0, 0);
        };
        return {count("customer"), count("holding")};
    }

    // The checks after every fault: intact file, page atomicity, contacts and outbox agree.
    void checkStore(const QString &store, const QString &when)
    {
        try {
            checkStoreOrThrow(store, when);
        } catch (const StoreError &e) {
            QFAIL(qPrintable(QStringLiteral("%1: %2").arg(when, e.message())));
        }
    }
    void checkStoreOrThrow(const QString &store, const QString &when)
    {
        Database db = Database::open(store, kPass, Database::OpenMode::ExistingOnly);
        QCOMPARE(integrity(db), QStringLiteral("ok"));
        // Reopened as the app reopens a store: a process killed while creating it left no schema yet.
        SchemaMigrations::migrate(db);
        const qint64 cursor = cursorOf(db);
        const auto expected = hqRowsUpTo(cursor);
        const qint64 customers = scalar(db, QStringLiteral("SELECT count(*) FROM customer"));
        const qint64 holdings = scalar(db, QStringLiteral("SELECT count(*) FROM holding"));
        QVERIFY2(customers == expected.first && holdings == expected.second,
                 qPrintable(QStringLiteral("%1: cursor %2 but %3 customers / %4 holdings, HQ has %5 / %6 up to it")
                                .arg(when).arg(cursor).arg(customers).arg(holdings).arg(expected.first).arg(expected.second)));
        checkContactsAndOutbox(db, when);
    }

    void checkContactsAndOutbox(Database &db, const QString &when)
    {
        // Every unsent contact has exactly one outbox entry, and every contact entry its contact.
        const qint64 orphans = scalar(db, QStringLiteral("SELECT count(*) FROM outbox o WHERE o.entity = 'contact' AND NOT EXISTS"
                                                         " (SELECT 1 FROM contact c WHERE c.contact_id = o.record_id)"));
        const qint64 doubles = scalar(db, QStringLiteral("SELECT count(*) FROM (SELECT record_id FROM outbox WHERE entity = 'contact'"
                                                         " GROUP BY record_id HAVING count(*) > 1)"));
        QVERIFY2(orphans == 0 && doubles == 0,
                 qPrintable(QStringLiteral("%1: %2 outbox entries without their contact, %3 contacts queued twice")
                                .arg(when).arg(orphans).arg(doubles)));
    }

    bool mountTmpfs(const QString &dir, qint64 bytes)
    {
        QDir().mkpath(dir);
        const QByteArray options = "size=" + QByteArray::number(bytes);
        if (::mount("tmpfs", QFile::encodeName(dir).constData(), "tmpfs", 0, options.constData()) != 0)
            return false;
        m_mounted = dir;
        return true;
    }
    bool resizeTmpfs(qint64 bytes)
    {
        const QByteArray options = "size=" + QByteArray::number(bytes);
        return ::mount("tmpfs", QFile::encodeName(m_mounted).constData(), "tmpfs", MS_REMOUNT, options.constData()) == 0;
    }

private slots:
    void initTestCase()
    {
        if (qEnvironmentVariableIsSet("BRANCHDESK_CRASH_SEED"))
            m_seed = qEnvironmentVariable("BRANCHDESK_CRASH_SEED").toUInt();
        m_rng.seed(m_seed);
        qInfo("crash-safety seed %u (rerun: BRANCHDESK_CRASH_SEED=%u)", m_seed, m_seed);
        QVERIFY(m_dir.isValid());
        QVERIFY2(m_hq.start(), qPrintable(m_hq.lastError()));
        QVERIFY(DemoGenerator::generate({2000, 17, QDate(2026, 11, 23)}, &m_branch));
        m_branch.branchCode = kBranch;
        QVERIFY2(m_hq.importBranch(m_branch, kBranch, QStringLiteral("crash.csv"), QStringLiteral("RM01"),
                                   QStringLiteral("测试经理"), kHqPassword, QStringLiteral("manager")),
                 qPrintable(m_hq.lastError()));
        QVERIFY(m_hq.startServer());
    }

    void cleanupTestCase()
    {
        if (!m_mounted.isEmpty())
            ::umount2(QFile::encodeName(m_mounted).constData(), MNT_DETACH);
        m_hq.stop();
        qInfo("HOSTILE test=tst_crashsafety faults=%d inputs=0 lost=%lld crashes=0", m_faults, m_lost);
    }

    void killedWhileApplyingPages()
    {
        // Given a branch of 2,000 customers served in pages of 25 records, and how long
        // a whole sync of it takes on this machine now
        QElapsedTimer probe;
        probe.start();
        QCOMPARE(cli(syncArgs(m_dir.filePath(QStringLiteral("pages-probe.db")), 25)), 0);
        const int whole = int(probe.elapsed());
        const QString store = m_dir.filePath(QStringLiteral("pages.db"));
        qint64 lastCursor = -1;
        int kills = 0;
        for (int attempt = 0; attempt < 24 && kills < 8; ++attempt) {
            // When the sync process is killed with SIGKILL at a random moment of its first fifth
            QProcess p;
            p.setProcessEnvironment(cliEnv());
            startInGroup(p, qEnvironmentVariable("BRANCHDESK_CLI"), syncArgs(store, 25));
            // Wait until it applies pages (past sign-in), then kill it a random moment later
            QElapsedTimer t;
            t.start();
            bool finished = false;
            while (!(finished = p.waitForFinished(30)) && peekCursor(store) <= qMax<qint64>(lastCursor, 0)
                   && t.elapsed() < 60000) {
            }
            const int after = int(t.elapsed()) + int(m_rng.bounded(0, qMax(whole / 40, 10)));
            if (finished || p.waitForFinished(after - int(t.elapsed()))) {
                // It finished before the kill (a busy machine makes the window short): start
                // again from an empty store so that there is something left to interrupt.
                const QStringList files = QDir(m_dir.path()).entryList({QStringLiteral("pages.db*")}, QDir::Files);
                for (const QString &f : files)
                    QFile::remove(m_dir.filePath(f));
                lastCursor = -1;
                continue;
            }
            killGroup(p);
            ++kills;
            if (!QFile::exists(store))
                continue; // killed before the store was created
            // Then the store is intact and holds exactly the pages up to its cursor
            checkStore(store, QStringLiteral("after kill %1 at %2 ms").arg(kills).arg(after));
            if (QTest::currentTestFailed())
                return;
            Database db = Database::open(store, kPass, Database::OpenMode::ExistingOnly);
            const qint64 cursor = cursorOf(db);
            QVERIFY2(cursor >= lastCursor, "the cursor never goes back");
            lastCursor = cursor;
        }
        QVERIFY2(kills >= 3, "the sync was interrupted several times");
        // And a sync without interruption resumes and completes
        QString err;
        QCOMPARE(cli(syncArgs(store, 400), &err), 0);
        Database db = Database::open(store, kPass, Database::OpenMode::ExistingOnly);
        QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM customer")), qint64(m_branch.customers.size()));
        QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM holding")), qint64(m_branch.holdings.size()));
        qInfo("killed the sync %d times mid-pull (a whole sync takes %d ms); last cursor before resuming %lld", kills,
              whole, lastCursor);
    }

    void killedWhileLoggingContacts()
    {
        // Given a synced store
        const QString store = m_dir.filePath(QStringLiteral("contacts.db"));
        QCOMPARE(cli(syncArgs(store, 5000)), 0);
        const QString done = m_dir.filePath(QStringLiteral("contacts-done.txt"));
        const QString customer = m_branch.customers.front().customerNo;
        // How long one log-contact takes here (a sanitized build is many times slower)
        QElapsedTimer one;
        one.start();
        QCOMPARE(cli({QStringLiteral("log-contact"), QStringLiteral("--store"), store, QStringLiteral("--customer"), customer,
                      QStringLiteral("--channel"), QStringLiteral("sms"), QStringLiteral("--outcome"), QStringLiteral("reached"),
                      QStringLiteral("--staff"), QStringLiteral("RM01"), QStringLiteral("--note"), QStringLiteral("timing")}),
                 0);
        const int each = qMax(int(one.elapsed()), 20);
        // When a loop of log-contact processes is killed with SIGKILL, again and again
        const QString loop = QStringLiteral(
            "i=0; while [ $i -lt 400 ]; do i=$((i+1)); "
            "\"$0\" log-contact --store \"$1\" --customer \"$2\" --channel phone --outcome reached --staff RM01 "
            "--note \"crash-$3-$i\" >/dev/null 2>&1 && echo \"crash-$3-$i\" >> \"$4\"; done");
        int rounds = 0;
        for (; rounds < 10; ++rounds) {
            QProcess p;
            p.setProcessEnvironment(cliEnv());
            startInGroup(p, QStringLiteral("/bin/sh"), {QStringLiteral("-c"), loop, qEnvironmentVariable("BRANCHDESK_CLI"),
                                                        store, customer, QString::number(rounds), done});
            QVERIFY(p.waitForStarted());
            QVERIFY(!p.waitForFinished(int(m_rng.bounded(each, 8 * each))));
            killGroup(p);
            // Then the store is intact, and each contact is there with its outbox entry or not at all
            Database db = Database::open(store, kPass, Database::OpenMode::ExistingOnly);
            QCOMPARE(integrity(db), QStringLiteral("ok"));
            checkContactsAndOutbox(db, QStringLiteral("log-contact round %1").arg(rounds));
            if (QTest::currentTestFailed())
                return;
        }
        // And every contact a process reported as saved is there, exactly once
        QFile f(done);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QStringList confirmed = QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QVERIFY2(confirmed.size() >= 5, "the loop got to log contacts before the kills");
        Database db = Database::open(store, kPass, Database::OpenMode::ExistingOnly);
        QHash<QString, int> stored;
        {
            Statement st(db, QStringLiteral("SELECT note FROM contact WHERE note LIKE 'crash-%'"));
            while (st.step())
                ++stored[st.text(0)];
        }
        qint64 missing = 0;
        for (const QString &note : confirmed)
            missing += stored.value(note) == 1 ? 0 : 1;
        for (auto it = stored.cbegin(); it != stored.cend(); ++it)
            QVERIFY2(it.value() == 1, qPrintable(it.key()));
        m_lost += missing;
        QCOMPARE(missing, qint64(0));
        const qint64 queued = scalar(db, QStringLiteral("SELECT count(*) FROM outbox WHERE entity = 'contact'"));
        QCOMPARE(queued, qint64(stored.size()) + 1); // none sent yet (nor the timing one): each waits in the outbox
        qInfo("%d kills while logging: %lld contacts confirmed, %lld stored (the difference was killed between"
              " its commit and its confirmation)",
              rounds, qint64(confirmed.size()), qint64(stored.size()));
        // Finally they all reach HQ once
        QCOMPARE(cli(syncArgs(store, 5000)), 0);
        PgConnection pg(m_hq.conninfo());
        const qint64 atHq = pg.exec("SELECT count(*) FROM record WHERE branch_id = $1 AND entity = 'contact'"
                                    " AND payload->>'note' LIKE 'crash-%'",
                                    {kBranch})
                                .int64(0, 0);
        QCOMPARE(atHq, qint64(stored.size()));
    }

    void diskFullDuringSync()
    {
        // Given a store on a file system with too little room for the branch
        const QString full = m_dir.filePath(QStringLiteral("full-size-probe.db"));
        QCOMPARE(cli(syncArgs(full, 5000)), 0);
        const qint64 needed = QFileInfo(full).size();
        const QString dir = m_dir.filePath(QStringLiteral("small-disk"));
        const QString store = dir + QStringLiteral("/store.db");
        QString how;
        QString wrapper;
        // BRANCHDESK_DISKFULL_MODE=ulimit tries the fallback where mounting would work.
        const bool mayMount = getuid() == 0 && qEnvironmentVariable("BRANCHDESK_DISKFULL_MODE") != QLatin1String("ulimit");
        if (mayMount && mountTmpfs(dir, qMax<qint64>(needed * 2 / 5, 256 * 1024))) {
            how = QStringLiteral("tmpfs of %1 bytes").arg(needed * 2 / 5);
        } else {
            // No mount permission: a per-process file-size limit, SIGXFSZ ignored so writes fail with EFBIG.
            QDir().mkpath(dir);
            how = QStringLiteral("ulimit -f %1 blocks").arg(needed * 2 / 5 / 512);
            wrapper = QStringLiteral("trap '' XFSZ; ulimit -f %1;").arg(needed * 2 / 5 / 512);
        }
        qInfo("disk-full by %s (the full store takes %lld bytes)", qPrintable(how), needed);
        // When it syncs
        QString err;
        const int code = cli(syncArgs(store, 200), &err, wrapper);
        ++m_faults;
        // Then it fails with a plain message that says the disk is full
        QVERIFY2(code == 1, qPrintable(QStringLiteral("exit %1: %2").arg(code).arg(err)));
        QVERIFY2(err.contains(QStringLiteral("disk")) && err.contains(QStringLiteral("full")), qPrintable(err));
        // And what it stored is intact and consistent with its cursor
        checkStore(store, QStringLiteral("after the disk filled"));
        {
            Database db = Database::open(store, kPass, Database::OpenMode::ExistingOnly);
            QVERIFY2(cursorOf(db) > 0, "some pages fitted before the disk filled");
            QVERIFY(scalar(db, QStringLiteral("SELECT count(*) FROM customer")) < qint64(m_branch.customers.size()));
        }
        // And with room again, the next sync completes
        if (!m_mounted.isEmpty())
            QVERIFY(resizeTmpfs(64 * 1024 * 1024));
        QCOMPARE(cli(syncArgs(store, 5000), &err), 0);
        Database db = Database::open(store, kPass, Database::OpenMode::ExistingOnly);
        QCOMPARE(integrity(db), QStringLiteral("ok"));
        QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM customer")), qint64(m_branch.customers.size()));
        QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM holding")), qint64(m_branch.holdings.size()));
    }

    void damagedAnswersFromHqAreNeverApplied()
    {
        // Given a desktop that reaches HQ through a proxy damaging four page answers in five
        ManglingProxy *proxy = new ManglingProxy;
        proxy->upstreamPort = quint16(m_hq.url().port());
        QVERIFY(proxy->listen(QHostAddress::LocalHost, 0));
        const quint16 port = proxy->serverPort();
        QThread thread;
        proxy->moveToThread(&thread);
        connect(&thread, &QThread::finished, proxy, &QObject::deleteLater);
        thread.start();
        const QString store = m_dir.filePath(QStringLiteral("mangled.db"));
        SyncEngine::Settings s;
        s.hq = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
        s.staffId = QStringLiteral("RM01");
        s.password = kHqPassword;
        s.pageSize = 1500; // a handful of pages: each round gets at most one through
        s.timeoutMs = 10000;
        // When it syncs, round after round
        int rounds = 0;
        bool done = false;
        QStringList errors;
        while (!done && rounds < 60) {
            ++rounds;
            {
                Database db = Database::open(store, kPass, Database::OpenMode::CreateIfMissing);
                const SyncEngine::Report r = SyncEngine::run(db, s);
                done = r.ok;
                if (!r.ok && !errors.contains(r.error))
                    errors << r.error;
            }
            // Then after every round, finished or not, the store holds whole pages only
            checkStore(store, QStringLiteral("round %1 through the damaging proxy").arg(rounds));
            if (QTest::currentTestFailed())
                break;
        }
        const int mangled = proxy->mangled.load();
        thread.quit();
        thread.wait();
        m_faults += mangled;
        QVERIFY2(done, qPrintable(errors.join(QStringLiteral(" | "))));
        Database db = Database::open(store, kPass, Database::OpenMode::ExistingOnly);
        QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM customer")), qint64(m_branch.customers.size()));
        QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM holding")), qint64(m_branch.holdings.size()));
        qInfo("damaged answers: %d, rounds needed %d, distinct errors shown: %s", mangled, rounds,
              qPrintable(errors.join(QStringLiteral(" | "))));
        QVERIFY(mangled >= 4);
        for (const QString &e : errors)
            QVERIFY2(!e.isEmpty(), "each failed round says why");
    }

    void anOldPushReplayedIsNotAppliedTwice()
    {
        // Given a push HQ has accepted, captured as it was sent
        QNetworkAccessManager nam;
        auto post = [&](const QString &path, const QByteArray &body, const QByteArray &token) {
            QNetworkRequest req(QUrl(m_hq.url().toString() + path));
            req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/cbor"));
            if (!token.isEmpty())
                req.setRawHeader("Authorization", "Bearer " + token);
            QNetworkReply *reply = nam.post(req, body);
            QSignalSpy done(reply, &QNetworkReply::finished);
            done.wait(20000);
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            const QCborMap answer = QCborValue::fromCbor(reply->readAll()).toMap();
            reply->deleteLater();
            return qMakePair(status, answer);
        };
        QCborMap login;
        login.insert(QLatin1String("branch"), kBranch);
        login.insert(QLatin1String("staff_id"), QStringLiteral("RM01"));
        login.insert(QLatin1String("password"), kHqPassword);
        login.insert(QLatin1String("device"), QStringLiteral("replay-device"));
        const auto signedIn = post(QStringLiteral("/v1/login"), login.toCborValue().toCbor(), {});
        QCOMPARE(signedIn.first, 200);
        const QByteArray token = signedIn.second.value(QLatin1String("token")).toString().toLatin1();
        WireFormat::PushBatch batch;
        batch.schemaVersion = 1;
        batch.deviceId = QStringLiteral("replay-device");
        for (int i = 1; i <= 3; ++i) {
            SyncRecord r;
            r.entity = QStringLiteral("contact");
            r.id = QStringLiteral("00000000-0000-4000-8000-00000000000%1").arg(i);
            r.seq = i;
            r.payload = QJsonObject{{QStringLiteral("contact_id"), r.id},
                                    {QStringLiteral("customer_no"), m_branch.customers.front().customerNo},
                                    {QStringLiteral("staff_id"), QStringLiteral("RM01")},
                                    {QStringLiteral("channel"), QStringLiteral("phone")},
                                    {QStringLiteral("outcome"), QStringLiteral("reached")},
                                    {QStringLiteral("contacted_at"), QStringLiteral("2026-11-23T09:00:00+08:00")},
                                    {QStringLiteral("note"), QStringLiteral("replayed")},
                                    {QStringLiteral("created_at"), QStringLiteral("2026-11-23T09:00:00+08:00")}};
            batch.records.push_back(r);
        }
        const QByteArray body = WireFormat::encodePush(batch);
        const QString path = QStringLiteral("/v1/branches/%1/push").arg(kBranch);
        const auto first = post(path, body, token);
        QCOMPARE(first.first, 200);
        QCOMPARE(first.second.value(QLatin1String("accepted")).toInteger(), 3);
        PgConnection pg(m_hq.conninfo());
        const auto state = [&] {
            return pg.exec("SELECT count(*), coalesce(max(seq), 0) FROM record WHERE branch_id = $1 AND entity = 'contact'"
                           " AND payload->>'note' = 'replayed'",
                           {kBranch});
        };
        PgResult before = state();
        const qint64 lastSeqBefore = pg.exec("SELECT last_seq FROM branch WHERE branch_id = $1", {kBranch}).int64(0, 0);
        // When the very same request is replayed, later and more than once
        for (int replay = 0; replay < 3; ++replay) {
            const auto again = post(path, body, token);
            ++m_faults;
            // Then HQ acknowledges it as duplicates and stores nothing again
            QCOMPARE(again.first, 200);
            QCOMPARE(again.second.value(QLatin1String("accepted")).toInteger(), 0);
            QCOMPARE(again.second.value(QLatin1String("duplicates")).toInteger(), 3);
        }
        PgResult after = state();
        QCOMPARE(after.int64(0, 0), before.int64(0, 0));
        QCOMPARE(after.int64(0, 0), qint64(3));
        QCOMPARE(after.int64(0, 1), before.int64(0, 1)); // no new change numbers for other desktops to pull
        QCOMPARE(pg.exec("SELECT last_seq FROM branch WHERE branch_id = $1", {kBranch}).int64(0, 0), lastSeqBefore);
    }
};

QTEST_GUILESS_MAIN(TestCrashSafety)
#include "tst_crashsafety.moc"
