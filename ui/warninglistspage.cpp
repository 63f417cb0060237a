#include "warninglistspage.h"

#include "customer360dialog.h"
#include "customerrowmenu.h"
#include "session/cadenceworkspace.h"
#include "items/payrollmodel.h"
#include "items/warninglistmodel.h"
#include "domain/rmfilter.h"
#include "rmfiltercombo.h"
#include "assignbar.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QSignalBlocker>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

WarningListsPage::WarningListsPage(CadenceWorkspace *workspace, QWidget *parent)
    : QWidget(parent), m_ws(workspace)
{
    setObjectName(QStringLiteral("warningListsPage"));
    m_tabs = new QTabWidget(this);
    m_retention = new WarningListModel(this);
    m_conversion = new WarningListModel(this);
    m_payroll = new PayrollModel(this);

    buildTabs();
    m_rmBox = new QWidget(m_tabs);
    m_rmLabel = new QLabel(m_rmBox);
    m_rm = new RmFilterCombo(m_rmBox);
    m_rmLabel->setBuddy(m_rm);
    auto *rmLayout = new QHBoxLayout(m_rmBox);
    rmLayout->setContentsMargins(0, 0, 4, 2);
    rmLayout->addWidget(m_rmLabel);
    rmLayout->addWidget(m_rm);
    m_tabs->setCornerWidget(m_rmBox, Qt::TopRightCorner);
    connect(m_rm, &RmFilterCombo::rmChanged, this, [this](int) { rebuild(); });
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int) { updateRmBox(); });
    m_assign = new AssignBar(this);
    connect(m_assign, &AssignBar::assignClicked, this, [this](const QString &rm) {
        const QStringList nos = selectedCustomerNos();
        if (!nos.isEmpty())
            emit assignRequested(nos, rm);
    });
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs);
    layout->addWidget(m_assign);
    for (QTableView *t : {m_retentionTable, m_conversionTable}) {
        t->horizontalHeader()->setSectionResizeMode(WarningListModel::Reason, QHeaderView::Stretch);
    }
    connect(m_ws, &CadenceWorkspace::ready, this, &WarningListsPage::rebuild);
    const auto snapshot = [this] { return m_ws->branch().snapshot.get(); };
    QTableView *tables[2] = {m_retentionTable, m_conversionTable};
    for (int tab = 0; tab < 2; ++tab) {
        m_menus[tab] = new CustomerRowMenu(tables[tab], workspace, WarningListModel::Customer,
                                           CustomerRowMenu::byRole(workspace, WarningListModel::CustomerIndexRole, snapshot));
        connect(m_menus[tab], &CustomerRowMenu::open360Requested, this, &WarningListsPage::open360);
        connect(m_menus[tab], &CustomerRowMenu::batchTouchRequested, this, [this](const QStringList &nos) {
            emit batchTouchRequested(nos, m_tabs->tabText(m_tabs->currentIndex()));
        });
    }
    retranslateUi();
}

void WarningListsPage::buildTabs()
{
    m_tabs->addTab(buildTab(&m_coverage, &m_retentionTable, QStringLiteral("retentionTable"), m_retention), QString());
    m_coverage->setObjectName(QStringLiteral("triangleCoverage"));
    m_coverage->setTextFormat(Qt::RichText);
    m_tabs->addTab(buildTab(&m_conversionNote, &m_conversionTable, QStringLiteral("conversionTable"), m_conversion),
                   QString());
    m_tabs->addTab(buildTab(&m_payrollNote, &m_payrollTable, QStringLiteral("payrollTable"), m_payroll), QString());
}

QWidget *WarningListsPage::buildTab(QLabel **note, QTableView **table, const QString &tableName,
                                    QAbstractItemModel *model)
{
    auto *tab = new QWidget(this);
    *note = new QLabel(tab);
    (*note)->setWordWrap(true);
    *table = makeTable(tableName);
    (*table)->setModel(model);
    auto *layout = new QVBoxLayout(tab);
    layout->addWidget(*note);
    layout->addWidget(*table, 1);
    return tab;
}

Customer360Dialog *WarningListsPage::open360(int customer)
{
    return Customer360Dialog::open(&m_360, m_ws, this, customer);
}

QTableView *WarningListsPage::makeTable(const QString &name)
{
    auto *t = new QTableView(this);
    t->setObjectName(name);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setAlternatingRowColors(true);
    t->setWordWrap(false);
    t->verticalHeader()->hide();
    t->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    t->verticalHeader()->setDefaultSectionSize(t->fontMetrics().height() + 8);
    t->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    return t;
}

void WarningListsPage::rebuild()
{
    const BranchSnapshot *s = m_ws->snapshot();
    if (!s)
        return;
    const SnapshotPtr snapshot = m_ws->branch().snapshot;
    {
        // The branch's RMs (a reload may bring new ones); the choice stays when the RM does.
        const QSignalBlocker block(m_rm);
        m_rm->setSnapshot(s);
    }
    updateRmBox();
    const RmFilter rm(m_rm->rm());
    auto retention = RetentionList::build(*s, m_ws->policy());
    auto conversion = ConversionList::build(*s, m_ws->policy(), m_ws->today());
    if (!rm.isAll()) {
        std::erase_if(retention, [&](const RetentionList::Member &m) { return !rm.keeps(*s, m.customer); });
        std::erase_if(conversion, [&](const ConversionList::Member &m) { return !rm.keeps(*s, m.customer); });
    }
    m_retention->setRetention(snapshot, m_ws->policy(), std::move(retention));
    m_conversion->setConversion(snapshot, m_ws->policy(), std::move(conversion));
    m_payroll->setEmployers(snapshot, PayrollList::build(*s));
    retranslateUi();
}

void WarningListsPage::showRm(int rm)
{
    m_rm->setRm(rm); // rebuilds through rmChanged when it changes
}

void WarningListsPage::updateRmBox()
{
    // Payroll is by employer: neither narrowed to an RM nor assigned from here.
    const BranchSnapshot *s = m_ws->snapshot();
    const bool manager = !s || s->scope().seesWholeBranch();
    m_rmBox->setVisible(manager && m_tabs->currentIndex() != 2);
    m_assign->setSnapshot(s);
    if (m_tabs->currentIndex() == 2)
        m_assign->hide();
}

QStringList WarningListsPage::selectedCustomerNos() const
{
    const BranchSnapshot *s = m_ws->snapshot();
    const int tab = m_tabs->currentIndex();
    if (!s || tab > 1)
        return {};
    QTableView *table = tab == 0 ? m_retentionTable : m_conversionTable;
    WarningListModel *model = tab == 0 ? m_retention : m_conversion;
    QStringList nos;
    for (const QModelIndex &row : table->selectionModel()->selectedRows())
        nos << s->customer(model->customerAt(row.row())).customerNo;
    return nos;
}

QString WarningListsPage::coverageText() const
{
    return m_coverage->text();
}

void WarningListsPage::updateCoverage()
{
    const BranchSnapshot *s = m_ws->snapshot();
    if (!s) {
        m_coverage->clear();
        return;
    }
    const CadencePolicy &p = m_ws->policy();
    const RetentionList::Coverage cov = RetentionList::coverage(*s, p);
    const QLocale locale;
    QString html = tr("<b>Four triangles</b> over %1 VIP-and-above customers (a triangle is covered with %2 or more "
                      "items):")
                       .arg(locale.toString(cov.customers))
                       .arg(p.triangleItems);
    html += QStringLiteral(" ");
    QStringList parts;
    for (int t = 0; t < RetentionList::TriangleCount; ++t) {
        const double rate = 100.0 * cov.rate(t);
        const int target = p.triangleTargetsPct[size_t(t)];
        parts << tr("%1 <span style='color:%2'>%3%</span> (target %4%)")
                     .arg(RetentionList::triangleName(t), rate >= target ? QStringLiteral("#2e7d32") : QStringLiteral("#c62828"),
                          locale.toString(rate, 'f', 1))
                     .arg(target);
    }
    html += parts.join(QStringLiteral(" · "));
    html += QStringLiteral("<br>")
            + tr("On the warning list: AUM down more than %1% against the 3-month average, a tier lost, or fewer than "
                 "%2 triangles covered. Each runs a 4+1 retention cycle.")
                  .arg(p.retentionFallPct)
                  .arg(p.retentionMinTriangles);
    m_coverage->setText(html);
}

void WarningListsPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        m_retention->retranslate();
        m_conversion->retranslate();
        m_payroll->retranslate();
    }
    QWidget::changeEvent(event);
}

void WarningListsPage::retranslateUi()
{
    const QLocale locale;
    m_rmLabel->setText(tr("&RM:"));
    m_tabs->setTabText(0, tr("VIP retention (%1)").arg(locale.toString(m_retention->rowCount())));
    m_tabs->setTabText(1, tr("Cross-line conversion (%1)").arg(locale.toString(m_conversion->rowCount())));
    m_tabs->setTabText(2, tr("Payroll by employer (%1)").arg(locale.toString(m_payroll->rowCount())));
    m_conversionNote->setText(tr("Corporate executives, customers with a personal loan opened in the last %1 days and "
                                 "active credit-card holders who hold no deposits or wealth products here (only a "
                                 "settlement account under %2). Members with an RM run a 4+1 cycle.")
                                  .arg(m_ws->policy().conversionNewLoanDays)
                                  .arg(locale.toString(double(m_ws->policy().conversionMaxRetailFen) / 100.0, 'f', 0)));
    m_payrollNote->setText(tr("Payroll (代发) customers by employer. The extract has no salary credits yet, so the "
                              "share kept is last month's average balance against the month before's; events (the "
                              "\"three gifts\"), not individual cadences, work this list."));
    updateCoverage();
}
