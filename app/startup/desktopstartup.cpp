#include "desktopstartup.h"

#include "customerpage.h"
#include "lockcontroller.h"
#include "mainwindow.h"
#include "synccontroller.h"
#include "domain/securitypolicy.h"
#include "session/cadenceworkspace.h"
#include "session/syncservice.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QLineEdit>
#include <QSettings>
#include <QStandardPaths>

#include <cstdio>

DesktopStartup::DesktopStartup(LanguageManager *languages, QObject *parent)
    : QObject(parent), m_languages(languages)
{
    m_opener.setLanguageManager(languages);
    connect(&m_opener, &BranchOpener::finished, this, &DesktopStartup::openerFinished);
}

QList<CommandTable::Option> DesktopStartup::commandLineOptions()
{
    return {
        {"store", "PATH", "Branch store file to open."},
        {"demo", nullptr, "Open the demo branch, creating it on first use."},
        {"customers", "N", "Size of a newly created demo branch.", "20000"},
        {"lang", "CODE", "zh_CN, en or system."},
        {"search", "TEXT", "Start with this search text."},
        {"page", "NAME",
         "Open this page: today, customers, tiers, quadrant, lists, maturity, retention, events or dashboard."},
        {"today", "YYYY-MM-DD", "Work as if today were this date (demos, screenshots)."},
        {"first-run", nullptr, "Show the first-run guide, even if it was seen before."},
    };
}

bool DesktopStartup::fromCommandLine(const QCommandLineParser &parser, Options *out, QString *error)
{
    const auto value = [&parser](const char *name) { return parser.value(QString::fromLatin1(name)); };
    const auto isSet = [&parser](const char *name) { return parser.isSet(QString::fromLatin1(name)); };
    const QString dataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    BranchOpener::Request &request = out->request;
    request.createDemoIfMissing = isSet("demo");
    request.storePath = isSet("store") ? value("store")
                        : isSet("demo") ? QDir(dataDir).filePath(QStringLiteral("demo.db"))
                                        : QDir(dataDir).filePath(QStringLiteral("branch.db"));
    request.demoCustomers = value("customers").toInt();
    request.passphrase = qEnvironmentVariable("BRANCHDESK_PASSPHRASE");
    request.showGuide = isSet("first-run");
    out->search = value("search");
    out->page = value("page");
    if (isSet("today")) {
        out->today = QDate::fromString(value("today"), Qt::ISODate);
        if (!out->today.isValid()) {
            *error = QStringLiteral("--today needs a date as YYYY-MM-DD");
            return false;
        }
    }
    return true;
}

// The lock and the sync controller hang off the window: they go first.
DesktopStartup::~DesktopStartup()
{
    m_lock.reset();
    m_syncUi.reset();
    m_window.reset();
}

void DesktopStartup::start(const Options &options)
{
    m_options = options;
    m_options.request.day = options.today; // the branch is read for the pinned day, if any
    // The opener's dialogs come and go before the window shows: none of them ends the app.
    QApplication::setQuitOnLastWindowClosed(false);
    // The window is built on this thread while the opener's worker unwraps the key (Argon2id).
    m_opener.setSecurityPolicy(SecurityPolicy::fromSettings(QSettings()));
    m_opener.setWhileWaiting([this] { m_window = std::make_unique<MainWindow>(m_languages); });
    m_opener.open(m_options.request);
}

void DesktopStartup::openerFinished(bool ok)
{
    if (!ok) {
        emit failed(1);
        return;
    }
    emit branchLoaded();
    if (!m_window) // no background job ran
        m_window = std::make_unique<MainWindow>(m_languages);
    if (m_options.today.isValid())
        m_window->session()->setDay(m_options.today);
    m_window->setBranch(m_opener.branch());
    startServices();
    if (!m_options.search.isEmpty())
        m_window->customerPage()->searchBox()->setText(m_options.search);
    if (!m_options.page.isEmpty() && !m_window->showPage(m_options.page)) {
        std::fprintf(stderr, "Unknown page: %s\n", qPrintable(m_options.page));
        emit failed(2);
        return;
    }
    emit ready(m_window.get());
}

void DesktopStartup::startServices()
{
    // Sync runs on its own thread and connection (the session's); the window only shows its status.
    BranchSession *session = m_window->session();
    SyncService *sync = session->syncService();
    m_syncUi = std::make_unique<SyncController>(m_window.get(), sync);
    // Minutes between background syncs while HQ answers (Settings: sync/intervalMinutes).
    sync->setInterval(QSettings().value(QStringLiteral("protocol/intervalMinutes"), 15).toInt());
    // Issue 8: idle lock and Ctrl+L; offline use only within the grace period since HQ last answered.
    const SecurityPolicy policy = SecurityPolicy::fromSettings(QSettings());
    m_lock = std::make_unique<LockController>(m_window.get(), sync, policy);
    // Read by the opener's worker with the branch: no disk on this thread.
    m_lock->enforceGracePeriod(m_opener.lastHqContact(), m_opener.withinGracePeriod());
    if (m_options.startSync)
        sync->start();
}

void DesktopStartup::showWindow()
{
    // Issue 16: the size and arrangement of the last session, or a size that fits this screen.
    m_window->restoreViewState();
    m_window->show();
    m_window->focusCurrentPage();
    QApplication::setQuitOnLastWindowClosed(true);
}
