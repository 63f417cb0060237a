#include "domain/branchsnapshot.h"
#include "domain/tierdistribution.h"
#include "testsupport.h"

#include <QtTest>

// Every customer's tier at the boundaries, and the distribution of a branch.
class TestTierDistribution : public QObject
{
    Q_OBJECT

private slots:
    void customerTierAtBoundaries_data()
    {
        QTest::addColumn<qint64>("fen");
        QTest::addColumn<QString>("tier");
        QTest::newRow("9,999.99") << qint64(999999) << QStringLiteral("low");
        QTest::newRow("10,000") << qint64(1000000) << QStringLiteral("mass");
        QTest::newRow("49,999.99") << qint64(4999999) << QStringLiteral("mass");
        QTest::newRow("50,000") << qint64(5000000) << QStringLiteral("gold");
        QTest::newRow("499,999.99") << qint64(49999999) << QStringLiteral("gold");
        QTest::newRow("500,000") << qint64(50000000) << QStringLiteral("vip");
        QTest::newRow("5,999,999.99") << qint64(599999999) << QStringLiteral("vip");
        QTest::newRow("6,000,000") << qint64(600000000) << QStringLiteral("private");
    }
    void customerTierAtBoundaries()
    {
        // Given a customer whose last complete month averaged `fen` while today's balance is far off
        QFETCH(qint64, fen);
        QFETCH(QString, tier);
        BranchData d = TestSupport::smallBranch();
        d.customers.resize(1);
        d.customers[0].aumHistoryFen.fill(fen);
        d.customers[0].aumFen = fen * 3 + 100000000;
        const BranchSnapshot s(std::move(d), TierPolicy::defaultPolicy(), QDate(2026, 11, 23));
        // Then the tier follows the policy's basis, lower bound inclusive
        QCOMPARE(s.tierPolicy().tier(s.tierOf(0)).id, tier);
        const TierDistribution dist = TierDistribution::of(s);
        QCOMPARE(dist.customers.at(s.tierOf(0)), 1);
        QCOMPARE(dist.totalCustomers(), 1);
    }

    void distributionOfTheSmallBranch()
    {
        // 张三 45k, 李四 520k, 张珊珊 8k, 王小明 7M, 单田芳 60k, 欧阳娜娜 12k
        const BranchSnapshot s(TestSupport::smallBranch(), TierPolicy::defaultPolicy(), QDate(2026, 11, 23));
        const TierDistribution d = TierDistribution::of(s);
        QCOMPARE(d.customers, (QVector<int>{1, 2, 1, 1, 1}));
        QCOMPARE(d.aumFen, (QVector<qint64>{800000, 5700000, 6000000, 52000000, 700000000}));
        QCOMPARE(d.totalAumFen(), qint64(764500000));
    }
};

QTEST_GUILESS_MAIN(TestTierDistribution)
#include "tst_tierdistribution.moc"
