#pragma once

#include "session/branchsession.h"

#include <QMainWindow>

class QListWidget;
class QListWidgetItem;
class QStackedWidget;
class QLabel;
class QActionGroup;
class QMenu;
class QAction;
class CustomerPage;
class AnalysisController;
class TierPage;
class QuadrantPage;
class ListsPage;
class LanguageManager;
class CadenceWorkspace;
class TodayPage;
class MaturityPage;
class WarningListsPage;
class EventPage;
class ExportController;
class DashboardPage;
class BatchTouchController;
class SearchIndexBuilder;
class HelpMenu;
class SignInMenu;

// The application window: a navigation list on the left that grows as pages
// arrive, the current page on the right, menus and a status bar.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(LanguageManager *languages, QWidget *parent = nullptr);

    // The open branch's owner: its store, the branch on screen, its day, reloads, lock and sync.
    BranchSession *session() const { return m_session; }
    // Shows `branch` (BranchSession::setBranch: the session adopts it, the pages follow).
    void setBranch(const LoadedBranch &branch);
    CustomerPage *customerPage() const { return m_customers; }
    TierPage *tierPage() const { return m_tiers; }
    QuadrantPage *quadrantPage() const { return m_quadrant; }
    ListsPage *listsPage() const { return m_lists; }
    AnalysisController *analysis() const { return m_analysis; }
    CadenceWorkspace *workspace() const { return m_workspace; }
    // The About box's text, with the policy versions and calendars in force.
    QString aboutText() const;
    TodayPage *todayPage() const { return m_today; }
    MaturityPage *maturityPage() const { return m_maturity; }
    WarningListsPage *warningListsPage() const { return m_warnings; }
    EventPage *eventPage() const { return m_events; }
    DashboardPage *dashboardPage() const { return m_dashboard; }
    BatchTouchController *batchTouch() const { return m_batch; }
    // Filters the customer list and the Today page to one RM (staff index; -1: all).
    void filterToRm(int staffIndex);
    // Shows a page by its key: today, customers, tiers, quadrant, lists, maturity,
    // retention, events, dashboard. False when unknown.
    bool showPage(const QString &key);
    // Adds a page that lives elsewhere (e.g. the sync log) to the navigation;
    // its owner sets the item's text and retranslates it.
    QListWidgetItem *addPage(QWidget *page, const QIcon &icon);
    QListWidget *navigation() const { return m_nav; }
    void switchLanguage(const QString &code);
    // Issue 6: Export… (Ctrl+E), Print call sheet…, Import customers….
    ExportController *exporter() const { return m_export; }
    QWidget *currentPage() const;
    void exportCurrentPage();
    void printCallSheet();
    void importCustomers();
    // Issue 8: File > Lock (Ctrl+Shift+L since issue 16) and File > Change passphrase; LockController acts on them.
    QAction *lockAction() const { return m_lock; }
    QAction *changePassphraseAction() const { return m_changePassphrase; }
    // Shows `screen` alone, menus disabled; showWorkspace() undoes it. The lock drops the pages'
    // data through the session (BranchSession::lock), which empties every page.
    void showLockScreen(QWidget *screen);
    void showWorkspace();
    bool isLockScreenShown() const;
    // Reads the branch again off the UI thread (after assignments, or signing
    // in as someone else) and shows it; branchReloaded() follows (BranchSession::reload).
    void reloadBranch();
    const LoadedBranch &branch() const;
    // Issue 16: the page's main widget (its table, or the search box on Customers) takes the focus:
    // after unlocking, at start-up and on Ctrl+1 … Ctrl+0.
    void focusCurrentPage();
    static QWidget *focusTargetOf(QWidget *page);
    // Log contact (Ctrl+L) for the customer in front of the user: Today's row, or the customer
    // the Customers page shows (list row, search result, 360).
    void logContactForCurrent();
    QAction *logContactAction() const { return m_logContact; }
    QMenu *helpMenu() const;
    // Ctrl+1 … Ctrl+9, Ctrl+0: one per page, in navigation order.
    const QList<QAction *> &goActions() const { return m_goActions; }
    // Window geometry, splitters and table columns from the last session (ViewState); fits the
    // window to the screen when there is nothing saved.
    void restoreViewState();
    void saveViewState() const;

    // False from a branch's arrival until its search index is built (issue 19).
    bool isSearchReady() const;

signals:
    void branchReloaded();
    void searchReady();

protected:
    void changeEvent(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    // The constructor's steps: the pages in navigation order, what they ask of the workspace
    // and each other, the window's frame, the keys that work even in a line edit.
    void createPages();
    void connectPages();
    void connectIssueList();
    void connectBatchTouch();
    void createFrame();
    void guardShortcuts();
    void createMenus();
    void createFileMenu();
    void createViewMenu();
    void retranslateUi();
    void retranslateMenus();
    // The session's branch changed (opened, reloaded, locked): every page follows.
    void showBranch(const LoadedBranch &branch);
    void openIssueListDialog(const QString &name, const QString &kind, const QStringList &customerNos);
    // Scores are computed when a page that needs them is first shown, not at start-up.
    void ensureAnalysis();

    LanguageManager *m_languages;
    BranchSession *m_session;
    QListWidget *m_nav;
    QStackedWidget *m_stack;
    CustomerPage *m_customers;
    AnalysisController *m_analysis;
    TierPage *m_tiers;
    QuadrantPage *m_quadrant;
    ListsPage *m_lists;
    CadenceWorkspace *m_workspace;
    TodayPage *m_today;
    MaturityPage *m_maturity;
    WarningListsPage *m_warnings;
    EventPage *m_events;
    DashboardPage *m_dashboard;
    BatchTouchController *m_batch = nullptr;
    SearchIndexBuilder *m_searchBuilder = nullptr;
    int m_tiersRow = -1;
    QLabel *m_status;
    QMenu *m_fileMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_languageMenu = nullptr;
    HelpMenu *m_helpMenu = nullptr;
    QAction *m_quit = nullptr;
    QAction *m_find = nullptr;
    QAction *m_langSystem = nullptr;
    QAction *m_langZh = nullptr;
    QAction *m_langEn = nullptr;
    QMenu *m_goMenu = nullptr;
    QStackedWidget *m_root = nullptr; // the workspace, or the unlock screen
    QAction *m_lock = nullptr;
    QAction *m_changePassphrase = nullptr;
    SignInMenu *m_signInMenu = nullptr; // demo stores: who the desktop is used as
    QList<QAction *> m_goActions; // Ctrl+1 … Ctrl+9, Ctrl+0: one per page, in navigation order
    QAction *addGoAction(int row);
    ExportController *m_export = nullptr;
    QAction *m_exportAction = nullptr;
    QAction *m_callSheetAction = nullptr;
    QAction *m_importAction = nullptr;
    QAction *m_logContact = nullptr;
    bool m_partsRestored = false;
};
