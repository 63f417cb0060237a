#include "customerpage.h"

#include "assignbar.h"
#include "customer360panel.h"
#include "customerrowmenu.h"
#include "items/customertablemodel.h"

#include <QAction>
#include <QApplication>
#include <QKeyEvent>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

CustomerPage::CustomerPage(QWidget *parent)
    : QWidget(parent)
{
    // In this order: the widgets' creation order is the keyboard's tab order.
    createFilters();
    createTable();
    createPanelAndKeys();
    layOut();
    connectParts();
    retranslateUi();
}

// The search box, the tier and RM filters, the count, the assign and batch buttons.
void CustomerPage::createFilters()
{
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("customerSearch"));
    m_search->setClearButtonEnabled(true);
    m_tierLabel = new QLabel(this);
    m_tier = new QComboBox(this);
    m_tier->setObjectName(QStringLiteral("tierFilter"));
    m_rmLabel = new QLabel(this);
    m_rm = new QComboBox(this);
    m_rm->setObjectName(QStringLiteral("rmFilter"));
    m_rm->setSizeAdjustPolicy(QComboBox::AdjustToContents); // "全部客户经理" whole, not cut
    m_tier->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("customerCount"));
    m_assignBar = new AssignBar(this);
    m_balance = new QPushButton(this);
    m_balance->setObjectName(QStringLiteral("balanceWorkload"));
    m_batchTouch = new QPushButton(this);
    m_batchTouch->setObjectName(QStringLiteral("customerBatchTouch"));

}

void CustomerPage::createTable()
{
    m_model = new CustomerTableModel(this);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("customerTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    // Several rows at once, for the manager's "assign the selection".
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    // Fixed row heights keep a 100k-row view from measuring every row.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSortIndicatorShown(true);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(CustomerTableModel::Aum, Qt::DescendingOrder);
    const int em = m_table->fontMetrics().horizontalAdvance(QLatin1Char('M'));
    const int widths[] = {7 * em, 10 * em, 11 * em, 10 * em, 6 * em, 4 * em};
    for (int c = 0; c < int(sizeof(widths) / sizeof(widths[0])); ++c)
        m_table->horizontalHeader()->resizeSection(c, widths[c]);

}

// The 360 panel (shown a moment after the current row settles) and the keys that reach it.
void CustomerPage::createPanelAndKeys()
{
    m_panel = new Customer360Panel(this);
    m_panelTimer = new QTimer(this);
    m_panelTimer->setSingleShot(true);
    m_panelTimer->setInterval(120);
    connect(m_panelTimer, &QTimer::timeout, this, [this] { m_panel->showCustomer(m_selectedCustomer); });

    // Esc in the search box clears it.
    auto *clearSearch = new QAction(this);
    clearSearch->setShortcut(Qt::Key_Escape);
    clearSearch->setShortcutContext(Qt::WidgetShortcut);
    connect(clearSearch, &QAction::triggered, m_search, &QLineEdit::clear);
    static_cast<QWidget *>(m_search)->addAction(clearSearch);
    // Down or Enter in the search box goes to the results (issue 16).
    m_search->installEventFilter(this);
    connect(m_table, &QTableView::activated, this, &CustomerPage::openPanelOfCurrent);
    // Right-click on a row: log a contact for that customer (also Ctrl+L from the window).
    m_logAction = new QAction(this);
    connect(m_logAction, &QAction::triggered, this, [this] {
        openPanelOfCurrent();
        m_panel->logContact();
    });

}

void CustomerPage::layOut()
{
    auto *filters = new QHBoxLayout;
    filters->addWidget(m_search, 3);
    filters->addWidget(m_tierLabel);
    filters->addWidget(m_tier, 1);
    filters->addWidget(m_rmLabel);
    filters->addWidget(m_rm, 1);
    filters->addWidget(m_count);

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addLayout(filters);
    leftLayout->addWidget(m_table);
    auto *assignRow = new QHBoxLayout;
    assignRow->addWidget(m_assignBar);
    assignRow->addWidget(m_balance);
    assignRow->addWidget(m_batchTouch);
    assignRow->addStretch(2);
    leftLayout->addLayout(assignRow);

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(QStringLiteral("customerSplitter"));
    m_splitter->addWidget(left);
    // The panel scrolls rather than forcing the window taller than a laptop screen.
    auto *panelScroll = m_panelScroll = new QScrollArea(this);
    panelScroll->setObjectName(QStringLiteral("customerPanelScroll"));
    panelScroll->setWidget(m_panel);
    panelScroll->setWidgetResizable(true);
    panelScroll->setFrameShape(QFrame::NoFrame);
    panelScroll->setMinimumWidth(m_panel->minimumWidth() + 20);
    m_splitter->addWidget(panelScroll);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_splitter);

}

void CustomerPage::connectParts()
{
    connect(m_search, &QLineEdit::textChanged, m_model, &CustomerTableModel::setSearchText);
    connect(m_tier, &QComboBox::currentIndexChanged, this,
            [this](int) { m_model->setTierFilter(m_tier->currentData().toInt()); });
    connect(m_rm, &QComboBox::currentIndexChanged, this,
            [this](int) { m_model->setRmFilter(m_rm->currentData().toInt()); });
    connect(m_model, &CustomerTableModel::filterChanged, this, &CustomerPage::updateCount);
    connect(m_model, &QAbstractItemModel::modelReset, this, &CustomerPage::restoreSelection);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &CustomerPage::onCurrentRowChanged);
    // A click on the row that is already current (after a filter) shows it at once.
    connect(m_table, &QTableView::pressed, this, [this](const QModelIndex &index) {
        m_selectedCustomer = m_model->customerAt(index.row());
        m_panelTimer->stop();
        if (m_panel->currentCustomer() != m_selectedCustomer)
            m_panel->showCustomer(m_selectedCustomer);
    });
    connect(m_assignBar, &AssignBar::assignClicked, this, [this](const QString &rm) {
        const QStringList nos = selectedCustomerNos();
        if (!nos.isEmpty())
            emit assignRequested(nos, rm);
    });
    // With one row or none selected, balancing takes every customer shown.
    connect(m_batchTouch, &QPushButton::clicked, this, &CustomerPage::requestBatchTouch);
    connect(m_balance, &QPushButton::clicked, this, [this] {
        const QStringList selected = selectedCustomerNos();
        emit balanceRequested(selected.size() > 1 ? selected : shownCustomerNos());
    });
}

QStringList CustomerPage::selectedCustomerNos() const
{
    QStringList out;
    const BranchSnapshot *s = m_branch.snapshot.get();
    if (!s)
        return out;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows())
        out << m_model->customerNoAt(index.row());
    return out;
}

QStringList CustomerPage::shownCustomerNos() const
{
    QStringList out;
    const BranchSnapshot *s = m_branch.snapshot.get();
    if (!s)
        return out;
    for (int r = 0; r < m_model->rowCount(); ++r)
        out << m_model->customerNoAt(r);
    return out;
}

void CustomerPage::setWorkspace(CadenceWorkspace *workspace)
{
    m_panel->setWorkspace(workspace);
    m_menu = new CustomerRowMenu(m_table, workspace, CustomerTableModel::Name,
                                 CustomerRowMenu::byRole(workspace, CustomerTableModel::CustomerIndexRole,
                                                         [this] { return m_branch.snapshot.get(); }));
    // Its own "Log contact" first: the record then shows in the panel's history.
    m_menu->setLeadingActions({m_logAction});
    m_menu->setLogContactShown(false);
    connect(m_menu, &CustomerRowMenu::open360Requested, this, [this](int) { openPanelOfCurrent(); });
    connect(m_menu, &CustomerRowMenu::batchTouchRequested, this,
            [this](const QStringList &nos) { emit batchTouchRequested(nos, tr("selected customers")); });
}

void CustomerPage::requestBatchTouch()
{
    const QStringList selected = selectedCustomerNos();
    if (selected.size() > 1) {
        emit batchTouchRequested(selected, tr("selected customers"));
        return;
    }
    // The filter as it stands names the batch: "customers 张 · 金卡 · 周经理".
    QStringList parts;
    if (!m_search->text().trimmed().isEmpty())
        parts << m_search->text().trimmed();
    for (QComboBox *box : {m_tier, m_rm}) {
        if (box->currentIndex() > 0)
            parts << box->currentText();
    }
    const QStringList shown = shownCustomerNos();
    if (!shown.isEmpty())
        emit batchTouchRequested(shown, parts.isEmpty() ? tr("all customers")
                                                        : tr("customers %1").arg(parts.join(QStringLiteral(" · "))));
}

void CustomerPage::setBranch(const LoadedBranch &branch)
{
    m_branch = branch;
    m_selectedCustomer = -1;
    m_panel->setBranch(branch);
    m_model->setBranch(branch);
    showSearchState();
    fillFilters();
    // The first customer is shown at once; only filtering defers the panel.
    m_panelTimer->stop();
    m_panel->showCustomer(m_selectedCustomer);
}

void CustomerPage::setSearchIndex(const std::shared_ptr<const CustomerSearchIndex> &index)
{
    if (!index || index->snapshot() != m_branch.snapshot)
        return;
    m_branch.search = index;
    m_model->setSearchIndex(index);
    showSearchState();
}

bool CustomerPage::isSearchReady() const
{
    return m_model->searchReady();
}

void CustomerPage::showSearchState()
{
    m_search->setPlaceholderText(m_model->searchReady()
                                     ? tr("Search: name, pinyin (zs / zhangsan), last 4 of phone or ID, customer no.")
                                     : tr("Preparing search…"));
    updateCount(m_shown, m_total);
}

bool CustomerPage::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_search && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Down || key == Qt::Key_PageDown || key == Qt::Key_Return || key == Qt::Key_Enter) {
            if (m_model->rowCount() == 0)
                return true;
            if (!m_table->currentIndex().isValid())
                m_table->setCurrentIndex(m_model->index(0, 0));
            m_table->setFocus(Qt::OtherFocusReason);
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void CustomerPage::openPanelOfCurrent()
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid())
        return;
    m_selectedCustomer = m_model->customerAt(current.row());
    m_panelTimer->stop();
    if (m_panel->currentCustomer() != m_selectedCustomer)
        m_panel->showCustomer(m_selectedCustomer);
    m_panel->takeFocus();
    if (QWidget *focus = QApplication::focusWidget())
        m_panelScroll->ensureWidgetVisible(focus);
}

void CustomerPage::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void CustomerPage::fillFilters()
{
    const QSignalBlocker blockTier(m_tier);
    const QSignalBlocker blockRm(m_rm);
    const int tier = m_tier->currentData().isValid() ? m_tier->currentData().toInt() : -1;
    const int rm = m_rm->currentData().isValid() ? m_rm->currentData().toInt() : CustomerTableModel::kAllRms;
    m_tier->clear();
    m_tier->addItem(tr("All tiers"), -1);
    m_rm->clear();
    m_rm->addItem(tr("All RMs"), CustomerTableModel::kAllRms);
    m_rm->addItem(tr("Unassigned"), CustomerTableModel::kUnassigned);
    if (const BranchSnapshot *s = m_branch.snapshot.get()) {
        for (int t = s->tierPolicy().count() - 1; t >= 0; --t)
            m_tier->addItem(s->tierPolicy().displayName(t), t);
        for (size_t i = 0; i < s->staff().size(); ++i) {
            if (s->staff()[i].role == Staff::Role::RelationshipManager)
                m_rm->addItem(s->staff()[i].name, int(i));
        }
    }
    const BranchSnapshot *snap = m_branch.snapshot.get();
    m_assignBar->setSnapshot(snap); // the RMs; shown to a manager only
    m_balance->setVisible(snap && snap->scope().seesWholeBranch());
    m_tier->setCurrentIndex(qMax(0, m_tier->findData(tier)));
    m_rm->setCurrentIndex(qMax(0, m_rm->findData(rm)));
}

void CustomerPage::updateCount(int shown, int total)
{
    m_shown = shown;
    m_total = total;
    const QLocale locale;
    if (!m_model->searchReady() && !m_search->text().trimmed().isEmpty()) {
        // What was typed is not applied yet: say so rather than show an unfiltered count as a result.
        m_count->setText(tr("%1 customers; preparing search…").arg(locale.toString(total)));
        return;
    }
    m_count->setText(tr("%1 of %2 customers").arg(locale.toString(shown), locale.toString(total)));
}

void CustomerPage::onCurrentRowChanged()
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    if (!current.isValid() || m_restoring)
        return;
    m_selectedCustomer = m_model->customerAt(current.row());
    m_panelTimer->stop();
    m_panel->showCustomer(m_selectedCustomer);
}

void CustomerPage::restoreSelection()
{
    // A filter resets the model. Keep the customer the user was looking at when
    // it is still listed; otherwise show the first match, or nobody.
    int row = m_selectedCustomer >= 0 ? m_model->rowOfCustomer(m_selectedCustomer) : -1;
    if (row < 0 && m_model->rowCount() > 0)
        row = 0;
    if (row < 0) {
        m_selectedCustomer = -1;
        m_panelTimer->stop();
        m_panel->showCustomer(-1);
        return;
    }
    m_restoring = true;
    m_table->selectionModel()->setCurrentIndex(m_model->index(row, 0),
                                               QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_restoring = false;
    // The panel follows a moment later, so a fast typist's keystrokes only
    // pay for the list and the panel is drawn once for the last one.
    m_selectedCustomer = m_model->customerAt(row);
    if (m_selectedCustomer != m_panel->currentCustomer())
        m_panelTimer->start();
}

void CustomerPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        fillFilters();
        m_model->retranslate();
    }
    QWidget::changeEvent(event);
}

void CustomerPage::retranslateUi()
{
    m_tierLabel->setText(tr("Tier:"));
    m_logAction->setText(tr("Log contact…"));
    m_rmLabel->setText(tr("RM:"));
    m_balance->setText(tr("Balance by workload"));
    m_batchTouch->setText(tr("Batch touch…"));
    m_batchTouch->setToolTip(tr("Log one SMS, WeChat, WeCom or mobile-banking push against the selected customers "
                                "(or, with one row selected, every customer the filter shows)"));
    m_balance->setToolTip(tr("Spread the selected (or all shown) customers over the RMs so that open steps are even, "
                             "keeping current owners where possible"));
    showSearchState();
}

QComboBox *CustomerPage::assignTarget() const
{
    return m_assignBar->target();
}

QPushButton *CustomerPage::assignButton() const
{
    return m_assignBar->button();
}
