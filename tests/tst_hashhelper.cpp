// Argon2id in helper processes (hq/hashhelper, issues 15 and 19): the helpers are the real
// `branchdesk-hq internal-hash-helper`; what they compute is what libsodium computes in
// process; a dead helper is replaced, a silent one times out; a helper holds no descriptor
// but its socket and no environment; no more helpers than the pool's size ever run.
#include "hashhelper.h"
#include "passwordhasher.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QtConcurrent>
#include <QtTest>

#include <csignal>
#include <unistd.h>
#include <sodium.h>

class TestHashHelper : public QObject
{
    Q_OBJECT

    static QStringList helper()
    {
        return {qEnvironmentVariable("BRANCHDESK_HQ"), QLatin1String(HashHelper::kCommand)};
    }

private slots:
    void initTestCase()
    {
        QVERIFY(PasswordHasher::init());
        QVERIFY2(QFile::exists(helper().first()), "BRANCHDESK_HQ names the built branchdesk-hq");
        qputenv("BRANCHDESK_TEST_SECRET", "must-not-reach-the-helper");
    }

    void helpersHashAndVerifyAsLibsodiumDoes()
    {
        HashHelperPool pool(helper(), 2, 60000);
        const QByteArray hash = pool.hash("correct horse battery");
        QVERIFY2(hash.startsWith("$argon2id$"), hash.constData());
        QVERIFY(crypto_pwhash_str_verify(hash.constData(), "correct horse battery", 21) == 0);
        QVERIFY(pool.verify(hash, "correct horse battery"));
        QVERIFY(!pool.verify(hash, "correct horse batterx"));
        QVERIFY(!pool.verify(hash, QByteArray("correct horse battery\0x", 23))); // a NUL is a byte like any other
        QVERIFY(!pool.verify("not a hash", "correct horse battery"));
        // A hash made in this process (add-staff) is checked by a helper (serve), and back.
        const QString local = PasswordHasher::hash(QStringLiteral("口令-12345678"));
        QVERIFY(pool.verify(local.toLatin1(), QStringLiteral("口令-12345678").toUtf8()));
        PasswordHasher::useHelpers(&pool);
        QVERIFY(PasswordHasher::verify(local, QStringLiteral("口令-12345678")));
        QVERIFY(!PasswordHasher::verify(local, QStringLiteral("口令-12345679")));
        const QString remote = PasswordHasher::hash(QStringLiteral("another-password"));
        PasswordHasher::useHelpers(nullptr);
        QVERIFY(PasswordHasher::verify(remote, QStringLiteral("another-password")));
        QCOMPARE(pool.started(), 1); // one caller at a time: one helper, started when first needed
    }

    void aHelperHoldsOnlyItsSocketAndNoEnvironment()
    {
        HashHelperPool pool(helper(), 1, 60000);
        QVERIFY(pool.verify(pool.hash("x-password"), "x-password")); // it has run its start-up
        QCOMPARE(pool.pids().size(), 1);
        const QString proc = QStringLiteral("/proc/%1/").arg(pool.pids().first());
        QStringList fds = QDir(proc + QStringLiteral("fd")).entryList(QDir::NoDotAndDotDot | QDir::AllEntries);
        fds.sort();
        QCOMPARE(fds, (QStringList{QStringLiteral("0"), QStringLiteral("1"), QStringLiteral("2")}));
        char target[64] = {};
        QVERIFY(::readlink(QFile::encodeName(proc + QStringLiteral("fd/0")).constData(), target, sizeof target - 1) > 0);
        QVERIFY2(QByteArray(target).startsWith("socket:"), target);
        QCOMPARE(QFile::symLinkTarget(proc + QStringLiteral("fd/1")), QStringLiteral("/dev/null")); // not hq's stdout
        QFile environ(proc + QStringLiteral("environ"));
        QVERIFY(environ.open(QIODevice::ReadOnly));
        QCOMPARE(environ.readAll(), QByteArray()); // no PG* settings, no passwords of the unit's file
    }

    void aDeadHelperIsReplaced()
    {
        HashHelperPool pool(helper(), 1, 60000);
        const QByteArray hash = pool.hash("replace-me-1");
        const qint64 first = pool.pids().value(0);
        QVERIFY(first > 0);
        QCOMPARE(::kill(pid_t(first), SIGKILL), 0);
        QVERIFY(pool.verify(hash, "replace-me-1")); // the request is not lost
        QCOMPARE(pool.started(), 2);
        QVERIFY(pool.pids().value(0) != first);
        QVERIFY(::kill(pid_t(first), 0) != 0); // reaped, not a zombie
    }

    void aSilentHelperTimesOutAndIsKilled()
    {
        HashHelperPool pool({QStringLiteral("/bin/sleep"), QStringLiteral("600")}, 1, 300);
        pool.startAll();
        const qint64 pid = pool.pids().value(0);
        QVERIFY(pid > 0);
        QVERIFY_THROWS_EXCEPTION(HashHelperPool::Unavailable, pool.verify("$argon2id$x", "password"));
        QVERIFY(pool.pids().isEmpty());
        QVERIFY(::kill(pid_t(pid), 0) != 0);
        HashHelperPool missing({QStringLiteral("/nonexistent/branchdesk-hq")}, 1, 300);
        QVERIFY_THROWS_EXCEPTION(HashHelperPool::Unavailable, missing.hash("password"));
    }

    void noMoreHelpersThanThePoolsSize()
    {
        HashHelperPool pool(helper(), 2, 60000);
        const QByteArray hash = pool.hash("many-at-once");
        QList<QFuture<bool>> checks;
        QThreadPool threads;
        threads.setMaxThreadCount(6);
        for (int i = 0; i < 6; ++i)
            checks << QtConcurrent::run(&threads, [&, i] { return pool.verify(hash, i % 2 ? "many-at-once" : "wrong"); });
        int matched = 0;
        for (QFuture<bool> &f : checks)
            matched += f.result();
        QCOMPARE(matched, 3);
        QCOMPARE(pool.started(), 2);
    }

    void theHelperCommandWantsASocket()
    {
        QProcess p;
        p.start(helper().first(), {QLatin1String(HashHelper::kCommand)});
        QVERIFY(p.waitForStarted());
        p.write("h\x05\0\0\0hello\0\0\0\0", 14);
        p.closeWriteChannel();
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 2);
        QCOMPARE(p.readAllStandardOutput(), QByteArray());
    }
};

QTEST_GUILESS_MAIN(TestHashHelper)
#include "tst_hashhelper.moc"
