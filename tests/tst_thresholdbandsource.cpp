#include "domain/cadencepolicy.h"
#include "domain/cadenceroster.h"
#include "domain/thresholdlist.h"
#include "domain/valuepolicy.h"
#include "session/cadenceworkspace.h"
#include "store/analysisjobs.h"
#include "store/branchstore.h"
#include "store/loadedbranch.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <set>

// Issue 18: one source for the threshold bands. The Lists page (ThresholdList over the value
// policy), the 4+1 roster and the dashboard (both through the workspace's cadence policy) must
// show the same customers after one edit of the bands.
class TestThresholdBandSource : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_store;
    const QDate m_today{2026, 11, 23};

    static std::set<int> listMembers(const BranchSnapshot &s, const ValuePolicy &policy)
    {
        std::set<int> out;
        for (const ListMember &m : ThresholdList::build(s, policy).members)
            out.insert(m.customer);
        return out;
    }
    static std::set<int> rosterMembers(const BranchSnapshot &s, const CadenceRoster &roster)
    {
        std::set<int> out;
        for (int i = 0; i < s.customerCount(); ++i) {
            if (roster.listsOf(i) & CadenceRoster::Threshold)
                out.insert(i);
        }
        return out;
    }
    static ValuePolicy editedPolicy()
    {
        ValuePolicy p = ValuePolicy::defaultPolicy();
        QVector<ValuePolicy::ThresholdBand> bands = p.thresholdBands();
        bands[0].fromFen = 2000000;  // gold band from 20,000 yuan instead of 30,000
        bands[1].fromFen = 45000000; // VIP band from 450,000 instead of 300,000
        p.setThresholdBands(bands);
        return p;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("BranchDeskTest"));
        m_store = m_dir.filePath(QStringLiteral("demo.db"));
        QVERIFY(BranchStore::createDemo(m_store, QStringLiteral("test-pass"), DemoGenerator::Options{3000, 7, m_today}));
    }

    void cadencePolicyHasNoBandsOfItsOwn()
    {
        const CadencePolicy p = CadencePolicy::defaultPolicy();
        QCOMPARE(int(p.thresholdBands.size()), 2);
        QCOMPARE(p.thresholdBands[0].fromFen, qint64(3000000));
        QCOMPARE(p.thresholdBands[0].toFen, qint64(5000000)); // the gold line
        QCOMPARE(p.thresholdBands[1].fromFen, qint64(30000000));
        QCOMPARE(p.thresholdBands[1].toFen, qint64(50000000)); // the VIP line
        QFile f(QStringLiteral(":/policy/cadence_policy.json"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QJsonObject root = QJsonDocument::fromJson(f.readAll()).object();
        QVERIFY(!root.contains(QLatin1String("threshold_bands")));
        root.insert(QStringLiteral("threshold_bands"), QJsonArray());
        CadencePolicy parsed;
        QString error;
        QVERIFY(!CadencePolicy::fromJson(QJsonDocument(root).toJson(), &parsed, &error));
        QVERIFY2(error.contains(QLatin1String("value policy")), qPrintable(error));
    }

    void oneEditMovesListRosterAndDashboard()
    {
        LoadedBranch branch;
        QVERIFY(BranchStore::load(m_store, QStringLiteral("test-pass"), &branch, {}, m_today));
        const BranchSnapshot &s = *branch.snapshot;
        const ValuePolicy edited = editedPolicy();
        const std::set<int> before = listMembers(s, ValuePolicy::defaultPolicy());
        const std::set<int> after = listMembers(s, edited);
        QVERIFY(!after.empty());
        QVERIFY(before != after); // the edit matters on this branch

        // Before the edit the workspace's roster holds the shipped bands' list.
        {
            CadenceWorkspace ws;
            QSignalSpy ready(&ws, &CadenceWorkspace::ready);
            ws.setBranch(branch, m_today);
            QVERIFY(ready.wait(30000));
            QCOMPARE(rosterMembers(s, *ws.roster()), before);
        }
        // The manager edits the bands once (the Weights… dialog stores the value policy).
        AnalysisJobs::saveValuePolicy(branch.store, edited);
        CadenceWorkspace ws;
        QSignalSpy ready(&ws, &CadenceWorkspace::ready);
        ws.setBranch(branch, m_today);
        QVERIFY(ready.wait(30000));
        // The Lists page's threshold list and the 4+1 roster hold the same customers...
        QCOMPARE(rosterMembers(s, *ws.roster()), after);
        // ...and the dashboard reads the workspace's policy and roster (DashboardPage::refresh).
        QCOMPARE(int(ws.policy().thresholdBands.size()), 2);
        QCOMPARE(ws.policy().thresholdBands[0].fromFen, qint64(2000000));
        QCOMPARE(ws.policy().thresholdBands[1].fromFen, qint64(45000000));
        QCOMPARE(ws.policy().thresholdBands[1].toFen, qint64(50000000));
        // Customers who left the band leave 4+1 unless another list keeps them there.
        for (int i : before) {
            if (!after.count(i))
                QVERIFY(!(ws.roster()->listsOf(i) & CadenceRoster::Threshold));
        }
    }
};

QTEST_GUILESS_MAIN(TestThresholdBandSource)
#include "tst_thresholdbandsource.moc"
