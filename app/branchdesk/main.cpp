// branchdesk: the desktop app. Its options are a table (DesktopStartup's, and the one below);
// the start itself runs from the event loop (DesktopStartup). Pictures for the docs are taken
// by the separate branchdesk-screenshots (app/screenshots/), not by this program.
#include "commandtable.h"
#include "customerpage.h"
#include "desktopstartup.h"
#include "languagemanager.h"
#include "mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QIcon>
#include <QTableView>
#include <QTimer>

#include <cstdio>

namespace {

const CommandTable::Option kTimingOption{
    "quit-after-paint", nullptr, "Print start-up timing and peak memory once the list is painted, then quit."};

long peakRssKb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toLong();
    }
    return -1;
}

// --quit-after-paint (bench/, the install test): once the table has painted its rows, the
// start-up figures; once the search index is built (issue 19), its time and the peak memory.
void reportTimingAfterPaint(MainWindow *window, const LanguageManager *languages, QElapsedTimer sinceStart,
                            qint64 loadedMs)
{
    QTimer::singleShot(0, window, [=] {
        QTableView *table = window->customerPage()->table();
        table->viewport()->repaint();
        const qint64 paintedMs = sinceStart.elapsed();
        std::printf("loaded_ms %lld\nfirst_paint_ms %lld\nrows %d\n", loadedMs, paintedMs, table->model()->rowCount());
        // The install test checks that the translations were found.
        std::printf("window_title %s\nqt_translations %s\n", qPrintable(window->windowTitle()),
                    languages->qtTranslationsLoaded() ? "yes" : "no");
        std::fflush(stdout);
        auto searchReady = [sinceStart] {
            std::printf("search_ready_ms %lld\npeak_rss_kb %ld\n", sinceStart.elapsed(), peakRssKb());
            std::fflush(stdout);
            QCoreApplication::quit();
        };
        if (window->isSearchReady())
            searchReady();
        else
            QObject::connect(window, &MainWindow::searchReady, qApp, searchReady);
    });
}

} // namespace

int main(int argc, char *argv[])
{
    QElapsedTimer sinceStart;
    sinceStart.start();
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("BranchDesk"));
    QApplication::setOrganizationName(QStringLiteral("BranchDesk"));
    QApplication::setApplicationVersion(QStringLiteral(BRANCHDESK_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("cn.branchdesk.BranchDesk"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("BranchDesk — branch customer workbench"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOptions(CommandTable::optionsOf(DesktopStartup::commandLineOptions()));
    parser.addOption(CommandTable::toOption(kTimingOption));
    parser.process(app);
    QApplication::setWindowIcon(QIcon::fromTheme(QStringLiteral("cn.branchdesk.BranchDesk")));

    LanguageManager languages;
    const QString lang = QStringLiteral("lang");
    languages.apply(parser.isSet(lang) ? parser.value(lang) : LanguageManager::savedChoice());

    DesktopStartup::Options options;
    QString error;
    if (!DesktopStartup::fromCommandLine(parser, &options, &error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 2;
    }
    const bool timing = parser.isSet(QString::fromLatin1(kTimingOption.name));
    options.startSync = !timing;

    DesktopStartup startup(&languages);
    qint64 loadedMs = 0;
    QObject::connect(&startup, &DesktopStartup::failed, &app, [](int code) { QCoreApplication::exit(code); });
    QObject::connect(&startup, &DesktopStartup::branchLoaded, &app, [&] { loadedMs = sinceStart.elapsed(); });
    QObject::connect(&startup, &DesktopStartup::ready, &app, [&](MainWindow *window) {
        startup.showWindow();
        if (timing)
            reportTimingAfterPaint(window, &languages, sinceStart, loadedMs);
    });
    // From the event loop, so that a cancelled first dialog can end it.
    QTimer::singleShot(0, &startup, [&] { startup.start(options); });
    return app.exec();
}
