// Issue 15: branchdesk-cli honours the unlock waits (the same "<store>.unlock" count the
// app keeps) and the offline grace period, exactly as the app's unlock does.
#include "domain/demogenerator.h"
#include "store/metatable.h"
#include "store/auditlog.h"
#include "store/branchstore.h"
#include "store/database.h"
#include "store/unlockthrottle.h"
#include "store/syncengine.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

class TestCliUnlock : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    const QString m_pass = QStringLiteral("unlock-pass");

    struct Run
    {
        int code = -1;
        QString err;
    };
    Run cli(const QStringList &args, const QString &passphrase)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("BRANCHDESK_PASSPHRASE"), passphrase);
        // The app's settings file as a fresh install has it: 5 free tries, 14 days of grace.
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config")));
        p.setProcessEnvironment(env);
        p.start(qEnvironmentVariable("BRANCHDESK_CLI"), args);
        if (!p.waitForFinished(120000))
            return {};
        return {p.exitCode(), QString::fromUtf8(p.readAllStandardError())};
    }
    int audited(const QString &store, const QString &event)
    {
        Database db = Database::open(store, m_pass, Database::OpenMode::ExistingOnly);
        int n = 0;
        for (const AuditLog::Entry &e : AuditLog(db).entries(100000))
            n += e.event == event ? 1 : 0;
        return n;
    }

private slots:
    void wrongPassphrasesMakeTheCliWaitLikeTheApp()
    {
        const QString store = m_dir.filePath(QStringLiteral("waits.db"));
        QVERIFY(BranchStore::createDemo(store, m_pass, DemoGenerator::Options{300, 3, QDate(2026, 11, 23)}));
        const QStringList stats{QStringLiteral("stats"), QStringLiteral("--store"), store};
        for (int i = 1; i <= 5; ++i) {
            const Run wrong = cli(stats, QStringLiteral("guess-%1").arg(i));
            QCOMPARE(wrong.code, 1);
            QVERIFY2(wrong.err.contains(QStringLiteral("Wrong passphrase")), qPrintable(wrong.err));
        }
        // The count is the app's: five in the same file its unlock screen reads
        QCOMPARE(UnlockThrottle(store).failures(), 5);
        // Now even the right passphrase waits, and the store is not opened
        const Run waiting = cli(stats, m_pass);
        QCOMPARE(waiting.code, 1);
        QVERIFY2(waiting.err.contains(QStringLiteral("try again in")), qPrintable(waiting.err));
        // Failures the app's unlock screen counted hold the CLI back too
        UnlockThrottle app(store);
        for (int i = 0; i < 4; ++i)
            app.recordFailure(QDateTime::currentDateTime());
        QVERIFY(cli(stats, m_pass).err.contains(QStringLiteral("try again in")));
        // Once the wait is over, the right passphrase opens it and the failures are audited
        UnlockThrottle(store).reset();
        const int failedBefore = audited(store, QStringLiteral("unlock_failed"));
        const Run ok = cli(stats, m_pass);
        QVERIFY2(ok.code == 0, qPrintable(ok.err));
        QCOMPARE(UnlockThrottle(store).failures(), 0);
        QCOMPARE(audited(store, QStringLiteral("unlock_failed")), failedBefore); // reset() dropped the unaudited ones
        QVERIFY(audited(store, QStringLiteral("unlock")) >= 1);
    }

    void pastTheGracePeriodOnlySyncOpensTheStore()
    {
        const QString store = m_dir.filePath(QStringLiteral("grace.db"));
        QVERIFY(BranchStore::createDemo(store, m_pass, DemoGenerator::Options{300, 3, QDate(2026, 11, 23)}));
        auto lastAnswer = [&](int daysAgo) {
            Database db = Database::open(store, m_pass, Database::OpenMode::ExistingOnly);
            MetaTable::setValue(db, QStringLiteral("sync.hq_url"), QStringLiteral("http://127.0.0.1:9"));
            MetaTable::setValue(db, QStringLiteral("sync.last_success"),
                                     QDateTime::currentDateTime().addDays(-daysAgo).toString(Qt::ISODate));
        };
        const QStringList stats{QStringLiteral("stats"), QStringLiteral("--store"), store};
        lastAnswer(20);
        const Run stale = cli(stats, m_pass);
        QCOMPARE(stale.code, 1);
        QVERIFY2(stale.err.contains(QStringLiteral("HQ last answered")), qPrintable(stale.err));
        const Run tasks = cli({QStringLiteral("tasks"), QStringLiteral("--store"), store}, m_pass);
        QCOMPARE(tasks.code, 1);
        QVERIFY(tasks.err.contains(QStringLiteral("HQ last answered")));
        // sync may run: HQ answers first (here nobody answers, so it fails for that reason)
        const Run sync = cli({QStringLiteral("sync"), QStringLiteral("--store"), store, QStringLiteral("--hq"),
                              QStringLiteral("http://127.0.0.1:9"), QStringLiteral("--user"), QStringLiteral("RM01")},
                             m_pass);
        QVERIFY(!sync.err.contains(QStringLiteral("HQ last answered")));
        QVERIFY2(sync.err.contains(QStringLiteral("Sync failed")), qPrintable(sync.err));
        // Within the grace period the store opens
        lastAnswer(2);
        const Run fresh = cli(stats, m_pass);
        QVERIFY2(fresh.code == 0, qPrintable(fresh.err));
    }
};

QTEST_GUILESS_MAIN(TestCliUnlock)
#include "tst_cliunlock.moc"
