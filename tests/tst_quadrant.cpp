#include "domain/quadrant.h"
#include "domain/valuescores.h"
#include "testsupport.h"

#include <QtTest>

// Quadrant assignment on a hand-made branch where the right answer is known.
class TestQuadrant : public QObject
{
    Q_OBJECT

private:
    std::shared_ptr<BranchSnapshot> m_snapshot;
    std::unique_ptr<ValueScores> m_scores;

    // Current value = AUM only, potential value = 90-day transactions only.
    static ValuePolicy simplePolicy()
    {
        ValuePolicy p = ValuePolicy::defaultPolicy();
        for (int k = 0; k < ValuePolicy::kIndicatorCount; ++k)
            p.setWeight(ValuePolicy::Indicator(k), 0);
        p.setWeight(ValuePolicy::Indicator::Aum, 1);
        p.setWeight(ValuePolicy::Indicator::Transactions90d, 1);
        return p;
    }

private slots:
    void initTestCase()
    {
        QLocale::setDefault(QLocale(QLocale::Chinese, QLocale::China));
        BranchData d = TestSupport::smallBranch();
        d.customers.clear();
        d.holdings.clear();
        struct Row
        {
            const char16_t *name;
            qint64 aumYuan;
            int transactions;
        };
        const Row rows[] = {
            {u"甲一", 1000, 50},   {u"甲二", 2000, 60},   // A: low current, high potential
            {u"乙一", 900000, 70}, {u"乙二", 800000, 80}, // B: high, high
            {u"丙一", 700000, 1},  {u"丙二", 600000, 2},  // C: high current, low potential
            {u"丁一", 3000, 3},    {u"丁二", 4000, 4},    // D: low, low
        };
        int k = 0;
        for (const Row &r : rows) {
            Customer c = TestSupport::customer(QStringLiteral("80000000000%1").arg(k++), QString::fromUtf16(r.name), r.aumYuan);
            c.transactions90d = r.transactions;
            d.customers.push_back(c);
        }
        m_snapshot = std::make_shared<BranchSnapshot>(std::move(d), TierPolicy::defaultPolicy(), QDate(2026, 11, 23));
        m_scores = std::make_unique<ValueScores>(*m_snapshot, simplePolicy());
    }

    void mediansAreTheDefaultCuts()
    {
        const Quadrant::Cuts cuts = Quadrant::defaultCuts(*m_scores);
        // Scores are floats: the median of 3/7 and 4/7 is 50 to float precision
        QVERIFY(qAbs(cuts.current - 50.0) < 1e-4);
        QVERIFY(qAbs(cuts.potential - 50.0) < 1e-4);
    }

    void assignsTheKnownQuadrants_data()
    {
        QTest::addColumn<int>("customer");
        QTest::addColumn<QString>("quadrant");
        const char *expected[] = {"A", "A", "B", "B", "C", "C", "D", "D"};
        for (int i = 0; i < 8; ++i)
            QTest::newRow(expected[i]) << i << QString::fromLatin1(expected[i]);
    }
    void assignsTheKnownQuadrants()
    {
        QFETCH(int, customer);
        QFETCH(QString, quadrant);
        const auto q = Quadrant::classify(m_scores->current(customer), m_scores->potential(customer),
                                          Quadrant::defaultCuts(*m_scores));
        QCOMPARE(Quadrant::letter(q), quadrant);
    }

    void summaryCountsAndAum()
    {
        const Quadrant::Summary s = Quadrant::summarize(*m_snapshot, *m_scores, Quadrant::defaultCuts(*m_scores));
        QCOMPARE(s.customers, (std::array<int, 4>{2, 2, 2, 2}));
        QCOMPARE(s.aumFen[Quadrant::A], qint64(3000) * 100);
        QCOMPARE(s.aumFen[Quadrant::B], qint64(1700000) * 100);
        QCOMPARE(s.aumFen[Quadrant::C], qint64(1300000) * 100);
        QCOMPARE(s.aumFen[Quadrant::D], qint64(7000) * 100);

        // Moving the current-value cut to 0 makes everyone high on current value
        const Quadrant::Summary all = Quadrant::summarize(*m_snapshot, *m_scores, {0, 50});
        QCOMPARE(all.customers, (std::array<int, 4>{0, 4, 4, 0}));
        // A cut exactly on a score counts that score as high
        const double onScore = m_scores->current(1); // 甲二
        const Quadrant::Summary edge = Quadrant::summarize(*m_snapshot, *m_scores, {onScore, 50});
        QCOMPARE(edge.customers[Quadrant::B], 3);
        QCOMPARE(Quadrant::classify(m_scores->current(1), m_scores->potential(1), {onScore, 50}), Quadrant::B);
    }

    void membersHighestPotentialFirst()
    {
        const std::vector<int> a = Quadrant::members(*m_scores, Quadrant::defaultCuts(*m_scores), Quadrant::A);
        QCOMPARE(a, (std::vector<int>{1, 0}));
        const std::vector<int> d = Quadrant::members(*m_scores, Quadrant::defaultCuts(*m_scores), Quadrant::D);
        QCOMPARE(d, (std::vector<int>{7, 6}));
    }

    void policyCutsOverrideTheMedian()
    {
        ValuePolicy p = simplePolicy();
        p.setCurrentCut(10.0);
        const ValueScores scores(*m_snapshot, p);
        const Quadrant::Cuts cuts = Quadrant::defaultCuts(scores);
        QCOMPARE(cuts.current, 10.0);
        QVERIFY(qAbs(cuts.potential - 50.0) < 1e-4);
    }

    void namesAndLetters()
    {
        QCOMPARE(Quadrant::letter(Quadrant::C), QStringLiteral("C"));
        Quadrant::Id id;
        QVERIFY(Quadrant::fromLetter(QStringLiteral("b"), &id));
        QCOMPARE(id, Quadrant::B);
        QVERIFY(!Quadrant::fromLetter(QStringLiteral("E"), &id));
        QVERIFY(!Quadrant::profile(Quadrant::A).isEmpty());
        QVERIFY(!Quadrant::strategy(Quadrant::D).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestQuadrant)
#include "tst_quadrant.moc"
