// bench_quadrant: the value quadrant at 100k customers (issue 4).
//
//   quadrant_score   ValueScores for every customer (10 indicators ranked,
//                    weighted, scaled), target <= 300 ms
//   quadrant_redraw  a full QuadrantPlot::replot(rpImmediateRefresh) of the
//                    100k dots, cut lines and labels, widget painted, target <= 30 ms
//   quadrant_drag    one cut-line drag step as the user makes it: a mouse-move
//                    event on the plot (cut moved, cut layer redrawn, the four
//                    quadrants recounted and their labels set) and the event
//                    loop run until the window is painted, target <= 30 ms
//   quadrant_setdata re-setting the 100k points (new scores), info
//   quadrant_select  a rectangle over a quarter of the plot turned into a list, info
//
// The page is the real QuadrantPage, 1360x820, offscreen. The branch is
// generated in memory (seed 7); the store is not involved.

#include "benchutil.h"

#include "session/analysiscontroller.h"
#include "domain/branchsnapshot.h"
#include "domain/demogenerator.h"
#include "domain/valuescores.h"
#include "items/customerlistmodel.h"
#include "quadrantpage.h"
#include "quadrantplot.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QMouseEvent>
#include <QSignalSpy>

using bench::detail;
using bench::median;
using bench::Stopwatch;
using bench::Target;

namespace {

void send(QWidget *w, QEvent::Type type, const QPoint &pos, Qt::MouseButton button, Qt::MouseButtons buttons)
{
    QMouseEvent e(type, QPointF(pos), w->mapToGlobal(QPointF(pos)), button, buttons, Qt::NoModifier);
    QApplication::sendEvent(w, &e);
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Value quadrant benchmark."));
    parser.addHelpOption();
    const QCommandLineOption customersOpt(QStringLiteral("customers"),
                                          QStringLiteral("Customers to generate (default $BENCH_CUSTOMERS or 100000)."),
                                          QStringLiteral("N"));
    const QCommandLineOption roundsOpt(QStringLiteral("rounds"), QStringLiteral("Repeats per figure."), QStringLiteral("N"),
                                       QStringLiteral("15"));
    parser.addOptions({customersOpt, roundsOpt});
    parser.process(app);
    const int customers = parser.isSet(customersOpt) ? parser.value(customersOpt).toInt() : bench::customersFromEnvironment();
    const int rounds = std::max(3, parser.value(roundsOpt).toInt());

    detail("generating %d customers (seed 7)", customers);
    BranchData data;
    DemoGenerator::generate({customers, 7, QDate(2026, 11, 23)}, &data);
    LoadedBranch branch;
    branch.snapshot = std::make_shared<const BranchSnapshot>(std::move(data), TierPolicy::defaultPolicy(), QDate(2026, 11, 23));

    // Scoring.
    std::vector<double> score;
    std::shared_ptr<const ValueScores> scores;
    for (int r = 0; r < 5; ++r) {
        Stopwatch sw;
        scores = std::make_shared<const ValueScores>(*branch.snapshot, ValuePolicy::defaultPolicy());
        score.push_back(sw.ms());
    }
    detail("scoring: median %.1f ms, max %.1f ms", median(score), bench::maximum(score));

    // The real page, fed by the controller (which scores on a worker thread).
    AnalysisController analysis;
    QuadrantPage page(&analysis);
    page.resize(1360, 820);
    QSignalSpy ready(&analysis, &AnalysisController::scoresReady);
    analysis.setBranch(branch);
    if (!ready.wait(60000)) {
        std::fprintf(stderr, "bench_quadrant: scores never arrived\n");
        return 1;
    }
    page.show();
    for (int i = 0; i < 5; ++i)
        QCoreApplication::processEvents();
    QuadrantPlot *plot = page.plot();

    std::vector<double> redraw;
    for (int r = 0; r < rounds; ++r) {
        Stopwatch sw;
        plot->replot(QCustomPlot::rpImmediateRefresh);
        redraw.push_back(sw.ms());
    }
    detail("full redraw: median %.1f ms, max %.1f ms", median(redraw), bench::maximum(redraw));

    // Drag the current-value cut across the plot and back, one step per event.
    std::vector<double> drag;
    const int y = int(plot->yAxis->coordToPixel(75));
    const QPoint start(plot->verticalCutPixel(), y);
    send(plot, QEvent::MouseButtonPress, start, Qt::LeftButton, Qt::LeftButton);
    const int left = int(plot->xAxis->coordToPixel(10));
    const int right = int(plot->xAxis->coordToPixel(90));
    int x = start.x();
    int direction = -1;
    const int steps = rounds * 4;
    for (int s = 0; s < steps; ++s) {
        x += direction * 12;
        if (x < left || x > right) {
            direction = -direction;
            x += 2 * direction * 12;
        }
        Stopwatch sw;
        send(plot, QEvent::MouseMove, QPoint(x, y), Qt::NoButton, Qt::LeftButton);
        QCoreApplication::processEvents(); // the paint the move asked for
        drag.push_back(sw.ms());
    }
    send(plot, QEvent::MouseButtonRelease, QPoint(x, y), Qt::LeftButton, Qt::NoButton);
    detail("drag step: median %.2f ms, max %.1f ms over %d steps; cut now %.1f; quadrant C label: %s", median(drag),
           bench::maximum(drag), steps, plot->cuts().current, qPrintable(page.summaryLabel(Quadrant::C)->text()));

    std::vector<double> setData;
    for (int r = 0; r < 5; ++r) {
        Stopwatch sw;
        plot->setScores(branch.snapshot, scores);
        setData.push_back(sw.ms());
    }
    detail("re-set 100k points and replot: median %.1f ms", median(setData));

    std::vector<double> select;
    for (int r = 0; r < 5; ++r) {
        const QPoint a(int(plot->xAxis->coordToPixel(50)), int(plot->yAxis->coordToPixel(100)));
        const QPoint b(int(plot->xAxis->coordToPixel(100)), int(plot->yAxis->coordToPixel(50)));
        Stopwatch sw;
        send(plot, QEvent::MouseButtonPress, a, Qt::LeftButton, Qt::LeftButton);
        send(plot, QEvent::MouseMove, a + QPoint(20, 20), Qt::NoButton, Qt::LeftButton);
        send(plot, QEvent::MouseMove, b, Qt::NoButton, Qt::LeftButton);
        send(plot, QEvent::MouseButtonRelease, b, Qt::LeftButton, Qt::NoButton);
        QCoreApplication::processEvents();
        select.push_back(sw.ms());
    }
    detail("rectangle over a quarter -> list of %d: median %.1f ms", page.selectionModel()->rowCount(), median(select));

    bench::result("quadrant_score", "quadrant: score all customers", median(score), "ms", Target::Absolute, 300);
    bench::result("quadrant_redraw", "quadrant: full redraw", median(redraw), "ms", Target::Absolute, 30);
    bench::result("quadrant_drag", "quadrant: cut-line drag step", median(drag), "ms", Target::Absolute, 30);
    bench::result("quadrant_drag_max", "  slowest drag step", bench::maximum(drag), "ms", Target::Info);
    bench::result("quadrant_setdata", "  re-set the points + replot", median(setData), "ms", Target::Info);
    bench::result("quadrant_select", "  rectangle to list (quarter)", median(select), "ms", Target::Info);
    return 0;
}
