#include "domain/quadrant.h"
#include "domain/valuescores.h"
#include "testsupport.h"

#include <QtTest>

#include <cmath>

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
        p.setQuadrantBelowTier(QString()); // the hand-made branch scores everyone; see vipAndPrivateAreNotScored
        return p;
    }

    static Quadrant::Summary handMadeSummary()
    {
        Quadrant::Summary s;
        s.customers = {50, 30, 20, 0};
        s.aumFen = {50 * 100000LL, 30 * 40000000LL, 20 * 30000000LL, 0};
        s.ageSum = {50 * 31, 30 * 45, 20 * 63, 0};
        s.ageKnown = {50, 30, 20, 0};
        s.mobileLogins = {50 * 40, 30 * 12, 20 * 1, 0};
        return s;
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

    // Seed 001 scores the mass under the VIP line: VIP and private customers sit on no quadrant,
    // so none of them can land in B (培育期, "highest assets of the four, but under 500k").
    void vipAndPrivateAreNotScored()
    {
        ValuePolicy p = simplePolicy();
        p.setQuadrantBelowTier(QStringLiteral("vip"));
        const ValueScores scores(*m_snapshot, p);
        const int vip = m_snapshot->tierPolicy().indexOfId(QStringLiteral("vip"));
        QCOMPARE(scores.firstUnscoredTier(), vip);
        QCOMPARE(scores.scoredCount(), 4); // 甲一 甲二 丁一 丁二
        for (int i = 0; i < m_snapshot->customerCount(); ++i) {
            QCOMPARE(scores.scored(i), m_snapshot->tierOf(i) < vip);
            if (!scores.scored(i))
                QVERIFY(std::isnan(scores.current(i)) && std::isnan(scores.potential(i)));
        }
        const Quadrant::Cuts cuts = Quadrant::defaultCuts(scores);
        const Quadrant::Summary s = Quadrant::summarize(*m_snapshot, scores, cuts);
        QCOMPARE(s.unscored, 4);
        QCOMPARE(s.unscoredAumFen, qint64(900000 + 800000 + 700000 + 600000) * 100);
        QCOMPARE(s.customers[0] + s.customers[1] + s.customers[2] + s.customers[3], 4);
        for (int q = 0; q < Quadrant::kCount; ++q) {
            for (int i : Quadrant::members(scores, cuts, Quadrant::Id(q)))
                QVERIFY2(m_snapshot->tierOf(i) < vip, "a VIP or private customer on the quadrant");
        }
        // Ranked among the population only: 丁二 has the highest AUM of the four scored.
        QCOMPARE(scores.current(7), 100.f);
        QCOMPARE(scores.current(0), 0.f);
        // "all" puts everyone back, and the policy round-trips through JSON.
        ValuePolicy parsed;
        QString error;
        QVERIFY2(ValuePolicy::fromJson(p.toJson(), &parsed, &error), qPrintable(error));
        QCOMPARE(parsed.quadrantBelowTier(), QStringLiteral("vip"));
        QVERIFY(ValuePolicy::fromJson(R"({"quadrantPopulation": "all"})", &parsed, &error));
        QVERIFY(parsed.quadrantBelowTier().isEmpty());
        QVERIFY(!ValuePolicy::fromJson(R"({"quadrantPopulation": 3})", &parsed, &error));
        QVERIFY(error.contains(QLatin1String("quadrantPopulation")));
        QCOMPARE(ValuePolicy::defaultPolicy().quadrantBelowTier(), QStringLiteral("vip"));
    }

    // A card says only what its figures bear out.
    void cardSentencesFollowTheFigures()
    {
        const Quadrant::Summary s = handMadeSummary();
        auto says = [](const QString &sentence, const char *phrase) {
            return sentence.contains(QCoreApplication::translate("Quadrant", phrase).section(QLatin1Char('('), 0, 0));
        };
        const QString a = Quadrant::profileSentence(s, Quadrant::A);
        const QString b = Quadrant::profileSentence(s, Quadrant::B);
        const QString c = Quadrant::profileSentence(s, Quadrant::C);
        QVERIFY2(says(a, "the largest group") && !says(b, "the largest group"), qPrintable(a));
        QVERIFY2(says(c, "the smallest group"), qPrintable(c)); // D is empty: C is the smallest with customers
        QVERIFY2(says(b, "the highest average assets of the four (%1)"), qPrintable(b));
        QVERIFY2(says(a, "the lowest average assets of the four (%1)"), qPrintable(a));
        QVERIFY2(says(a, "the youngest (average age %1)") && says(c, "the oldest (average age %1)"), qPrintable(a + c));
        QVERIFY2(says(a, "the most active in mobile banking"), qPrintable(a));
        QVERIFY2(says(c, "the least active in mobile banking"), qPrintable(c));
        QVERIFY(a.startsWith(QLocale().toString(50)));
        QVERIFY(a.contains(QLocale().toString(31.0, 'f', 0)));
        QCOMPARE(Quadrant::profileSentence(s, Quadrant::D),
                 QCoreApplication::translate("Quadrant", "No customer falls in this quadrant with these cuts."));
        // Turn the sizes around and the claim moves with them.
        Quadrant::Summary t = s;
        t.customers = {10, 30, 20, 5};
        t.ageKnown = {10, 30, 20, 5};
        t.ageSum = {310, 30 * 45, 20 * 63, 5 * 70};
        QVERIFY(says(Quadrant::profileSentence(t, Quadrant::B), "the largest group"));
        QVERIFY(says(Quadrant::profileSentence(t, Quadrant::D), "the smallest group"));
        QVERIFY(says(Quadrant::profileSentence(t, Quadrant::D), "the oldest (average age %1)"));
        QVERIFY(!says(Quadrant::profileSentence(t, Quadrant::C), "the oldest (average age %1)"));
        const Quadrant::Ranks r = Quadrant::ranks(t, Quadrant::A);
        QCOMPARE(r.size, 2);
        QCOMPARE(r.youth, 0);
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
