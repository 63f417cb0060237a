#include "domain/securitypolicy.h"
#include "store/metatable.h"
#include "store/auditlog.h"
#include "store/branchstore.h"
#include "store/database.h"
#include "store/storeerror.h"
#include "store/storeunlocker.h"
#include "store/unlockthrottle.h"
#include "store/syncengine.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

// Unlocking a locked store: exponential waits after 5 wrong passphrases that survive a
// restart and never destroy data, the offline grace period, and the audit entries.
class TestStoreUnlocker : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    const QDateTime m_now = QDateTime(QDate(2026, 11, 23), QTime(10, 0));

    QString makeStore(const QString &name)
    {
        const QString file = m_dir.filePath(name);
        if (!BranchStore::createDemo(file, QStringLiteral("right-pass"), DemoGenerator::Options{30, 3, QDate(2026, 11, 23)}))
            return {};
        return file;
    }
    static QByteArray fileHash(const QString &file)
    {
        QFile f(file);
        return f.open(QIODevice::ReadOnly) ? QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256) : QByteArray();
    }
    static QStringList events(const QString &file)
    {
        Database db = Database::open(file, QStringLiteral("right-pass"), Database::OpenMode::ExistingOnly);
        QStringList out;
        for (const AuditLog::Entry &e : AuditLog(db).entries())
            out << e.event;
        return out;
    }

private slots:
    void delaysDoubleAfterFiveFailures_data()
    {
        QTest::addColumn<int>("failures");
        QTest::addColumn<qint64>("seconds");
        QTest::newRow("none") << 0 << qint64(0);
        QTest::newRow("4") << 4 << qint64(0);
        QTest::newRow("5") << 5 << qint64(2);
        QTest::newRow("6") << 6 << qint64(4);
        QTest::newRow("10") << 10 << qint64(64);
        QTest::newRow("capped") << 40 << qint64(3600);
        QTest::newRow("huge") << 100000 << qint64(3600);
    }
    void delaysDoubleAfterFiveFailures()
    {
        QFETCH(int, failures);
        QFETCH(qint64, seconds);
        QCOMPARE(SecurityPolicy().unlockDelaySeconds(failures), seconds);
    }

    void graceRules()
    {
        const SecurityPolicy p; // 14 days
        QVERIFY(p.offlineUnlockAllowed(false, {}, m_now)); // demo store: no HQ, exempt
        QVERIFY(!p.offlineUnlockAllowed(true, {}, m_now)); // HQ never answered
        QVERIFY(p.offlineUnlockAllowed(true, m_now.addDays(-14), m_now));
        QVERIFY(!p.offlineUnlockAllowed(true, m_now.addDays(-14).addSecs(-1), m_now));
        QVERIFY(!p.offlineUnlockAllowed(true, m_now.addDays(1), m_now)); // clock set back
    }

    void wrongPassphrasesSlowDownAcrossRestartsAndDestroyNothing()
    {
        const QString file = makeStore(QStringLiteral("throttle.db"));
        QVERIFY(!file.isEmpty());
        const QByteArray before = fileHash(file);
        const SecurityPolicy policy;
        QDateTime t = m_now;
        // Given five wrong passphrases: each refused, no wait yet after the first four
        for (int i = 1; i <= 5; ++i) {
            const auto out = StoreUnlocker::unlock(file, QStringLiteral("wrong-%1").arg(i), policy, t);
            QCOMPARE(out.result, StoreUnlocker::Result::WrongPassphrase);
            QCOMPARE(out.failures, i);
            QCOMPARE(out.waitSeconds, i < 5 ? 0 : 2);
            t = t.addMSecs(100);
        }
        // When the app restarts (a new throttle reads the file) and tries again at once
        QCOMPARE(UnlockThrottle(file).failures(), 5);
        auto out = StoreUnlocker::unlock(file, QStringLiteral("right-pass"), policy, t);
        // Then it must wait, even with the right passphrase
        QCOMPARE(out.result, StoreUnlocker::Result::Throttled);
        QVERIFY(out.waitSeconds > 0 && out.waitSeconds <= 2);
        // And after the wait a sixth wrong one doubles it
        t = t.addSecs(3);
        out = StoreUnlocker::unlock(file, QStringLiteral("wrong-6"), policy, t);
        QCOMPARE(out.result, StoreUnlocker::Result::WrongPassphrase);
        QCOMPARE(out.waitSeconds, 4);
        // A deleted or damaged counter file does not reset to zero
        QFile::resize(UnlockThrottle::pathFor(file), 3);
        QVERIFY(UnlockThrottle(file).failures() >= 1);
        // And however many tries, the store is untouched and the right passphrase opens it
        for (int i = 0; i < 30; ++i)
            StoreUnlocker::unlock(file, QStringLiteral("x"), policy, t.addSecs(7200 * (i + 1)));
        QCOMPARE(fileHash(file), before);
        t = t.addDays(3);
        out = StoreUnlocker::unlock(file, QStringLiteral("right-pass"), policy, t);
        QCOMPARE(out.result, StoreUnlocker::Result::Unlocked);
        QVERIFY(out.key && out.key->isValid());
        QCOMPARE(UnlockThrottle(file).failures(), 0);
        QVERIFY(!QFile::exists(UnlockThrottle::pathFor(file)));
    }

    void failedUnlocksAreAuditedAtTheNextUnlock()
    {
        const QString file = makeStore(QStringLiteral("audit.db"));
        const SecurityPolicy policy;
        StoreUnlocker::unlock(file, QStringLiteral("nope-1"), policy, m_now);
        StoreUnlocker::unlock(file, QStringLiteral("nope-2"), policy, m_now.addSecs(1));
        QVERIFY(!events(file).contains(QStringLiteral("unlock_failed"))); // cannot be written while locked
        const auto out = StoreUnlocker::unlock(file, QStringLiteral("right-pass"), policy, m_now.addSecs(2));
        QCOMPARE(out.result, StoreUnlocker::Result::Unlocked);
        const QStringList e = events(file);
        QCOMPARE(e.count(QStringLiteral("unlock_failed")), 2);
        QCOMPARE(e.last(), QStringLiteral("unlock"));
        Database db = Database::open(file, QStringLiteral("right-pass"), Database::OpenMode::ExistingOnly);
        const auto entries = AuditLog(db).entries();
        const AuditLog::Entry &failed = entries[entries.size() - 3];
        QCOMPARE(failed.staffId, QStringLiteral("local"));
        QCOMPARE(failed.detail, m_now.toString(Qt::ISODateWithMs)); // when, nothing typed
        QVERIFY(AuditLog(db).verify().ok);
    }

    void pastTheGracePeriodHqMustAnswerFirst()
    {
        const QString file = makeStore(QStringLiteral("grace.db"));
        {
            Database db = Database::open(file, QStringLiteral("right-pass"), Database::OpenMode::ExistingOnly);
            MetaTable::setValue(db, QStringLiteral("sync.hq_url"), QStringLiteral("https://hq.example.cn"));
            MetaTable::setValue(db, QStringLiteral("sync.last_success"), m_now.addDays(-15).toString(Qt::ISODate));
        }
        const SecurityPolicy policy;
        auto out = StoreUnlocker::unlock(file, QStringLiteral("right-pass"), policy, m_now);
        QCOMPARE(out.result, StoreUnlocker::Result::NeedsHqContact);
        QCOMPARE(out.lastContact.date(), m_now.addDays(-15).date());
        QVERIFY(out.key); // kept, so the app can contact HQ
        // Within the grace period it opens
        out = StoreUnlocker::unlock(file, QStringLiteral("right-pass"), policy, m_now.addDays(-2));
        QCOMPARE(out.result, StoreUnlocker::Result::Unlocked);
    }
};

QTEST_GUILESS_MAIN(TestStoreUnlocker)
#include "tst_storeunlocker.moc"
