#include "mainwindow.h"

#include "session/analysiscontroller.h"
#include "customer360panel.h"
#include "customerpage.h"
#include "listspage.h"
#include "issuelistdialog.h"
#include "batchtouchcontroller.h"
#include "quadrantpage.h"
#include "tierpage.h"
#include "helpmenu.h"
#include "signinmenu.h"
#include "languagemanager.h"
#include "eventpage.h"
#include "dashboardpage.h"
#include "maturitypage.h"
#include "domain/rmfilter.h"
#include "todaypage.h"
#include "warninglistspage.h"
#include "session/cadenceworkspace.h"
#include "editorshortcutguard.h"
#include "exportcontroller.h"
#include "viewstate.h"
#include "importwizard.h"
#include "items/todaymodel.h"
#include "session/branchsession.h"
#include "items/customertablemodel.h"
#include "items/searchindexbuilder.h"
#include "domain/todaylist.h"

#include <QComboBox>

#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QEvent>
#include <QLineEdit>
#include <QTableView>
#include <QFutureWatcher>
#include <QtConcurrent>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QStackedWidget>
#include <QStatusBar>

MainWindow::MainWindow(LanguageManager *languages, QWidget *parent)
    : QMainWindow(parent), m_languages(languages), m_session(new BranchSession(this))
{
    createPages();
    connectPages();
    connectIssueList();
    connectBatchTouch();
    createFrame();
    createMenus();
    guardShortcuts();
    retranslateUi();
    resize(1360, 820);
}

void MainWindow::createPages()
{
    m_nav = new QListWidget(this);
    m_nav->setObjectName(QStringLiteral("navigation"));
    m_nav->setFixedWidth(150);
    m_nav->setIconSize(QSize(20, 20));
    m_stack = new QStackedWidget(this);
    const auto add = [this](QWidget *page, QStyle::StandardPixmap icon) {
        m_stack->addWidget(page);
        m_nav->addItem(new QListWidgetItem(style()->standardIcon(icon), QString()));
    };
    // The RM's day comes first (issue 5); its workspace also feeds the 360 panels.
    m_workspace = m_session->workspace();
    m_today = new TodayPage(m_workspace, this);
    add(m_today, QStyle::SP_DialogApplyButton);
    m_customers = new CustomerPage(this);
    m_customers->setWorkspace(m_workspace);
    add(m_customers, QStyle::SP_FileDialogDetailedView);
    // Tiers, value quadrant and lists (issue 4) share one analysis of the branch.
    m_analysis = m_session->analysis();
    m_tiers = new TierPage(this);
    m_quadrant = new QuadrantPage(m_analysis, this);
    m_lists = new ListsPage(m_analysis, this);
    m_lists->setWorkspace(m_workspace);
    m_quadrant->setWorkspace(m_workspace);
    m_tiersRow = m_nav->count();
    for (QWidget *page : {static_cast<QWidget *>(m_tiers), static_cast<QWidget *>(m_quadrant), static_cast<QWidget *>(m_lists)})
        add(page, QStyle::SP_FileDialogContentsView);
    m_maturity = new MaturityPage(m_workspace, this);
    m_warnings = new WarningListsPage(m_workspace, this);
    m_events = new EventPage(m_workspace, this);
    add(m_maturity, QStyle::SP_FileDialogInfoView);
    add(m_warnings, QStyle::SP_MessageBoxWarning);
    add(m_events, QStyle::SP_DirHomeIcon);
    // The manager's dashboard and one table per RM (issue 6).
    m_dashboard = new DashboardPage(m_workspace, this);
    add(m_dashboard, QStyle::SP_FileDialogListView);
    // Issue 19: the list is shown first, the search index follows from a worker.
    m_searchBuilder = new SearchIndexBuilder(this);
}

void MainWindow::connectPages()
{
    connect(m_session, &BranchSession::branchChanged, this, &MainWindow::showBranch);
    connect(m_session, &BranchSession::reloaded, this, &MainWindow::branchReloaded);
    connect(m_dashboard, &DashboardPage::rmChosen, this, &MainWindow::filterToRm);
    connect(m_workspace, &CadenceWorkspace::writeFailed, this, [this](const QString &message) {
        QMessageBox::warning(this, tr("BranchDesk"), tr("The change could not be saved: %1").arg(message));
    });
    // The manager's assignments (issue 6): written off the UI thread, then the branch is read again.
    connect(m_customers, &CustomerPage::assignRequested, m_workspace,
            qOverload<const QStringList &, const QString &>(&CadenceWorkspace::assign));
    connect(m_maturity, &MaturityPage::assignRequested, m_workspace,
            qOverload<const QStringList &, const QString &>(&CadenceWorkspace::assign));
    connect(m_warnings, &WarningListsPage::assignRequested, m_workspace,
            qOverload<const QStringList &, const QString &>(&CadenceWorkspace::assign));
    connect(m_customers, &CustomerPage::balanceRequested, m_workspace, &CadenceWorkspace::balance);
    connect(m_lists, &ListsPage::balanceRequested, m_workspace, &CadenceWorkspace::balance);
    connect(m_workspace, &CadenceWorkspace::assignmentsSaved, this, [this](int changed) {
        if (changed == 0) {
            statusBar()->showMessage(tr("No customer changed hands: the workload is already as even as it gets."), 5000);
            return;
        }
        statusBar()->showMessage(tr("%n customer(s) assigned; they reach the RMs with the next sync.", nullptr, changed), 8000);
        reloadBranch();
    });
    connect(m_searchBuilder, &SearchIndexBuilder::built, this, [this](const std::shared_ptr<const CustomerSearchIndex> &index) {
        m_session->setSearchIndex(index);
        m_customers->setSearchIndex(index);
        emit searchReady();
    });
    m_nav->setCurrentRow(0);
    connect(m_nav, &QListWidget::currentRowChanged, m_stack, &QStackedWidget::setCurrentIndex);
    connect(m_nav, &QListWidget::currentRowChanged, this, &MainWindow::ensureAnalysis);
    // One source for the threshold bands: the roster (Today, 4+1, dashboard) follows the edit.
    connect(m_analysis, &AnalysisController::policySaved, this,
            [this] { m_workspace->setBranch(branch(), m_session->day()); });
    connect(m_analysis, &AnalysisController::failed, this, [this](const QString &message) {
        QMessageBox::warning(this, tr("BranchDesk"), tr("The lists could not be updated: %1").arg(message));
    });
}

// Issue 17: the manager splits a frozen list across RMs and issues it.
void MainWindow::connectIssueList()
{
    connect(m_lists, &ListsPage::issueRequested, this, &MainWindow::openIssueListDialog);
}

void MainWindow::openIssueListDialog(const QString &name, const QString &kind, const QStringList &customerNos)
{
    const BranchSnapshot *s = m_workspace->snapshot();
    if (!s)
        return;
    QHash<QString, int> load; // customers each RM already works on issued lists
    for (const IssuedList &l : m_workspace->issuedLists()) {
        for (const auto &[rm, n] : l.countsByRm())
            load[rm] += l.withdrawn ? 0 : n;
    }
    auto *dialog = new IssueListDialog(*s, name, kind, customerNos, load, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        IssuedList list = dialog->issuedList();
        list.issuedBy = m_workspace->actingStaffId();
        m_workspace->issueList(list);
    });
    dialog->open();
}

// Batch touches (issue 17) from a list, a quadrant rectangle, the customer list or selected rows.
void MainWindow::connectBatchTouch()
{
    m_batch = new BatchTouchController(m_workspace, this);
    connect(m_batch, &BatchTouchController::message, this, [this](const QString &text) { statusBar()->showMessage(text, 8000); });
    const auto batch = [this](const QStringList &nos, const QString &source) { m_batch->open(nos, source); };
    connect(m_lists, &ListsPage::batchTouchRequested, m_batch, batch);
    connect(m_quadrant, &QuadrantPage::batchTouchRequested, m_batch, batch);
    connect(m_customers, &CustomerPage::batchTouchRequested, m_batch, batch);
    connect(m_maturity, &MaturityPage::batchTouchRequested, m_batch, batch);
    connect(m_warnings, &WarningListsPage::batchTouchRequested, m_batch, batch);
}

void MainWindow::createFrame()
{
    auto *central = new QWidget(this);
    auto *layout = new QHBoxLayout(central);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_nav);
    layout->addWidget(m_stack, 1);
    m_root = new QStackedWidget(this);
    m_root->addWidget(central);
    setCentralWidget(m_root);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("branchStatus"));
    statusBar()->addWidget(m_status, 1);
}

// The window's own shortcuts work even while a line edit has the focus (Ctrl+E on Linux).
void MainWindow::guardShortcuts()
{
    auto *guard = new EditorShortcutGuard(this);
    QList<QKeySequence> guarded;
    for (QAction *a : findChildren<QAction *>()) {
        if (!a->shortcut().isEmpty() && a->shortcut()[0].keyboardModifiers().testFlag(Qt::ControlModifier))
            guarded << a->shortcut();
    }
    guarded << QKeySequence(Qt::CTRL | Qt::Key_0);
    guard->setGuarded(guarded);
    connect(m_nav, &QListWidget::itemChanged, this, [this](QListWidgetItem *item) {
        const int row = m_nav->row(item);
        if (row >= 0 && row < m_goActions.size())
            m_goActions.at(row)->setText(item->text());
    });
}

QAction *MainWindow::addGoAction(int row)
{
    // Ctrl+1 … Ctrl+9 and Ctrl+0 for the tenth page (the sync log).
    QAction *go = m_goMenu->addAction(QString(), this, [this, row] {
        m_nav->setCurrentRow(row);
        focusCurrentPage();
    });
    go->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(row == 9 ? Qt::Key_0 : Qt::Key_1 + row)));
    go->setShortcutContext(Qt::WindowShortcut);
    m_goActions << go;
    return go;
}

QWidget *MainWindow::focusTargetOf(QWidget *page)
{
    if (auto *customers = qobject_cast<CustomerPage *>(page))
        return customers->searchBox();
    if (auto *today = qobject_cast<TodayPage *>(page))
        return today->table();
    if (QWidget *view = ExportController::mainViewOf(page))
        return view;
    return page;
}

void MainWindow::focusCurrentPage()
{
    QWidget *target = focusTargetOf(m_stack->currentWidget());
    if (!target)
        return;
    target->setFocus(Qt::ShortcutFocusReason);
    auto *view = qobject_cast<QAbstractItemView *>(target);
    if (view && view->model() && !view->currentIndex().isValid() && view->model()->rowCount() > 0)
        view->setCurrentIndex(view->model()->index(0, 0));
}

void MainWindow::logContactForCurrent()
{
    QWidget *page = m_stack->currentWidget();
    if (page == m_today) {
        m_today->openContactDialog();
        return;
    }
    Customer360Panel *panel = page == m_customers ? m_customers->panel() : nullptr;
    if (!panel || panel->currentCustomer() < 0) {
        statusBar()->showMessage(tr("Choose a customer first: on Today, or find one on Customers (Ctrl+F)."), 5000);
        return;
    }
    panel->logContact();
}

void MainWindow::restoreViewState()
{
    if (!ViewState::restoreWindow(this))
        ViewState::fitToScreen(this);
}

void MainWindow::saveViewState() const
{
    ViewState::saveWindow(this);
    ViewState::saveParts(this);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!isLockScreenShown())
        saveViewState();
    QMainWindow::closeEvent(event);
}

void MainWindow::createMenus()
{
    createFileMenu();
    createViewMenu();
    m_helpMenu = new HelpMenu(this, m_languages);
    menuBar()->addMenu(m_helpMenu);
    connect(m_helpMenu, &HelpMenu::guideClosed, this, &MainWindow::retranslateUi); // the language it chose
}

QMenu *MainWindow::helpMenu() const
{
    return m_helpMenu;
}

void MainWindow::createFileMenu()
{
    m_fileMenu = menuBar()->addMenu(QString());
    m_find = m_fileMenu->addAction(QString(), this, [this] {
        m_nav->setCurrentRow(m_stack->indexOf(m_customers));
        m_customers->focusSearch();
    });
    m_find->setShortcut(QKeySequence::Find);
    m_logContact = m_fileMenu->addAction(QString(), this, &MainWindow::logContactForCurrent);
    m_logContact->setObjectName(QStringLiteral("logContactAction"));
    m_logContact->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    m_signInMenu = new SignInMenu(this);
    m_fileMenu->addMenu(m_signInMenu);
    connect(m_signInMenu, &SignInMenu::switched, this, &MainWindow::reloadBranch);
    m_fileMenu->addSeparator();
    m_export = new ExportController(this);
    m_export->setStaffProvider([this] { return m_workspace->actingStaffId(); });
    connect(m_export, &ExportController::finished, this,
            [this](const ExportController::Outcome &o) {
                statusBar()->showMessage(o.message, 10000);
                ExportController::offerToOpen(this, o);
            });
    m_exportAction = m_fileMenu->addAction(QString(), this, &MainWindow::exportCurrentPage);
    m_exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_callSheetAction = m_fileMenu->addAction(QString(), this, &MainWindow::printCallSheet);
    m_callSheetAction->setShortcut(QKeySequence::Print);
    m_importAction = m_fileMenu->addAction(QString(), this, &MainWindow::importCustomers);
    m_lock = m_fileMenu->addAction(QString());
    m_lock->setObjectName(QStringLiteral("lockAction"));
    // Ctrl+L logs a contact (issue 16); locking moved one modifier further.
    m_lock->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
    m_lock->setShortcutContext(Qt::ApplicationShortcut);
    m_changePassphrase = m_fileMenu->addAction(QString());
    m_changePassphrase->setObjectName(QStringLiteral("changePassphraseAction"));
    m_fileMenu->addSeparator();
    m_quit = m_fileMenu->addAction(QString(), qApp, &QApplication::closeAllWindows);
    m_quit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
}

void MainWindow::createViewMenu()
{
    m_viewMenu = menuBar()->addMenu(QString());
    // Ctrl+1 … Ctrl+9 go to the built-in pages, in the order of the navigation list; Ctrl+0 to
    // the first page added later (the sync log).
    m_goMenu = m_viewMenu->addMenu(QString());
    for (int row = 0; row < m_nav->count() && row < 9; ++row)
        addGoAction(row);
    m_languageMenu = m_viewMenu->addMenu(QString());
    auto *group = new QActionGroup(this);
    m_langSystem = m_languageMenu->addAction(QString());
    m_langZh = m_languageMenu->addAction(QStringLiteral("中文"));
    m_langEn = m_languageMenu->addAction(QStringLiteral("English"));
    m_langSystem->setData(QStringLiteral("system"));
    m_langZh->setData(QStringLiteral("zh_CN"));
    m_langEn->setData(QStringLiteral("en"));
    for (QAction *a : {m_langSystem, m_langZh, m_langEn}) {
        a->setCheckable(true);
        group->addAction(a);
        if (m_languages && a->data().toString() == m_languages->current())
            a->setChecked(true);
        connect(a, &QAction::triggered, this, [this, a] { switchLanguage(a->data().toString()); });
    }
}

void MainWindow::switchLanguage(const QString &code)
{
    if (!m_languages)
        return;
    m_languages->apply(code);
    LanguageManager::saveChoice(code);
}

QListWidgetItem *MainWindow::addPage(QWidget *page, const QIcon &icon)
{
    m_stack->addWidget(page);
    auto *item = new QListWidgetItem(icon, QString());
    m_nav->addItem(item);
    if (m_nav->count() == 10)
        addGoAction(9);
    return item;
}

void MainWindow::reloadBranch()
{
    m_session->reload();
}

const LoadedBranch &MainWindow::branch() const
{
    return m_session->branch();
}

void MainWindow::setBranch(const LoadedBranch &branch)
{
    m_session->setBranch(branch);
}

void MainWindow::showBranch(const LoadedBranch &branch)
{
    m_export->setStore(branch.store);
    m_export->setBranchName(branch.snapshot ? branch.snapshot->branchName() : QString());
    m_customers->setBranch(branch);
    m_searchBuilder->build(branch.search ? SnapshotPtr() : branch.snapshot);
    m_tiers->setBranch(branch);
    if (!branch.snapshot)
        m_analysis->setBranch(branch); // locked: the scores go with the snapshot
    ensureAnalysis();
    retranslateUi();
    if (branch.snapshot && !m_partsRestored) {
        m_partsRestored = true; // columns exist once the models have a branch
        ViewState::restoreParts(this);
    }
}

bool MainWindow::isSearchReady() const
{
    return m_customers->isSearchReady();
}

void MainWindow::showLockScreen(QWidget *screen)
{
    if (m_root->indexOf(screen) < 0)
        m_root->addWidget(screen);
    m_root->setCurrentWidget(screen);
    menuBar()->setEnabled(false);
    screen->show();
}

void MainWindow::showWorkspace()
{
    m_root->setCurrentIndex(0);
    menuBar()->setEnabled(true);
    focusCurrentPage();
}

bool MainWindow::isLockScreenShown() const
{
    return m_root->currentIndex() != 0;
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QMainWindow::changeEvent(event);
}

void MainWindow::retranslateUi()
{
    setWindowTitle(branch().snapshot ? tr("BranchDesk — %1").arg(branch().snapshot->branchName())
                                     : tr("BranchDesk"));
    m_nav->item(m_stack->indexOf(m_today))->setText(tr("Today"));
    m_nav->item(m_stack->indexOf(m_customers))->setText(tr("Customers"));
    m_nav->item(m_stack->indexOf(m_maturity))->setText(tr("Maturities"));
    m_nav->item(m_stack->indexOf(m_warnings))->setText(tr("Retention & conversion"));
    m_nav->item(m_stack->indexOf(m_events))->setText(tr("Community events"));
    m_nav->item(m_stack->indexOf(m_dashboard))->setText(tr("Dashboard"));
    m_nav->item(m_tiersRow)->setText(tr("Tiers"));
    m_nav->item(m_tiersRow + 1)->setText(tr("Value quadrant"));
    m_nav->item(m_tiersRow + 2)->setText(tr("Lists"));
    retranslateMenus();
    if (const BranchSnapshot *s = branch().snapshot.get()) {
        // A branch set up from a file may have no code.
        const QString branch = s->branchCode().isEmpty() || s->branchCode() == s->branchName()
                                   ? s->branchName()
                                   : tr("%1 (%2)", "branch name (branch code)").arg(s->branchName(), s->branchCode());
        m_status->setText(tr("%1 · %2 customers · %3 holdings · encrypted store")
                              .arg(branch, QLocale().toString(s->customerCount()), QLocale().toString(s->holdingCount())));
    } else {
        m_status->clear();
    }
}

void MainWindow::retranslateMenus()
{
    m_fileMenu->setTitle(tr("&File"));
    m_signInMenu->fill(branch());
    m_find->setText(tr("&Find customer"));
    m_logContact->setText(tr("&Log contact…"));
    m_quit->setText(tr("&Quit"));
    m_exportAction->setText(tr("&Export list…"));
    m_callSheetAction->setText(tr("&Print call sheet…"));
    m_importAction->setText(tr("&Import customers…"));
    m_lock->setText(tr("&Lock"));
    m_changePassphrase->setText(tr("Change &passphrase…"));
    m_viewMenu->setTitle(tr("&View"));
    m_languageMenu->setTitle(tr("&Language"));
    m_langSystem->setText(tr("Follow the system"));
    if (m_languages) {
        for (QAction *a : {m_langSystem, m_langZh, m_langEn})
            a->setChecked(a->data().toString() == m_languages->current());
    }
    m_goMenu->setTitle(tr("&Go to"));
    for (int row = 0; row < m_goActions.size(); ++row)
        m_goActions.at(row)->setText(m_nav->item(row)->text());
    m_helpMenu->retranslateUi();
}

QString MainWindow::aboutText() const
{
    return m_helpMenu->aboutText();
}

bool MainWindow::showPage(const QString &key)
{
    QWidget *page = key == QLatin1String("today")         ? static_cast<QWidget *>(m_today)
                    : key == QLatin1String("maturity")    ? static_cast<QWidget *>(m_maturity)
                    : key == QLatin1String("retention")   ? static_cast<QWidget *>(m_warnings)
                    : key == QLatin1String("events")      ? static_cast<QWidget *>(m_events)
                    : key == QLatin1String("customers") ? static_cast<QWidget *>(m_customers)
                    : key == QLatin1String("tiers")   ? static_cast<QWidget *>(m_tiers)
                    : key == QLatin1String("quadrant") ? static_cast<QWidget *>(m_quadrant)
                    : key == QLatin1String("lists")    ? static_cast<QWidget *>(m_lists)
                    : key == QLatin1String("dashboard") ? static_cast<QWidget *>(m_dashboard)
                                                       : nullptr;
    if (!page)
        return false;
    m_nav->setCurrentRow(m_stack->indexOf(page));
    return true;
}

void MainWindow::ensureAnalysis()
{
    QWidget *current = m_stack->currentWidget();
    if (current != m_quadrant && current != m_lists)
        return;
    const LoadedBranch &open = branch();
    if (open.snapshot && m_analysis->branch().snapshot != open.snapshot)
        m_analysis->setBranch(open);
}

QWidget *MainWindow::currentPage() const
{
    return m_stack->currentWidget();
}

void MainWindow::exportCurrentPage()
{
    const QListWidgetItem *item = m_nav->currentItem();
    m_export->exportView(ExportController::mainViewOf(currentPage()), item ? item->text() : windowTitle());
}

void MainWindow::printCallSheet()
{
    // The call sheet is the Today page's rows: one sheet per RM it shows.
    m_export->printCallSheet(*m_today->model());
}

void MainWindow::importCustomers()
{
    if (!m_session->store().isValid())
        return;
    // Window-modal without a nested event loop; the wizard deletes itself when closed.
    auto *wizard = new ImportWizard(m_session->store(), m_workspace->actingStaffId(), m_session->day(), this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    connect(wizard, &ImportWizard::imported, this, &MainWindow::setBranch);
    wizard->open();
}

void MainWindow::filterToRm(int staffIndex)
{
    // Every page's RM filter holds the staff index as its data; the Today page's view is the manager's.
    const int rm = staffIndex < 0 ? CustomerTableModel::kAllRms : staffIndex;
    QComboBox *customers = m_customers->rmFilter();
    const int at = customers->findData(rm);
    if (at >= 0)
        customers->setCurrentIndex(at);
    m_today->showRm(staffIndex < 0 ? TodayList::kAllRms : staffIndex);
    const int rmFilter = staffIndex < 0 ? RmFilter::kAll : staffIndex;
    m_maturity->showRm(rmFilter);
    m_warnings->showRm(rmFilter);
    statusBar()->showMessage(staffIndex >= 0 && branch().snapshot
                                 ? tr("Showing %1's customers and steps").arg(branch().snapshot->staff()[size_t(staffIndex)].name)
                                 : tr("Showing every RM"),
                             5000);
}
