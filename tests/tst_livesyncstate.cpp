#include "languagemanager.h"
#include "mainwindow.h"
#include "synccontroller.h"
#include "session/cadenceworkspace.h"
#include "store/metatable.h"
#include "store/branchstore.h"
#include "store/database.h"
#include "store/outbox.h"
#include "store/syncengine.h"
#include "session/syncservice.h"

#include <QElapsedTimer>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtTest>

#include <limits>

// Issue 16: the sync indicator tells the truth right after a local write, not at the next
// round: offline as soon as HQ fails, what waits to go up; a demo branch (no HQ) counts nothing.
class TestLiveSyncState : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    const QString m_pass = QStringLiteral("live-sync-pass");
    const QDate m_today{2026, 11, 23};

    QString newDemo(const QString &name)
    {
        const QString path = m_dir.filePath(name);
        if (!BranchStore::createDemo(path, m_pass, DemoGenerator::Options{400, 3, m_today}))
            return {};
        return path;
    }
    static quint16 closedPort()
    {
        QTcpServer probe;
        probe.listen(QHostAddress::LocalHost);
        const quint16 port = probe.serverPort();
        probe.close(); // nothing listens there now: HQ is down
        return port;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("BranchDeskTest"));
    }

    void aContactLoggedWhileHqIsDownShowsOfflineAndPending()
    {
        // Given a store that syncs with HQ as RM01, with nothing waiting, and HQ down
        const QString path = newDemo(QStringLiteral("synced.db"));
        QVERIFY(!path.isEmpty());
        {
            Database db = Database::open(path, m_pass, Database::OpenMode::ExistingOnly);
            MetaTable::setValue(db, QStringLiteral("sync.hq_url"),
                                     QStringLiteral("http://127.0.0.1:%1").arg(closedPort()));
            MetaTable::setValue(db, QStringLiteral("sync.staff_id"), QStringLiteral("RM01"));
            // signed in earlier today: the session token is still good, so a round goes to the network
            MetaTable::setValue(db, QStringLiteral("sync.token"), QStringLiteral("session-token"));
            MetaTable::setValue(db, QStringLiteral("sync.branch"), QStringLiteral("DEMO007"));
        }
        LanguageManager languages;
        languages.apply(QStringLiteral("zh_CN"));
        LoadedBranch branch;
        QVERIFY(BranchStore::load(path, m_pass, &branch, {}, m_today));
        MainWindow window(&languages);
        window.workspace()->setToday(m_today);
        window.setBranch(branch);
        SyncService service(branch.store);
        SyncController sync(&window, &service);
        window.show();
        // (the first start enrols the lists, which queues records: HQ has them all, say)
        QTRY_VERIFY_WITH_TIMEOUT(window.workspace()->isReady(), 20000);
        QVERIFY(window.workspace()->waitForIdle());
        {
            Database db = Database::open(path, m_pass, Database::OpenMode::ExistingOnly);
            Outbox::acknowledge(db, std::numeric_limits<qint64>::max());
            QCOMPARE(Outbox::pendingCount(db), 0);
        }
        service.start();
        QTRY_VERIFY(service.isConfigured());
        QVERIFY2(sync.statusText().contains(QStringLiteral("在线")), qPrintable(sync.statusText()));
        QVERIFY2(!sync.statusText().contains(QStringLiteral("待上传")), qPrintable(sync.statusText()));

        // When the RM logs a contact
        int customer = -1;
        for (int i = 0; i < branch.snapshot->customerCount() && customer < 0; ++i) {
            if (branch.snapshot->customer(i).rmId == QLatin1String("RM01"))
                customer = i;
        }
        QVERIFY(customer >= 0);
        Contact c;
        c.customerNo = branch.snapshot->customer(customer).customerNo;
        c.staffId = QStringLiteral("RM01");
        c.outcome = Contact::Outcome::Interested;
        c.contactedAt = QDateTime::currentDateTime();
        c.note = QStringLiteral("HQ 断开时登记");
        QElapsedTimer clock;
        clock.start();
        window.workspace()->logContact(c);

        // Then within a second the status bar says offline, with one record waiting to go up
        QTRY_VERIFY2_WITH_TIMEOUT(sync.statusText().contains(QStringLiteral("离线"))
                                      && sync.statusText().contains(QStringLiteral("· 1 条待上传")),
                                  qPrintable(sync.statusText()), 1000);
        qInfo("offline and pending shown %lld ms after the write: %s", clock.elapsed(), qPrintable(sync.statusText()));
        QCOMPARE(service.status().pending, 1);
        QCOMPARE(service.status().state, SyncService::State::Offline);
    }

    void aDemoBranchCountsNothingWaiting()
    {
        // Given the demo branch, which has never seen HQ but has records in its outbox
        const QString path = newDemo(QStringLiteral("demo.db"));
        LanguageManager languages;
        languages.apply(QStringLiteral("zh_CN"));
        LoadedBranch branch;
        QVERIFY(BranchStore::load(path, m_pass, &branch, {}, m_today));
        MainWindow window(&languages);
        window.setBranch(branch);
        QTRY_VERIFY_WITH_TIMEOUT(window.workspace()->isReady(), 20000);
        QVERIFY(window.workspace()->waitForIdle()); // enrolling the lists queued records
        SyncService service(branch.store);
        SyncController sync(&window, &service);
        QSignalSpy status(&service, &SyncService::statusChanged);
        service.start();
        QTRY_VERIFY(status.size() >= 1);
        QVERIFY(service.status().pending > 0);
        // Then the indicator says it is not connected, and counts nothing "waiting to send"
        QVERIFY2(sync.statusText().contains(QStringLiteral("未连接总行")), qPrintable(sync.statusText()));
        QVERIFY2(!sync.statusText().contains(QStringLiteral("待上传")), qPrintable(sync.statusText()));
    }
};

QTEST_MAIN(TestLiveSyncState)
#include "tst_livesyncstate.moc"
