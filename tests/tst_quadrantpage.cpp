#include "session/analysiscontroller.h"
#include "customer360panel.h"
#include "items/customerlistmodel.h"
#include "quadrantpage.h"
#include "quadrantplot.h"
#include "testsupport.h"
#include "valuepolicydialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QSignalSpy>
#include <QTabWidget>
#include <QtTest>

#include <climits>

// The quadrant page driven with the mouse: drag a cut line, drag a rectangle,
// click a dot. The branch is hand-made so every score is known: current value
// is AUM alone and potential value is 90-day transactions alone, which puts
// eight customers on multiples of 100/7.
class TestQuadrantPage : public QObject
{
    Q_OBJECT

private:
    LoadedBranch m_branch;

    static ValuePolicy simplePolicy()
    {
        ValuePolicy p = ValuePolicy::defaultPolicy();
        for (int k = 0; k < ValuePolicy::kIndicatorCount; ++k)
            p.setWeight(ValuePolicy::Indicator(k), 0);
        p.setWeight(ValuePolicy::Indicator::Aum, 1);
        p.setWeight(ValuePolicy::Indicator::Transactions90d, 1);
        p.setQuadrantBelowTier(QString()); // this hand-made branch scores its VIPs too
        return p;
    }

    // Issue 18: each card's sentence agrees with the card's own figure and the other cards':
    // the largest count says "the largest group", the smallest "the smallest group".
    static void checkCardSentences(const QuadrantPage &page)
    {
        std::array<int, Quadrant::kCount> counts{};
        int most = 0;
        int fewest = INT_MAX;
        for (int q = 0; q < Quadrant::kCount; ++q) {
            counts[size_t(q)] = page.summaryLabel(Quadrant::Id(q))->text().section(QLatin1Char(' '), 0, 0).toInt();
            if (counts[size_t(q)] > 0) {
                most = std::max(most, counts[size_t(q)]);
                fewest = std::min(fewest, counts[size_t(q)]);
            }
        }
        for (int q = 0; q < Quadrant::kCount; ++q) {
            const QString text = page.profileLabel(Quadrant::Id(q))->text();
            const int n = counts[size_t(q)];
            if (n == 0) {
                QVERIFY2(text.startsWith(QLatin1String("No customer falls")), qPrintable(text));
                continue;
            }
            QVERIFY2(text.startsWith(QString::number(n) + QLatin1String(" customers")), qPrintable(text));
            QCOMPARE(text.contains(QLatin1String("the largest group")), n == most);
            QCOMPARE(text.contains(QLatin1String("the smallest group")), n == fewest && n != most);
        }
    }

    // A page whose analysis is ready with the simple policy.
    static void ready(AnalysisController &analysis, QuadrantPage &page, const LoadedBranch &branch)
    {
        QSignalSpy scored(&analysis, &AnalysisController::scoresReady);
        analysis.setBranch(branch);
        QVERIFY(scored.wait(5000));
        analysis.applyPolicy(simplePolicy());
        QVERIFY(scored.wait(5000));
        page.resize(1300, 800);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        page.plot()->replot();
    }

    static QPoint at(QuadrantPlot *plot, double current, double potential)
    {
        return QPoint(int(plot->xAxis->coordToPixel(current)), int(plot->yAxis->coordToPixel(potential)));
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
        // current (AUM rank) / potential (transactions rank), in sevenths of 100
        const Row rows[] = {
            {u"甲一", 1000, 50},   // 0 / 4   A
            {u"甲二", 2000, 60},   // 1 / 5   A
            {u"乙一", 900000, 70}, // 7 / 6   B
            {u"乙二", 800000, 80}, // 6 / 7   B
            {u"丙一", 700000, 1},  // 5 / 0   C
            {u"丙二", 600000, 2},  // 4 / 1   C
            {u"丁一", 3000, 3},    // 2 / 2   D
            {u"丁二", 4000, 4},    // 3 / 3   D
        };
        int k = 0;
        for (const Row &r : rows) {
            Customer c = TestSupport::customer(QStringLiteral("80000000000%1").arg(k++), QString::fromUtf16(r.name), r.aumYuan);
            c.transactions90d = r.transactions;
            d.customers.push_back(c);
        }
        m_branch.snapshot = std::make_shared<const BranchSnapshot>(std::move(d), TierPolicy::defaultPolicy(), QDate(2026, 11, 23));
    }

    void draggingACutLineUpdatesTheCounts()
    {
        AnalysisController analysis;
        QuadrantPage page(&analysis);
        ready(analysis, page, m_branch);
        QuadrantPlot *plot = page.plot();
        // Given the cuts at the medians: two customers in each quadrant
        QVERIFY(qAbs(plot->cuts().current - 50) < 1e-3);
        for (int q = 0; q < Quadrant::kCount; ++q)
            QVERIFY2(page.summaryLabel(Quadrant::Id(q))->text().startsWith(QStringLiteral("2 ")),
                     qPrintable(page.summaryLabel(Quadrant::Id(q))->text()));
        checkCardSentences(page);
        QVERIFY(page.unscoredLabel()->isHidden()); // everyone is scored with this policy
        QSignalSpy live(plot, &QuadrantPlot::cutsChanged);
        QSignalSpy finished(plot, &QuadrantPlot::cutsDragFinished);

        // When the current-value line is dragged from 50 to 21 (between 丁一 at 28.6 and 甲二 at 14.3)
        const QPoint start(plot->verticalCutPixel(), at(plot, 0, 75).y());
        const QPoint end(at(plot, 21, 75).x(), start.y());
        QTest::mousePress(plot, Qt::LeftButton, {}, start);
        for (int step = 1; step <= 5; ++step)
            QTest::mouseMove(plot, start + (end - start) * step / 5);
        QTest::mouseRelease(plot, Qt::LeftButton, {}, end);

        // Then the cut followed the mouse, live, and 丁一 and 丁二 moved from D (general) to C (potential)
        QCOMPARE(live.count(), 5);
        QCOMPARE(finished.count(), 1);
        QVERIFY2(qAbs(plot->cuts().current - 21) < 1.0, qPrintable(QString::number(plot->cuts().current)));
        QVERIFY(qAbs(plot->cuts().potential - 50) < 1e-3);
        QVERIFY2(page.summaryLabel(Quadrant::C)->text().startsWith(QStringLiteral("4 ")),
                 qPrintable(page.summaryLabel(Quadrant::C)->text()));
        QVERIFY(page.summaryLabel(Quadrant::D)->text().startsWith(QStringLiteral("0 ")));
        QVERIFY(page.summaryLabel(Quadrant::A)->text().startsWith(QStringLiteral("2 ")));
        checkCardSentences(page);
        QVERIFY(page.profileLabel(Quadrant::C)->text().contains(QLatin1String("the largest group")));
        // AUM follows: C now holds 700k + 600k + 3k + 4k
        QVERIFY2(page.summaryLabel(Quadrant::C)->text().contains(QStringLiteral("130.70万元")),
                 qPrintable(page.summaryLabel(Quadrant::C)->text()));
        // And no rectangle was started by the drag
        QCOMPARE(page.selectionModel()->rowCount(), 0);

        // When the potential line is dragged down to 7 (below everyone but 丙一 at 0)
        const QPoint hStart(at(plot, 90, 0).x(), plot->horizontalCutPixel());
        const QPoint hEnd(hStart.x(), at(plot, 0, 7).y());
        QTest::mousePress(plot, Qt::LeftButton, {}, hStart);
        QTest::mouseMove(plot, hEnd);
        QTest::mouseRelease(plot, Qt::LeftButton, {}, hEnd);
        QVERIFY(page.summaryLabel(Quadrant::C)->text().startsWith(QStringLiteral("1 ")));
        QVERIFY(page.summaryLabel(Quadrant::B)->text().startsWith(QStringLiteral("5 ")));

        // Reset puts the cuts back on the medians
        QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("resetCuts")), Qt::LeftButton);
        QVERIFY(page.summaryLabel(Quadrant::D)->text().startsWith(QStringLiteral("2 ")));
    }

    void rubberBandSelectsAList()
    {
        AnalysisController analysis;
        QuadrantPage page(&analysis);
        ready(analysis, page, m_branch);
        QuadrantPlot *plot = page.plot();
        QSignalSpy selected(plot, &QuadrantPlot::rectangleSelected);

        // When a rectangle is dragged from (20, 50) to (50, 20), clear of both cut lines
        const QPoint from = at(plot, 20, 48);
        const QPoint to = at(plot, 48, 20);
        QTest::mousePress(plot, Qt::LeftButton, {}, from);
        QTest::mouseMove(plot, from + QPoint(10, 10));
        QTest::mouseMove(plot, to);
        QTest::mouseRelease(plot, Qt::LeftButton, {}, to);

        // Then the list holds exactly 丁一 and 丁二, with their scores
        QCOMPARE(selected.count(), 1);
        CustomerListModel *list = page.selectionModel();
        QCOMPARE(list->rowCount(), 2);
        QStringList names;
        for (int r = 0; r < list->rowCount(); ++r)
            names << list->index(r, CustomerListModel::Name).data().toString();
        names.sort();
        QCOMPARE(names, (QStringList{QStringLiteral("丁一"), QStringLiteral("丁二")}));
        QCOMPARE(list->list().kind, CustomerList::Kind::Selection);
        QCOMPARE(page.tabs()->currentIndex(), 0);
        QVERIFY(page.findChild<QPushButton *>(QStringLiteral("freezeSelection"))->isEnabled());

        // When it is frozen, the campaign list keeps both with their baseline
        QSignalSpy campaigns(&analysis, &AnalysisController::campaignsChanged);
        page.freezeSelection(QStringLiteral("象限圈选"));
        QCOMPARE(campaigns.count(), 1);
        QCOMPARE(analysis.campaigns().size(), size_t(1));
        QCOMPARE(analysis.campaigns().front().members.size(), size_t(2));
        QCOMPARE(analysis.campaigns().front().members.front().baselineTier, QStringLiteral("low"));
    }

    void listingAQuadrantAndClickingADot()
    {
        AnalysisController analysis;
        QuadrantPage page(&analysis);
        ready(analysis, page, m_branch);
        // The B button lists 乙二 (potential 100) before 乙一 (85.7)
        QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("listQuadrantB")), Qt::LeftButton);
        QCOMPARE(page.selectionModel()->rowCount(), 2);
        QCOMPARE(page.selectionModel()->index(0, CustomerListModel::Name).data().toString(), QStringLiteral("乙二"));
        QCOMPARE(page.selectionModel()->list().kind, CustomerList::Kind::Quadrant);

        // Clicking 丙一's dot opens the 360 panel on that customer
        const int bing = m_branch.snapshot->indexOfCustomer(QStringLiteral("800000000004"));
        QTest::mouseClick(page.plot(), Qt::LeftButton, {}, page.plot()->pixelOf(bing));
        QCOMPARE(page.panel()->currentCustomer(), bing);
        QCOMPARE(page.panel()->fieldText(QStringLiteral("name")), QStringLiteral("丙一"));
        QVERIFY(page.tabs()->currentWidget()->isAncestorOf(page.panel())); // the 360's tab (it scrolls)
    }

    // Issue 18: with the shipped policy the quadrant scores the customers under the VIP line
    // only; the four VIPs of this branch sit on no card, no list and no dot.
    void vipsStayOffTheQuadrant()
    {
        AnalysisController analysis;
        QuadrantPage page(&analysis);
        QSignalSpy scored(&analysis, &AnalysisController::scoresReady);
        analysis.setBranch(m_branch);
        QVERIFY(scored.wait(5000));
        page.resize(1300, 800);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        int onCards = 0;
        for (int q = 0; q < Quadrant::kCount; ++q)
            onCards += page.summaryLabel(Quadrant::Id(q))->text().section(QLatin1Char(' '), 0, 0).toInt();
        QCOMPARE(onCards, 4); // 甲一 甲二 丁一 丁二
        QVERIFY(page.unscoredLabel()->isVisibleTo(&page));
        QVERIFY2(page.unscoredLabel()->text().contains(QLatin1String("4 customer")), qPrintable(page.unscoredLabel()->text()));
        checkCardSentences(page);
        const int vip = m_branch.snapshot->tierPolicy().indexOfId(QStringLiteral("vip"));
        for (int q = 0; q < Quadrant::kCount; ++q) {
            QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("listQuadrant%1").arg(Quadrant::letter(Quadrant::Id(q)))),
                              Qt::LeftButton);
            for (int r = 0; r < page.selectionModel()->rowCount(); ++r)
                QVERIFY(m_branch.snapshot->tierOf(page.selectionModel()->customerAt(r)) < vip);
        }
        // Clicking where 乙一 would be (current 100, potential high) finds nobody.
        const int yi = m_branch.snapshot->indexOfCustomer(QStringLiteral("800000000002"));
        QVERIFY(!analysis.scores()->scored(yi));
    }

    void logScaleKeepsCountsAndLines()
    {
        AnalysisController analysis;
        QuadrantPage page(&analysis);
        ready(analysis, page, m_branch);
        page.scaleBox()->setCurrentIndex(1);
        QVERIFY(page.plot()->logScale());
        QCOMPARE(page.plot()->xAxis->scaleType(), QCPAxis::stLogarithmic);
        // The cut line is still where the median is, and a dot of score 0 is drawn on the axis floor
        QCOMPARE(page.plot()->verticalCutPixel(), int(std::lround(page.plot()->xAxis->coordToPixel(page.plot()->cuts().current))));
        QVERIFY(page.summaryLabel(Quadrant::A)->text().startsWith(QStringLiteral("2 ")));
        page.scaleBox()->setCurrentIndex(0);
        QCOMPARE(page.plot()->xAxis->scaleType(), QCPAxis::stLinear);
    }

    void policyDialogEditsWeightsAndTheScoresFollow()
    {
        // Given the dialog on the shipped policy
        ValuePolicyDialog dialog(ValuePolicy::defaultPolicy());
        QDoubleSpinBox *payroll = dialog.weightBox(ValuePolicy::Indicator::Payroll);
        QCOMPARE(payroll->value(), 15.0);
        // When the manager types a new payroll weight
        payroll->clear();
        QTest::keyClicks(payroll, QStringLiteral("60"));
        const ValuePolicy edited = dialog.policy();
        // Then only that weight changed
        QCOMPARE(edited.weight(ValuePolicy::Indicator::Payroll), 60.0);
        QCOMPARE(edited.weight(ValuePolicy::Indicator::Aum), 40.0);
        QVERIFY(!(edited == ValuePolicy::defaultPolicy()));
        // And applying it recomputes the scores with it
        AnalysisController analysis;
        QSignalSpy scored(&analysis, &AnalysisController::scoresReady);
        analysis.setBranch(m_branch);
        QVERIFY(scored.wait(5000));
        analysis.applyPolicy(edited);
        QVERIFY(scored.wait(5000));
        QCOMPARE(analysis.policy().weight(ValuePolicy::Indicator::Payroll), 60.0);
        QCOMPARE(analysis.scores()->policy().weight(ValuePolicy::Indicator::Payroll), 60.0);
        // Restore Defaults brings back the shipped policy
        dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::RestoreDefaults)->click();
        QVERIFY(dialog.policy() == ValuePolicy::defaultPolicy());
    }
};

QTEST_MAIN(TestQuadrantPage)
#include "tst_quadrantpage.moc"
