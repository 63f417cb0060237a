#include "analysiscontroller.h"
#include "branchopener.h"
#include "customerpage.h"
#include "firstrunwizard.h"
#include "languagemanager.h"
#include "lockcontroller.h"
#include "mainwindow.h"
#include "dashboardpage.h"
#include "items/campaignmetricsmodel.h"
#include "synccontroller.h"
#include "sync/syncservice.h"
#include "domain/securitypolicy.h"
#include "store/database.h"
#include "store/storeerror.h"
#include "store/storeunlocker.h"
#include "todaypage.h"
#include "screenshotscene.h"
#include "items/cadenceworkspace.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QIcon>
#include <QLineEdit>
#include <QRadioButton>
#include <QScreen>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>
#include <memory>

namespace {

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
    const QCommandLineOption storeOpt(QStringLiteral("store"), QStringLiteral("Branch store file to open."),
                                      QStringLiteral("PATH"));
    const QCommandLineOption demoOpt(QStringLiteral("demo"),
                                     QStringLiteral("Open the demo branch, creating it on first use."));
    const QCommandLineOption customersOpt(QStringLiteral("customers"),
                                          QStringLiteral("Size of a newly created demo branch."), QStringLiteral("N"),
                                          QStringLiteral("20000"));
    const QCommandLineOption langOpt(QStringLiteral("lang"), QStringLiteral("zh_CN, en or system."),
                                     QStringLiteral("CODE"));
    const QCommandLineOption searchOpt(QStringLiteral("search"), QStringLiteral("Start with this search text."),
                                       QStringLiteral("TEXT"));
    const QCommandLineOption shotOpt(QStringLiteral("screenshot"),
                                     QStringLiteral("Save a picture of the window once the list is painted, then quit."),
                                     QStringLiteral("FILE.png"));
    const QCommandLineOption timingOpt(QStringLiteral("quit-after-paint"),
                                       QStringLiteral("Print start-up timing and peak memory once the list is painted, then quit."));
    const QCommandLineOption pageOpt(QStringLiteral("page"),
                                     QStringLiteral("Open this page: today, customers, tiers, quadrant, lists, maturity, retention, events or dashboard."),
                                     QStringLiteral("NAME"));
    const QCommandLineOption todayOpt(QStringLiteral("today"),
                                      QStringLiteral("Work as if today were this date (demos, screenshots)."),
                                      QStringLiteral("YYYY-MM-DD"));
    const QCommandLineOption firstRunOpt(QStringLiteral("first-run"),
                                         QStringLiteral("Show the first-run guide, even if it was seen before. With "
                                                        "--screenshot: a picture of the guide's --page (language, "
                                                        "start, hq, import, passphrase or cadences)."));
    const QCommandLineOption shotWidgetOpt(QStringLiteral("screenshot-widget"),
                                           QStringLiteral("With --screenshot: a picture of this widget (object name) only."),
                                           QStringLiteral("NAME"));
    const QCommandLineOption sceneOpt(QStringLiteral("screenshot-open"),
                                      QStringLiteral("With --screenshot: open this first (batch-touch, phone-list, "
                                                     "row-menu, import-list:PATH)."),
                                      QStringLiteral("WHAT"));
    parser.addOptions({storeOpt, demoOpt, customersOpt, langOpt, searchOpt, shotOpt, timingOpt, pageOpt, todayOpt,
                       firstRunOpt, shotWidgetOpt, sceneOpt});
    parser.process(app);
    QApplication::setWindowIcon(QIcon::fromTheme(QStringLiteral("cn.branchdesk.BranchDesk")));

    LanguageManager languages;
    languages.apply(parser.isSet(langOpt) ? parser.value(langOpt) : LanguageManager::savedChoice());

    if (parser.isSet(firstRunOpt) && parser.isSet(shotOpt)) {
        // A picture of one page of the guide (scripts/screenshots.sh), with sample answers.
        const QStringList pages = {QStringLiteral("language"), QStringLiteral("start"), QStringLiteral("hq"),
                                   QStringLiteral("passphrase"), QStringLiteral("cadences"), QStringLiteral("import")};
        const int page = pages.indexOf(parser.isSet(pageOpt) ? parser.value(pageOpt) : pages.first());
        if (page < 0) {
            std::fprintf(stderr, "Unknown guide page: %s\n", qPrintable(parser.value(pageOpt)));
            return 2;
        }
        QTemporaryDir sampleDir;
        FirstRunWizard guide(FirstRunWizard::Mode::Setup, &languages);
        guide.setDemoCustomers(parser.value(customersOpt).toInt());
        if (page == FirstRunWizard::ImportFilePage) // the page's buttons follow the choice made before it
            guide.findChild<QRadioButton *>(QStringLiteral("startImport"))->setChecked(true);
        guide.setStartId(page);
        guide.restart();
        if (page == FirstRunWizard::HqPage) {
            guide.findChild<QLineEdit *>(QStringLiteral("hqUrl"))->setText(QStringLiteral("https://hq.example.cn:8443"));
            guide.findChild<QLineEdit *>(QStringLiteral("staffId"))->setText(QStringLiteral("RM01"));
            guide.findChild<QLineEdit *>(QStringLiteral("hqPassword"))->setText(QStringLiteral("password"));
        } else if (page == FirstRunWizard::PassphrasePage) {
            guide.findChild<QLineEdit *>(QStringLiteral("passphrase"))->setText(QStringLiteral("chengnan-zhihang-2026"));
        } else if (page == FirstRunWizard::ImportFilePage) {
            // A file that exists, so the page reads as ready to go on.
            QFile sample(sampleDir.filePath(QStringLiteral("城南支行客户名单.xlsx")));
            sample.open(QIODevice::WriteOnly);
            sample.close();
            guide.findChild<QLineEdit *>(QStringLiteral("importFile"))->setText(QDir::toNativeSeparators(sample.fileName()));
            guide.findChild<QLineEdit *>(QStringLiteral("branchName"))->setText(QStringLiteral("城南支行"));
            guide.findChild<QLineEdit *>(QStringLiteral("branchCode"))->setText(QStringLiteral("3101"));
            guide.findChild<QLineEdit *>(QStringLiteral("ownStaffId"))->setText(QStringLiteral("MGR01"));
            guide.findChild<QLineEdit *>(QStringLiteral("ownName"))->setText(QStringLiteral("周经理"));
        }
        guide.show();
        QTimer::singleShot(500, &guide, [&] {
            if (auto *file = guide.findChild<QLineEdit *>(QStringLiteral("importFile")))
                file->deselect();
            guide.grab().save(parser.value(shotOpt));
            app.quit();
        });
        return app.exec();
    }

    const QString dataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    BranchOpener::Request request;
    request.createDemoIfMissing = parser.isSet(demoOpt);
    request.storePath = parser.isSet(storeOpt) ? parser.value(storeOpt)
                        : parser.isSet(demoOpt) ? QDir(dataDir).filePath(QStringLiteral("demo.db"))
                                                : QDir(dataDir).filePath(QStringLiteral("branch.db"));
    request.demoCustomers = parser.value(customersOpt).toInt();
    request.passphrase = qEnvironmentVariable("BRANCHDESK_PASSPHRASE");
    request.showGuide = parser.isSet(firstRunOpt);

    // The window is built on this thread while the opener's worker unwraps the key (Argon2id).
    std::unique_ptr<MainWindow> windowHolder;
    BranchOpener opener;
    opener.setLanguageManager(&languages);
    opener.setWhileWaiting([&] { windowHolder = std::make_unique<MainWindow>(&languages); });
    LoadedBranch branch;
    if (!opener.open(request, &branch))
        return 1;
    if (!windowHolder) // no background job ran
        windowHolder = std::make_unique<MainWindow>(&languages);
    MainWindow &window = *windowHolder;
    const qint64 loadedMs = sinceStart.elapsed();
    if (parser.isSet(todayOpt)) {
        const QDate today = QDate::fromString(parser.value(todayOpt), Qt::ISODate);
        if (!today.isValid()) {
            std::fprintf(stderr, "--today needs a date as YYYY-MM-DD\n");
            return 2;
        }
        window.workspace()->setToday(today);
    }
    window.setBranch(branch);
    // Sync runs on its own thread and connection; the window only shows its status.
    const StoreAccess store{request.storePath, {}, opener.key()};
    SyncService sync(store);
    SyncController syncUi(&window, &sync, store);
    // Minutes between background syncs while HQ answers (Settings: sync/intervalMinutes).
    sync.setInterval(QSettings().value(QStringLiteral("sync/intervalMinutes"), 15).toInt());
    // Issue 8: idle lock and Ctrl+L; offline use only within the grace period since HQ last answered.
    const SecurityPolicy policy = SecurityPolicy::fromSettings(QSettings());
    LockController lock(&window, &sync, store, policy);
    try {
        Database db = Database::open(store.path, *store.key, Database::OpenMode::ExistingOnly);
        QDateTime lastContact;
        const bool within = StoreUnlocker::withinGracePeriod(db, policy, QDateTime::currentDateTime(), &lastContact);
        db.close();
        lock.enforceGracePeriod(lastContact, within);
    } catch (const StoreError &) {
        // The branch just loaded from this store; a failure here is caught by the next open.
    }
    if (!parser.isSet(timingOpt) && !parser.isSet(shotOpt))
        sync.start();
    if (parser.isSet(searchOpt))
        window.customerPage()->searchBox()->setText(parser.value(searchOpt));
    if (parser.isSet(pageOpt) && !window.showPage(parser.value(pageOpt))) {
        std::fprintf(stderr, "Unknown page: %s\n", qPrintable(parser.value(pageOpt)));
        return 2;
    }
    // Issue 16: the size and arrangement of the last session, or a size that fits this screen.
    window.restoreViewState();
    window.show();
    window.focusCurrentPage();

    if (parser.isSet(timingOpt) || parser.isSet(shotOpt)) {
        // Wait until the table has painted its rows, then measure or take the picture.
        QTimer::singleShot(0, &window, [&] {
            QTableView *table = window.customerPage()->table();
            table->viewport()->repaint();
            const qint64 paintedMs = sinceStart.elapsed();
            if (parser.isSet(shotOpt)) {
                // Pages fed by the analysis wait for the scores before the picture.
                auto *poll = new QTimer(&window);
                poll->setInterval(100);
                QObject::connect(poll, &QTimer::timeout, &window, [&, poll] {
                    const AnalysisController *analysis = window.analysis();
                    if (analysis->branch().snapshot && (analysis->busy() || !analysis->scores()))
                        return;
                    if (!window.todayPage()->isSettled() || !window.isSearchReady())
                        return;
                    const DashboardPage *dashboard = window.dashboardPage();
                    if (dashboard->isVisible() && (!dashboard->isSettled() || dashboard->metricsModel()->rowCount() == 0))
                        return;
                    poll->stop();
                    if (parser.isSet(sceneOpt) && !openScreenshotScene(window, parser.value(sceneOpt))) {
                        std::fprintf(stderr, "Unknown --screenshot-open: %s\n", qPrintable(parser.value(sceneOpt)));
                        app.exit(2);
                        return;
                    }
                    QTimer::singleShot(parser.isSet(sceneOpt) ? 1500 : 400, &window, [&] {
                        QWidget *part = parser.isSet(shotWidgetOpt)
                                            ? window.findChild<QWidget *>(parser.value(shotWidgetOpt))
                                            : nullptr;
                        // The whole screen, as the user sees it (window manager, taskbar space and
                        // all): a picture of the widget alone hid what did not fit (issue 16).
                        QScreen *screen = window.screen();
                        const QPixmap picture = part ? part->grab() : screen ? screen->grabWindow(0) : window.grab();
                        (picture.isNull() ? window.grab() : picture).save(parser.value(shotOpt));
                        app.quit();
                    });
                });
                poll->start();
                return;
            }
            std::printf("loaded_ms %lld\nfirst_paint_ms %lld\nrows %d\n", loadedMs, paintedMs,
                        table->model()->rowCount());
            // The install test checks that the translations were found.
            std::printf("window_title %s\nqt_translations %s\n", qPrintable(window.windowTitle()),
                        languages.qtTranslationsLoaded() ? "yes" : "no");
            // Issue 19: the search index follows the first paint; when it is ready is the other figure.
            auto searchReady = [&] {
                std::printf("search_ready_ms %lld\npeak_rss_kb %ld\n", sinceStart.elapsed(), peakRssKb());
                std::fflush(stdout);
                app.quit();
            };
            std::fflush(stdout);
            if (window.isSearchReady())
                searchReady();
            else
                QObject::connect(&window, &MainWindow::searchReady, &app, searchReady);
        });
    }
    return app.exec();
}
