#include "domain/valuescores.h"
#include "testsupport.h"

#include <QtTest>

// Value scores: percentile ranks, weights, 0-100 scale, monotonic in each indicator.
class TestValueScores : public QObject
{
    Q_OBJECT

private:
    static BranchData branchOf(int n)
    {
        BranchData d = TestSupport::smallBranch();
        d.customers.clear();
        d.holdings.clear();
        for (int i = 0; i < n; ++i) {
            Customer c = TestSupport::customer(QStringLiteral("7%1").arg(i, 11, 10, QLatin1Char('0')),
                                               QStringLiteral("客户%1").arg(i), 10000 + 1000 * i);
            c.birthDate = QDate(1960 + i % 40, 1, 1);
            c.openedOn = QDate(2000 + i % 20, 1, 1);
            c.transactions90d = i % 17;
            c.mobileLogins90d = i % 13;
            c.contributionFen = 1000 * (i % 11);
            c.payroll = i % 3 == 0;
            c.creditCardActive = i % 4 == 0;
            d.customers.push_back(c);
        }
        return d;
    }
    static double scoreAfter(BranchData d, int who, ValuePolicy::Indicator indicator, bool potential, int step)
    {
        Customer &c = d.customers[size_t(who)];
        switch (indicator) {
        case ValuePolicy::Indicator::Aum:
            c.aumHistoryFen.back() += qint64(step) * 500000;
            break;
        case ValuePolicy::Indicator::Contribution:
            c.contributionFen += qint64(step) * 2000;
            break;
        case ValuePolicy::Indicator::ProductCategories:
            for (int k = 0; k < step && k < Holding::kProductTypeCount; ++k) {
                Holding h;
                h.holdingId = QStringLiteral("X%1").arg(k);
                h.customerNo = c.customerNo;
                h.productType = Holding::ProductType(k);
                h.amountFen = 100;
                d.holdings.push_back(h);
            }
            break;
        case ValuePolicy::Indicator::Tenure:
            c.openedOn = c.openedOn.addYears(-step);
            break;
        case ValuePolicy::Indicator::Youth:
            c.birthDate = c.birthDate.addYears(step);
            break;
        case ValuePolicy::Indicator::Transactions90d:
            c.transactions90d += step * 3;
            break;
        case ValuePolicy::Indicator::MobileLogins90d:
            c.mobileLogins90d += step * 3;
            break;
        case ValuePolicy::Indicator::AumGrowth6m:
            c.aumHistoryFen.back() += qint64(step) * 300000; // last month up, six months before unchanged
            break;
        case ValuePolicy::Indicator::Payroll:
            c.payroll = step > 0;
            break;
        case ValuePolicy::Indicator::CreditCard:
            c.creditCardActive = step > 0;
            break;
        }
        const BranchSnapshot s(std::move(d), TierPolicy::defaultPolicy(), QDate(2026, 11, 23));
        const ValueScores scores(s, ValuePolicy::defaultPolicy());
        return potential ? scores.potential(who) : scores.current(who);
    }

private slots:
    void percentilesAreMidRanksScaledTo100()
    {
        // Given five customers whose only weighted indicator is AUM 1..5 (one tie)
        BranchData d = branchOf(5);
        const qint64 aum[] = {100, 200, 200, 400, 500};
        for (int i = 0; i < 5; ++i)
            d.customers[size_t(i)].aumHistoryFen.fill(aum[i] * 100);
        ValuePolicy p = ValuePolicy::defaultPolicy();
        for (int k = 0; k < ValuePolicy::kFirstPotential; ++k)
            p.setWeight(ValuePolicy::Indicator(k), 0);
        p.setWeight(ValuePolicy::Indicator::Aum, 3);
        const BranchSnapshot s(std::move(d), TierPolicy::defaultPolicy(), QDate(2026, 11, 23));
        const ValueScores scores(s, p);
        // Then the lowest scores 0, the highest 100, the tied pair shares the mid rank
        QCOMPARE(scores.current(0), 0.f);
        QCOMPARE(scores.current(1), 37.5f);
        QCOMPARE(scores.current(2), 37.5f);
        QCOMPARE(scores.current(3), 75.f);
        QCOMPARE(scores.current(4), 100.f);
        QCOMPARE(scores.medianCurrent(), 37.5);
    }

    void weightsMixIndicators()
    {
        // Two indicators with weights 3 and 1: a customer top on the first and bottom on the second scores 75
        BranchData d = branchOf(3);
        for (int i = 0; i < 3; ++i) {
            d.customers[size_t(i)].aumHistoryFen.fill(qint64(i) * 1000000);
            d.customers[size_t(i)].contributionFen = qint64(2 - i) * 1000;
        }
        ValuePolicy p = ValuePolicy::defaultPolicy();
        for (int k = 0; k < ValuePolicy::kFirstPotential; ++k)
            p.setWeight(ValuePolicy::Indicator(k), 0);
        p.setWeight(ValuePolicy::Indicator::Aum, 3);
        p.setWeight(ValuePolicy::Indicator::Contribution, 1);
        const BranchSnapshot s(std::move(d), TierPolicy::defaultPolicy(), QDate(2026, 11, 23));
        const ValueScores scores(s, p);
        QCOMPARE(scores.current(2), 75.f);
        QCOMPARE(scores.current(0), 25.f);
        QCOMPARE(scores.current(1), 50.f);
    }

    void monotonicInEachIndicator_data()
    {
        QTest::addColumn<int>("indicator");
        for (int k = 0; k < ValuePolicy::kIndicatorCount; ++k)
            QTest::newRow(qPrintable(ValuePolicy::indicatorKey(ValuePolicy::Indicator(k)))) << k;
    }
    void monotonicInEachIndicator()
    {
        // Given a branch of 60 and one customer in the middle of it
        QFETCH(int, indicator);
        const auto ind = ValuePolicy::Indicator(indicator);
        const bool potential = ValuePolicy::isPotential(ind);
        const BranchData d = branchOf(60);
        const int who = 30;
        // When that customer's indicator rises step by step, the score never falls, and rises overall
        double previous = scoreAfter(d, who, ind, potential, 0);
        const double first = previous;
        for (int step = 1; step <= 4; ++step) {
            const double now = scoreAfter(d, who, ind, potential, step);
            QVERIFY2(now >= previous, qPrintable(QStringLiteral("step %1: %2 < %3").arg(step).arg(now).arg(previous)));
            previous = now;
        }
        QVERIFY2(previous > first, qPrintable(QStringLiteral("%1 did not raise the score").arg(indicator)));
        QVERIFY(previous <= 100.0 && first >= 0.0);
    }

    void noWeightMeansMiddle()
    {
        ValuePolicy p = ValuePolicy::defaultPolicy();
        for (int k = ValuePolicy::kFirstPotential; k < ValuePolicy::kIndicatorCount; ++k)
            p.setWeight(ValuePolicy::Indicator(k), 0);
        const BranchSnapshot s(branchOf(4), TierPolicy::defaultPolicy(), QDate(2026, 11, 23));
        const ValueScores scores(s, p);
        for (int i = 0; i < 4; ++i)
            QCOMPARE(scores.potential(i), 50.f);
    }

    void policyParsesAndRoundTrips_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("error");
        QTest::newRow("partial") << QByteArray(R"({"currentValue":[{"id":"aum","weight":1}]})") << QString();
        QTest::newRow("wrong score") << QByteArray(R"({"currentValue":[{"id":"youth","weight":1}]})")
                                     << QStringLiteral("currentValue[0].id");
        QTest::newRow("negative") << QByteArray(R"({"potentialValue":[{"id":"payroll","weight":-1}]})")
                                  << QStringLiteral("weight must be");
        QTest::newRow("cut") << QByteArray(R"({"quadrantCuts":{"current":120}})") << QStringLiteral("quadrantCuts.current");
        QTest::newRow("band") << QByteArray(R"({"thresholdBands":[{"from_fen":5}]})") << QStringLiteral("thresholdBands[0]");
        QTest::newRow("low") << QByteArray(R"({"lowEfficiency":{"line_fen":500,"wide_line_fen":100}})")
                             << QStringLiteral("lowEfficiency");
    }
    void policyParsesAndRoundTrips()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, error);
        ValuePolicy p;
        QString message;
        QCOMPARE(ValuePolicy::fromJson(json, &p, &message), error.isEmpty());
        if (!error.isEmpty()) {
            QVERIFY2(message.contains(error), qPrintable(message));
            return;
        }
        QCOMPARE(p.weight(ValuePolicy::Indicator::Aum), 1.0);
        QCOMPARE(p.weight(ValuePolicy::Indicator::Contribution), 0.0); // left out of the array
        ValuePolicy back;
        QVERIFY(ValuePolicy::fromJson(p.toJson(), &back, &message));
        QVERIFY(back == p);
    }

    void defaultPolicyMatchesTheDocs()
    {
        const ValuePolicy p = ValuePolicy::defaultPolicy();
        QCOMPARE(p.weight(ValuePolicy::Indicator::Aum), 40.0);
        QCOMPARE(p.weight(ValuePolicy::Indicator::AumGrowth6m), 20.0);
        QCOMPARE(p.thresholdBands().size(), 2);
        QCOMPARE(p.thresholdBands().at(0).fromFen, qint64(3000000));
        QCOMPARE(p.thresholdBands().at(1).tierId, QStringLiteral("vip"));
        QCOMPARE(p.lowEfficiencyLineFen(), qint64(1000000));
        QCOMPARE(p.wideLowEfficiencyLineFen(), qint64(5000000));
        QVERIFY(!p.currentCut().has_value());
        QCOMPARE(p.upliftTarget(), 0.3);
    }
};

QTEST_GUILESS_MAIN(TestValueScores)
#include "tst_valuescores.moc"
