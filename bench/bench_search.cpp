// bench_search: figure 3 of the foundation benchmark, one keystroke in the
// customer list's search box at 100k customers.
//
// A keystroke costs what the user waits for between pressing a key and seeing
// the list: CustomerTableModel::setSearchText (filter + model reset) and the
// repaint of a QTableView's viewport, configured like CustomerPage's table
// (fixed row heights, sorted by AUM descending) and sized 1200x800. Events the
// reset leaves queued are flushed after the timed part and reported apart, so
// a slow deferred layout would still show up.
//
// The branch is generated in memory (seed 7) and indexed directly: the store
// is not involved here, bench_store measures it.

#include "store/loadedbranch.h"
#include "benchutil.h"

#include "domain/branchsnapshot.h"
#include "domain/customersearchindex.h"
#include "domain/demogenerator.h"
#include "items/customertablemodel.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QHeaderView>
#include <QTableView>

using bench::detail;
using bench::median;
using bench::Stopwatch;
using bench::Target;

int main(int argc, char *argv[])
{
    // Runs headless unless told otherwise (run.sh sets it explicitly too).
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Search keystroke benchmark (figure 3)."));
    parser.addHelpOption();
    const QCommandLineOption customersOpt(QStringLiteral("customers"),
                                          QStringLiteral("Customers to generate (default $BENCH_CUSTOMERS or 100000)."),
                                          QStringLiteral("N"));
    const QCommandLineOption roundsOpt(QStringLiteral("rounds"), QStringLiteral("Times the keystroke sequence is typed."),
                                       QStringLiteral("N"), QStringLiteral("5"));
    parser.addOptions({customersOpt, roundsOpt});
    parser.process(app);
    const int customers = parser.isSet(customersOpt) ? parser.value(customersOpt).toInt()
                                                     : bench::customersFromEnvironment();
    const int rounds = std::max(1, parser.value(roundsOpt).toInt());

    detail("generating and indexing %d customers (seed 7)", customers);
    DemoGenerator::Options options;
    options.customers = customers;
    options.seed = 7;
    options.today = QDate::currentDate();
    BranchData data;
    DemoGenerator::generate(options, &data);
    LoadedBranch branch;
    branch.snapshot = std::make_shared<const BranchSnapshot>(std::move(data), TierPolicy::defaultPolicy(),
                                                             QDate::currentDate());
    branch.search = std::make_shared<const CustomerSearchIndex>(branch.snapshot);

    // The table as CustomerPage sets it up; these settings decide what a reset costs the view.
    CustomerTableModel model;
    model.setBranch(branch);
    QTableView view;
    view.setModel(&model);
    view.setSelectionBehavior(QAbstractItemView::SelectRows);
    view.setSelectionMode(QAbstractItemView::SingleSelection);
    view.setEditTriggers(QAbstractItemView::NoEditTriggers);
    view.setAlternatingRowColors(true);
    view.setWordWrap(false);
    view.verticalHeader()->hide();
    view.verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view.verticalHeader()->setDefaultSectionSize(view.fontMetrics().height() + 8);
    view.horizontalHeader()->setStretchLastSection(true);
    view.horizontalHeader()->setSortIndicatorShown(true);
    view.setSortingEnabled(true);
    view.sortByColumn(CustomerTableModel::Aum, Qt::DescendingOrder);
    view.resize(1200, 800);
    view.show();
    QApplication::processEvents();
    view.viewport()->repaint(); // first paint: fonts, glyph caches; not a keystroke
    QApplication::processEvents();

    // What a user types: a name in pinyin letter by letter, initials (a new
    // search, not a refinement), the last four digits of a phone, then clearing
    // the box, which brings back all 100k rows.
    const QStringList keystrokes = {
        QStringLiteral("z"),  QStringLiteral("zh"),  QStringLiteral("zha"), QStringLiteral("zhan"),
        QStringLiteral("zhang"), QStringLiteral("zs"), QStringLiteral("5"),   QStringLiteral("56"),
        QStringLiteral("567"), QStringLiteral("5678"), QString(),
    };
    struct PerKey
    {
        std::vector<double> filter, paint, flush;
        int rows = 0;
    };
    std::vector<PerKey> perKey(size_t(keystrokes.size()));
    std::vector<double> all, allFlush;

    for (int round = 0; round < rounds; ++round) {
        for (qsizetype k = 0; k < keystrokes.size(); ++k) {
            Stopwatch sw;
            model.setSearchText(keystrokes.at(k));
            const double filter = sw.ms();
            view.viewport()->repaint();
            const double keystroke = sw.ms();
            QApplication::processEvents(); // deferred layouts, header updates: not in the figure
            const double flush = sw.ms() - keystroke;

            PerKey &p = perKey[size_t(k)];
            p.filter.push_back(filter);
            p.paint.push_back(keystroke - filter);
            p.flush.push_back(flush);
            p.rows = model.rowCount();
            all.push_back(keystroke);
            allFlush.push_back(flush);
        }
    }

    detail("%-8s %7s %10s %9s %9s   (medians of %d rounds)", "typed", "rows", "filter ms", "paint ms",
           "flush ms", rounds);
    // The slowest keystroke by its median tells a systematic cost from a one-off spike in the max.
    double worstMedian = 0;
    QString worstKey;
    for (qsizetype k = 0; k < keystrokes.size(); ++k) {
        const QString label = keystrokes.at(k).isEmpty() ? QStringLiteral("(clear)") : keystrokes.at(k);
        const PerKey &p = perKey[size_t(k)];
        detail("%-8s %7d %10.1f %9.1f %9.1f", qPrintable(label), p.rows, median(p.filter), median(p.paint),
               median(p.flush));
        std::vector<double> total(p.filter.size());
        for (size_t i = 0; i < total.size(); ++i)
            total[i] = p.filter[i] + p.paint[i];
        if (median(total) > worstMedian) {
            worstMedian = median(total);
            worstKey = label;
        }
    }
    bench::result("key_median", "search keystroke, median", median(all), "ms", Target::Absolute, 30);
    bench::result("key_max", "search keystroke, max", bench::maximum(all), "ms", Target::Absolute, 30);
    const QByteArray worstLabel = "  slowest key \"" + worstKey.toUtf8() + "\", its median";
    bench::result("key_worst", worstLabel.constData(), worstMedian, "ms", Target::Info);
    bench::result("key_flush", "  queued events after it, max", bench::maximum(allFlush), "ms", Target::Info);
    return 0;
}
