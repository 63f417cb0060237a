#pragma once

#include "branchopener.h"
#include "commandtable.h"

#include <QDate>
#include <QList>
#include <QObject>

#include <memory>

class LanguageManager;
class QCommandLineParser;
class LockController;
class MainWindow;
class SyncController;
class SyncService;

// The desktop app's start, shared by branchdesk and branchdesk-screenshots: the opener's flow
// (unlock, first-run guide, demo), then the window with its branch, sync, the lock and the
// offline grace period. start() returns at once; ready() or failed() follows from the event
// loop. Owns what it builds for the life of the process.
class DesktopStartup : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        BranchOpener::Request request;
        QDate today; // invalid: the real date
        QString search; // start with this in the customer search box
        QString page; // start on this page (MainWindow::showPage)
        bool startSync = true; // false for measurements and pictures: no HQ traffic
    };
    // The options both programs take: store, demo, customers, lang, search, page, today, first-run.
    static QList<CommandTable::Option> commandLineOptions();
    // Options from a parsed command line; false, with `error`, when --today is not a date.
    static bool fromCommandLine(const QCommandLineParser &parser, Options *out, QString *error);

    explicit DesktopStartup(LanguageManager *languages, QObject *parent = nullptr);
    ~DesktopStartup() override;

    void start(const Options &options);
    MainWindow *window() const { return m_window.get(); }
    // The window's size and arrangement of the last session, shown, the page given the keyboard.
    void showWindow();

signals:
    void branchLoaded(); // the opener is done; the window is filled next
    void ready(MainWindow *window); // built and filled, not yet shown
    // 1: cancelled, or the store could not be opened (the user was told); 2: an unknown --page.
    void failed(int exitCode);

private:
    void openerFinished(bool ok);
    void startServices();

    LanguageManager *m_languages;
    Options m_options;
    BranchOpener m_opener;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<SyncController> m_syncUi;
    std::unique_ptr<LockController> m_lock;
};
