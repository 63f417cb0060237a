#include "session/analysiscontroller.h"
#include "items/campaignprogressmodel.h"
#include "items/customerlistmodel.h"
#include "listspage.h"
#include "store/branchstore.h"
#include "testsupport.h"

#include <QComboBox>
#include <QLabel>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QtTest>

class TestListsPage : public QObject
{
    Q_OBJECT

private:
    static BranchData branch()
    {
        BranchData d = TestSupport::smallBranch(); // 张三 45k, 李四 520k, 张珊珊 8k, 王小明 7M, 单田芳 60k, 欧阳娜娜 12k
        d.customers.push_back(TestSupport::customer(QStringLiteral("600000000007"), QStringLiteral("钱多多"), 310000));
        d.customers.push_back(TestSupport::customer(QStringLiteral("600000000008"), QStringLiteral("孙小小"), 36000));
        return d;
    }
    static LoadedBranch loaded(BranchData d, QDate asOf)
    {
        LoadedBranch b;
        b.snapshot = std::make_shared<const BranchSnapshot>(std::move(d), TierPolicy::defaultPolicy(), asOf);
        return b;
    }

private slots:
    void initTestCase()
    {
        QLocale::setDefault(QLocale(QLocale::Chinese, QLocale::China));
    }

    void showsTheListsAndFollowsAFrozenList()
    {
        AnalysisController analysis;
        ListsPage page(&analysis);
        page.resize(1200, 700);
        page.show();
        QSignalSpy scored(&analysis, &AnalysisController::scoresReady);
        analysis.setBranch(loaded(branch(), QDate(2026, 11, 23)));
        QVERIFY(scored.wait(5000));

        // The threshold list: 张三 (5k to gold), 孙小小 (14k), 钱多多 (190k to VIP), closest first
        CustomerListModel *threshold = page.thresholdModel();
        QCOMPARE(threshold->rowCount(), 3);
        QCOMPARE(threshold->index(0, CustomerListModel::Name).data().toString(), QStringLiteral("张三"));
        QCOMPARE(threshold->index(2, CustomerListModel::Name).data().toString(), QStringLiteral("钱多多"));
        QCOMPARE(page.bandBox()->count(), 3); // all + two bands
        page.bandBox()->setCurrentIndex(2);   // [300k, 500k) only
        QCOMPARE(threshold->rowCount(), 1);
        page.bandBox()->setCurrentIndex(0);

        // The low-efficiency list under 10k, then widened to 50k
        QCOMPARE(page.lowEfficiencyModel()->rowCount(), 1); // 张珊珊 8k
        page.lineBox()->setCurrentIndex(1);
        QCOMPARE(page.lowEfficiencyModel()->rowCount(), 4); // + 欧阳娜娜 12k, 孙小小 36k, 张三 45k

        // When the threshold list is frozen
        QSignalSpy campaigns(&analysis, &AnalysisController::campaignsChanged);
        page.freezeThreshold(QStringLiteral("开门红临界提升"));
        QCOMPARE(campaigns.count(), 1);
        QCOMPARE(page.campaignBox()->count(), 1);
        QCOMPARE(page.campaignModel()->rowCount(), 3);
        QVERIFY2(page.campaignSummary()->text().contains(QStringLiteral("0.0%")), qPrintable(page.campaignSummary()->text()));

        // And in January 张三 and 孙小小 reach gold while 钱多多 drops to 290k
        BranchData later = branch();
        later.customers[0].aumHistoryFen.fill(5200000);
        later.customers[7].aumHistoryFen.fill(5000000);
        later.customers[6].aumHistoryFen.fill(29000000);
        analysis.setBranch(loaded(later, QDate(2027, 1, 31)));
        QVERIFY(scored.wait(5000));

        // Then the campaign shows 2 of 3 reached: uplift 66.7% against the 30% target
        QCOMPARE(page.campaignModel()->progress().reached(), 2);
        QVERIFY2(page.campaignSummary()->text().contains(QStringLiteral("66.7%")), qPrintable(page.campaignSummary()->text()));
        QVERIFY(page.campaignSummary()->text().contains(QStringLiteral("30%")));
        page.movementBox()->setCurrentIndex(3); // moved down: nobody (钱多多 stays gold)
        QCOMPARE(page.campaignModel()->rowCount(), 0);
        page.movementBox()->setCurrentIndex(2); // moved up
        QCOMPARE(page.campaignModel()->rowCount(), 2);
    }

    void frozenListsLiveInTheStore()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("lists.db"));
        QVERIFY(BranchStore::createDemo(path, QStringLiteral("pw"), DemoGenerator::Options{2000, 7, QDate(2026, 11, 23)}));
        LoadedBranch b;
        QVERIFY(BranchStore::load(path, QStringLiteral("pw"), &b, {}, QDate(2026, 11, 23)));
        QVERIFY(b.store.isValid());
        int frozenMembers = 0;
        {
            AnalysisController analysis;
            ListsPage page(&analysis);
            QSignalSpy scored(&analysis, &AnalysisController::scoresReady);
            analysis.setBranch(b);
            QVERIFY(scored.wait(5000));
            QVERIFY(page.thresholdModel()->rowCount() > 0);
            frozenMembers = page.thresholdModel()->rowCount();
            QSignalSpy campaigns(&analysis, &AnalysisController::campaignsChanged);
            page.freezeThreshold(QStringLiteral("临界"));
            QVERIFY(campaigns.wait(5000));
            QCOMPARE(analysis.campaigns().size(), size_t(1));
        }
        // A new session reads it back from the encrypted store
        AnalysisController analysis;
        ListsPage page(&analysis);
        QSignalSpy campaigns(&analysis, &AnalysisController::campaignsChanged);
        analysis.setBranch(b);
        QVERIFY(campaigns.wait(5000));
        QCOMPARE(analysis.campaigns().size(), size_t(1));
        QCOMPARE(int(analysis.campaigns().front().members.size()), frozenMembers);
        QCOMPARE(page.campaignBox()->count(), 1);
    }
};

QTEST_MAIN(TestListsPage)
#include "tst_listspage.moc"
