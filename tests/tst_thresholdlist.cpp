#include "domain/lowefficiencylist.h"
#include "domain/thresholdlist.h"
#include "domain/valuescores.h"
#include "testsupport.h"

#include <QtTest>

// Threshold bands and the low-efficiency line, at their edges.
class TestThresholdList : public QObject
{
    Q_OBJECT

private:
    // One customer whose last-month average (the tier basis) is `basisFen`.
    static BranchSnapshot branchWith(qint64 basisFen)
    {
        BranchData d = TestSupport::smallBranch();
        d.customers.clear();
        d.holdings.clear();
        Customer c = TestSupport::customer(QStringLiteral("900000000001"), QStringLiteral("边界"), 0);
        c.aumHistoryFen.fill(basisFen);
        c.aumFen = basisFen;
        c.aumMtdAvgFen = basisFen;
        d.customers.push_back(c);
        return BranchSnapshot(std::move(d), TierPolicy::defaultPolicy(), QDate(2026, 11, 23));
    }

private slots:
    void bandEdges_data()
    {
        QTest::addColumn<qint64>("fen");
        QTest::addColumn<QString>("target");
        QTest::addColumn<qint64>("gap");
        QTest::newRow("29,999.99 out") << qint64(2999999) << QString() << qint64(0);
        QTest::newRow("30,000 in") << qint64(3000000) << QStringLiteral("gold") << qint64(2000000);
        QTest::newRow("49,999.99 in") << qint64(4999999) << QStringLiteral("gold") << qint64(1);
        QTest::newRow("50,000 out") << qint64(5000000) << QString() << qint64(0);
        QTest::newRow("299,999.99 out") << qint64(29999999) << QString() << qint64(0);
        QTest::newRow("300,000 in") << qint64(30000000) << QStringLiteral("vip") << qint64(20000000);
        QTest::newRow("499,999.99 in") << qint64(49999999) << QStringLiteral("vip") << qint64(1);
        QTest::newRow("500,000 out") << qint64(50000000) << QString() << qint64(0);
    }
    void bandEdges()
    {
        QFETCH(qint64, fen);
        QFETCH(QString, target);
        QFETCH(qint64, gap);
        const BranchSnapshot s = branchWith(fen);
        const CustomerList list = ThresholdList::build(s, ValuePolicy::defaultPolicy());
        QCOMPARE(list.kind, CustomerList::Kind::Threshold);
        if (target.isEmpty()) {
            QCOMPARE(list.members.size(), size_t(0));
            return;
        }
        QCOMPARE(list.members.size(), size_t(1));
        QCOMPARE(s.tierPolicy().tier(list.members[0].targetTier).id, target);
        QCOMPARE(list.members[0].gapFen, gap);
        QCOMPARE(list.members[0].basisFen, fen);
    }

    void oneBandOnlyAndClosestFirst()
    {
        BranchData d = TestSupport::smallBranch();
        d.customers.clear();
        d.holdings.clear();
        const qint64 yuan[] = {31000, 48000, 450000, 320000, 40000};
        for (int i = 0; i < 5; ++i)
            d.customers.push_back(TestSupport::customer(QStringLiteral("91000000000%1").arg(i), QStringLiteral("客%1").arg(i), yuan[i]));
        const BranchSnapshot s(std::move(d), TierPolicy::defaultPolicy(), QDate(2026, 11, 23));
        const CustomerList all = ThresholdList::build(s, ValuePolicy::defaultPolicy());
        std::vector<int> order;
        for (const ListMember &m : all.members)
            order.push_back(m.customer);
        QCOMPARE(order, (std::vector<int>{1, 4, 0, 2, 3})); // gaps 2k, 10k, 19k, 50k, 180k
        const CustomerList vip = ThresholdList::build(s, ValuePolicy::defaultPolicy(), 1);
        QCOMPARE(vip.members.size(), size_t(2));
        QCOMPARE(vip.members[0].customer, 2);
    }

    void projectsTheMonthEndAverage()
    {
        Customer c;
        c.aumMtdAvgFen = 3000000; // 30k average over Nov 1-23
        c.aumFen = 6000000;       // 60k today
        // (30k * 23 + 60k * 7) / 30 = 37k
        QCOMPARE(ThresholdList::projectedMonthEndAverage(c, QDate(2026, 11, 23)), qint64(3700000));
        QCOMPARE(ThresholdList::projectedMonthEndAverage(c, QDate(2026, 11, 30)), qint64(3000000));
    }

    void lowEfficiencyLine_data()
    {
        QTest::addColumn<qint64>("fen");
        QTest::addColumn<bool>("wide");
        QTest::addColumn<bool>("listed");
        QTest::newRow("9,999.99 under 10k") << qint64(999999) << false << true;
        QTest::newRow("10,000 not under 10k") << qint64(1000000) << false << false;
        QTest::newRow("10,000 under 50k") << qint64(1000000) << true << true;
        QTest::newRow("49,999.99 under 50k") << qint64(4999999) << true << true;
        QTest::newRow("50,000 not under 50k") << qint64(5000000) << true << false;
        QTest::newRow("zero") << qint64(0) << false << true;
    }
    void lowEfficiencyLine()
    {
        QFETCH(qint64, fen);
        QFETCH(bool, wide);
        QFETCH(bool, listed);
        const BranchSnapshot s = branchWith(fen);
        const ValueScores scores(s, ValuePolicy::defaultPolicy());
        const CustomerList list = LowEfficiencyList::build(s, scores, wide);
        QCOMPARE(list.members.size(), size_t(listed ? 1 : 0));
        if (listed)
            QCOMPARE(s.tierPolicy().tier(list.members[0].targetTier).id, wide ? QStringLiteral("gold") : QStringLiteral("mass"));
    }

    void lowEfficiencySortedByPotential()
    {
        BranchData d = TestSupport::smallBranch();
        d.customers.clear();
        d.holdings.clear();
        const int logins[] = {5, 90, 0, 40};
        for (int i = 0; i < 4; ++i) {
            Customer c = TestSupport::customer(QStringLiteral("92000000000%1").arg(i), QStringLiteral("低%1").arg(i), 500 + i);
            c.mobileLogins90d = logins[i];
            d.customers.push_back(c);
        }
        d.customers.push_back(TestSupport::customer(QStringLiteral("920000000009"), QStringLiteral("高"), 80000));
        const BranchSnapshot s(std::move(d), TierPolicy::defaultPolicy(), QDate(2026, 11, 23));
        ValuePolicy p = ValuePolicy::defaultPolicy();
        for (int k = ValuePolicy::kFirstPotential; k < ValuePolicy::kIndicatorCount; ++k)
            p.setWeight(ValuePolicy::Indicator(k), 0);
        p.setWeight(ValuePolicy::Indicator::MobileLogins90d, 1);
        const ValueScores scores(s, p);
        const CustomerList list = LowEfficiencyList::build(s, scores, false);
        std::vector<int> order;
        for (const ListMember &m : list.members)
            order.push_back(m.customer);
        QCOMPARE(order, (std::vector<int>{1, 3, 0, 2}));
    }

    void reasonNamesTheNumbers()
    {
        QLocale::setDefault(QLocale(QLocale::Chinese, QLocale::China));
        const BranchSnapshot s = branchWith(4230000);
        const CustomerList list = ThresholdList::build(s, ValuePolicy::defaultPolicy());
        QCOMPARE(list.members.size(), size_t(1));
        const QString reason = CustomerList::reason(list.kind, list.members[0], s, nullptr);
        QVERIFY2(reason.contains(QStringLiteral("4.23万元")) && reason.contains(QStringLiteral("7,700.00元")), qPrintable(reason));
        QVERIFY2(reason.contains(QStringLiteral("金卡客户")), qPrintable(reason));
    }
};

QTEST_GUILESS_MAIN(TestThresholdList)
#include "tst_thresholdlist.moc"
