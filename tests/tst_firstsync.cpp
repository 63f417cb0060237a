// The first sync of a store against a real branchdesk-hq (issues 13 and 19): how the engine
// waits for pages, and what a first sync leaves behind when it is interrupted.
#include "domain/demogenerator.h"
#include "hqfixture.h"
#include "store/database.h"
#include "store/statement.h"
#include "store/syncengine.h"

#include <QFile>
#include <QThread>
#include <QtTest>

#include <cstring>

namespace {

const QString kPass = QStringLiteral("first-pass");
const QString kHqPassword = QStringLiteral("first-password");
const QString kBranch = QStringLiteral("FIRST01");

// This thread's voluntary context switches so far: each time it went to sleep.
qint64 voluntarySwitches()
{
    QFile f(QStringLiteral("/proc/thread-self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith("voluntary_ctxt_switches:"))
            return line.mid(int(std::strlen("voluntary_ctxt_switches:"))).trimmed().toLongLong();
    }
    return -1;
}

qint64 scalar(Database &db, const QString &sql)
{
    Statement st(db, sql);
    return st.step() ? st.int64(0) : -1;
}

} // namespace

class TestFirstSync : public QObject
{
    Q_OBJECT

private:
    HqFixture m_hq;
    QTemporaryDir m_dir;
    BranchData m_branch;
    int m_stores = 0;

    QString newStore() { return m_dir.filePath(QStringLiteral("first%1.db").arg(++m_stores)); }

    SyncEngine::Settings settings(int pageSize) const
    {
        SyncEngine::Settings s;
        s.hq = m_hq.url();
        s.staffId = QStringLiteral("MGR01");
        s.password = kHqPassword;
        s.pageSize = pageSize;
        s.timeoutMs = 30000;
        return s;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(m_hq.start(), qPrintable(m_hq.lastError()));
        QVERIFY(DemoGenerator::generate({3000, 19, QDate(2026, 11, 23)}, &m_branch));
        m_branch.branchCode = kBranch;
        QVERIFY2(m_hq.importBranch(m_branch, kBranch, QStringLiteral("first.csv"), QStringLiteral("MGR01"),
                                   QStringLiteral("行长"), kHqPassword, QStringLiteral("manager")),
                 qPrintable(m_hq.lastError()));
        QVERIFY(m_hq.startServer());
    }

    void cleanupTestCase() { m_hq.stop(); }

    void theEngineSleepsWhileItWaitsForAPage()
    {
        // Given an HQ that takes 400 ms before each page (held on the fetcher's thread)
        SyncEngine::Settings s = settings(3000);
        s.faults = [](const QByteArray &, const QString &path) {
            if (path.contains(QLatin1String("/changes")))
                QThread::msleep(400);
            return HqClient::Fault::None;
        };
        // When a first sync pulls the branch page by page
        qint64 first = -1, last = -1;
        int waits = 0;
        Database db = Database::open(newStore(), kPass, Database::OpenMode::CreateIfMissing);
        const SyncEngine::Report r = SyncEngine::run(db, s, [&](const char *stage, qint64, qint64) {
            if (std::strcmp(stage, "Receiving branch data") == 0) {
                last = voluntarySwitches();
                if (first < 0)
                    first = last;
                else
                    ++waits;
            }
            return true;
        });
        QVERIFY2(r.ok, qPrintable(r.error));
        QVERIFY(first >= 0);
        QVERIFY2(waits >= 3, "several pages were waited for");
        // Then the engine's thread went to sleep a few times per page, not every half millisecond
        // (a usleep(500) loop wakes ~700 times in 400 ms)
        const double perPage = double(last - first) / waits;
        qInfo("engine thread: %lld voluntary context switches over %d waits for a page (%.1f each)", last - first, waits,
              perPage);
        QVERIFY2(perPage < 50, qPrintable(QStringLiteral("%1 switches per page").arg(perPage)));
        QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM customer")), qint64(m_branch.customers.size()));
        QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM holding")), qint64(m_branch.holdings.size()));
    }
};

QTEST_GUILESS_MAIN(TestFirstSync)
#include "tst_firstsync.moc"
