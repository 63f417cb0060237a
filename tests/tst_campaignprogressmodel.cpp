#include "items/campaignprogressmodel.h"
#include "testsupport.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QtTest>

class TestCampaignProgressModel : public QObject
{
    Q_OBJECT

private slots:
    void filtersAndSortsTheMembers()
    {
        QLocale::setDefault(QLocale(QLocale::Chinese, QLocale::China));
        // Given a list frozen with 张三 (45k), 李四 (520k) and 单田芳 (60k)
        const BranchSnapshot before(TestSupport::smallBranch(), TierPolicy::defaultPolicy(), QDate(2026, 11, 23));
        const CampaignList campaign = CampaignList::freeze(QStringLiteral("测试"), CustomerList::selection(before, {0, 1, 4}),
                                                           before, nullptr);
        // And later 张三 reached gold, 李四 fell to gold, 单田芳 is unchanged
        BranchData d = TestSupport::smallBranch();
        d.customers[0].aumHistoryFen.fill(5500000);
        d.customers[1].aumHistoryFen.fill(40000000);
        auto after = std::make_shared<const BranchSnapshot>(std::move(d), TierPolicy::defaultPolicy(), QDate(2027, 1, 31));

        CampaignProgressModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setCampaign(after, campaign);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.progress().reached(), 1);
        QCOMPARE(model.index(0, CampaignProgressModel::BaselineTier).data().toString(), QStringLiteral("大众客户"));
        QCOMPARE(model.index(0, CampaignProgressModel::CurrentTier).data().toString(), QStringLiteral("金卡客户"));
        QVERIFY(qAbs(model.index(0, CampaignProgressModel::Change).data(CampaignProgressModel::RawValueRole).toDouble()
                     - 10000.0 / 45000.0) < 1e-12);
        QCOMPARE(model.index(0, CampaignProgressModel::Status).data().toString(), QStringLiteral("Reached the target tier"));

        // When filtered to those who moved down
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        model.setFilter(CampaignProgressModel::Filter::Downgraded);
        QCOMPARE(resets.count(), 1);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, CampaignProgressModel::Name).data().toString(), QStringLiteral("李四"));
        model.setFilter(CampaignProgressModel::Filter::Reached);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, CampaignProgressModel::Name).data().toString(), QStringLiteral("张三"));

        // Sorting by the change, largest first, survives a filter change
        model.setFilter(CampaignProgressModel::Filter::All);
        model.sort(CampaignProgressModel::Change, Qt::DescendingOrder);
        QCOMPARE(model.index(0, CampaignProgressModel::Name).data().toString(), QStringLiteral("张三"));
        QCOMPARE(model.index(2, CampaignProgressModel::Name).data().toString(), QStringLiteral("李四"));
        model.setFilter(CampaignProgressModel::Filter::Upgraded);
        model.setFilter(CampaignProgressModel::Filter::All);
        QCOMPARE(model.index(2, CampaignProgressModel::Name).data().toString(), QStringLiteral("李四"));
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_MAIN(TestCampaignProgressModel)
#include "tst_campaignprogressmodel.moc"
