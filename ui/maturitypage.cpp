#include "maturitypage.h"

#include "customer360dialog.h"
#include "customerrowmenu.h"
#include "maturityoutcomedialog.h"
#include "rmfiltercombo.h"
#include "treeplace.h"
#include "assignbar.h"
#include "domain/moneyformat.h"
#include "session/cadenceworkspace.h"
#include "items/maturitymodel.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QTreeView>
#include <QVBoxLayout>

MaturityPage::MaturityPage(CadenceWorkspace *workspace, QWidget *parent)
    : QWidget(parent), m_ws(workspace)
{
    setObjectName(QStringLiteral("maturityPage"));
    m_aheadLabel = new QLabel(this);
    m_ahead = new QSpinBox(this);
    m_ahead->setObjectName(QStringLiteral("maturityAhead"));
    m_ahead->setRange(1, 366);
    m_ahead->setValue(workspace->policy().maturityWindowDays);
    m_backLabel = new QLabel(this);
    m_back = new QSpinBox(this);
    m_back->setObjectName(QStringLiteral("maturityBack"));
    m_back->setRange(0, 366);
    m_back->setValue(workspace->policy().maturityLookbackDays);
    m_rmLabel = new QLabel(this);
    m_rm = new RmFilterCombo(this);
    m_rmLabel->setBuddy(m_rm);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("maturitySummary"));
    m_conversion = new QLabel(this);
    m_conversion->setObjectName(QStringLiteral("maturityConversion"));
    m_conversion->setWordWrap(true);
    QFont bold = m_conversion->font();
    bold.setBold(true);
    m_conversion->setFont(bold);

    buildTree();

    m_mark = new QPushButton(this);
    m_mark->setObjectName(QStringLiteral("markOutcome"));
    m_mark->setEnabled(false);
    connect(m_mark, &QPushButton::clicked, this, &MaturityPage::markSelected);
    buildLayout();
    connectSignals();
    retranslateUi();
}

void MaturityPage::buildTree()
{
    m_model = new MaturityModel(this);
    m_tree = new QTreeView(this);
    m_tree->setObjectName(QStringLiteral("maturityTree"));
    m_tree->setModel(m_model);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tree->setSelectionMode(QAbstractItemView::ExtendedSelection); // several, to assign them
    m_tree->header()->setSectionResizeMode(QHeaderView::Interactive);
    const int em = m_tree->fontMetrics().horizontalAdvance(QLatin1Char('M'));
    const int widths[MaturityModel::ColumnCount] = {16 * em, 5 * em, 7 * em, 6 * em, 6 * em, 6 * em, 14 * em, 7 * em, 7 * em};
    for (int c = 0; c < MaturityModel::ColumnCount; ++c)
        m_tree->header()->resizeSection(c, widths[c]);
}

void MaturityPage::buildLayout()
{
    auto *top = new QHBoxLayout;
    top->addWidget(m_aheadLabel);
    top->addWidget(m_ahead);
    top->addSpacing(12);
    top->addWidget(m_backLabel);
    top->addWidget(m_back);
    top->addSpacing(12);
    top->addWidget(m_rmLabel);
    top->addWidget(m_rm);
    top->addStretch(1);
    top->addWidget(m_summary);
    m_assign = new AssignBar(this);
    connect(m_assign, &AssignBar::assignClicked, this, [this](const QString &rm) {
        const QStringList nos = selectedCustomerNos();
        if (!nos.isEmpty())
            emit assignRequested(nos, rm);
    });
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_mark);
    bottom->addSpacing(24);
    bottom->addWidget(m_assign);
    bottom->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_conversion);
    layout->addWidget(m_tree, 1);
    layout->addLayout(bottom);
}

void MaturityPage::connectSignals()
{
    connect(m_ahead, &QSpinBox::valueChanged, this, [this](int) { rebuild(); });
    connect(m_back, &QSpinBox::valueChanged, this, [this](int) { rebuild(); });
    connect(m_rm, &RmFilterCombo::rmChanged, this, [this](int) { rebuild(); });
    connect(m_ws, &CadenceWorkspace::ready, this, &MaturityPage::rebuild);
    connect(m_ws, &CadenceWorkspace::activityChanged, this, [this](int) {
        if (isVisible())
            rebuild();
        else
            m_stale = true;
    });
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this, &MaturityPage::onCurrentChanged);
    // Product rows name a customer (group rows give -1, so no menu there).
    m_menu = new CustomerRowMenu(m_tree, m_ws, MaturityModel::Customer,
                                 CustomerRowMenu::byRole(m_ws, MaturityModel::CustomerIndexRole,
                                                         [this] { return m_ws->branch().snapshot.get(); }));
    connect(m_menu, &CustomerRowMenu::open360Requested, this, &MaturityPage::open360);
    connect(m_menu, &CustomerRowMenu::batchTouchRequested, this,
            [this](const QStringList &nos) { emit batchTouchRequested(nos, tr("maturing products")); });
}

Customer360Dialog *MaturityPage::open360(int customer)
{
    return Customer360Dialog::open(&m_360, m_ws, this, customer);
}

void MaturityPage::showEvent(QShowEvent *event)
{
    if (m_stale)
        rebuild();
    QWidget::showEvent(event);
}

void MaturityPage::rebuild()
{
    m_stale = false;
    const BranchSnapshot *s = m_ws->snapshot();
    if (!s || !m_ws->isReady())
        return;
    {
        // The branch's RMs (a reload may bring new ones); the choice stays when the RM does.
        const QSignalBlocker block(m_rm);
        m_rm->setSnapshot(s);
        const bool manager = s->scope().seesWholeBranch();
        m_rmLabel->setVisible(manager);
        m_rm->setVisible(manager);
        m_assign->setSnapshot(s);
    }
    const QDate today = m_ws->today();
    MaturityList list = MaturityList::build(*s, m_ws->policy(), m_ws->activity(), today.addDays(-m_back->value()),
                                            today.addDays(m_ahead->value()), today, RmFilter(m_rm->rm()));
    // A contact or a refusal logged from a row rebuilds the list: the reader keeps their place.
    const bool shown = m_model->rowCount() > 0;
    const TreePlace place = TreePlace::of(m_tree);
    m_model->setList(m_ws->branch().snapshot, std::move(list));
    if (shown) {
        place.restore(m_tree);
    } else {
        for (int r = 0; r < m_model->rowCount(); ++r)
            m_tree->setExpanded(m_model->index(r, 0), true);
    }
    updateSummary();
    onCurrentChanged();
}

QStringList MaturityPage::selectedCustomerNos() const
{
    const BranchSnapshot *s = m_ws->snapshot();
    QStringList nos;
    if (!s)
        return nos;
    for (const QModelIndex &row : m_tree->selectionModel()->selectedRows()) {
        // Product rows only: a date or product-type group row names no customer.
        const MaturityList::Entry *e = m_model->entryAt(row);
        if (e && !nos.contains(s->customer(e->customer).customerNo))
            nos << s->customer(e->customer).customerNo;
    }
    return nos;
}

void MaturityPage::showRm(int rm)
{
    m_rm->setRm(rm); // rebuilds through rmChanged when it changes
}

QString MaturityPage::summaryText() const
{
    return m_summary->text() + QLatin1Char('\n') + m_conversion->text();
}

void MaturityPage::updateSummary()
{
    const MaturityList &list = m_model->list();
    const QLocale locale;
    qint64 ahead = 0;
    int aheadCount = 0;
    for (const MaturityList::Entry &e : list.entries()) {
        if (e.maturity > list.asOf()) {
            ++aheadCount;
            ahead += e.amountFen;
        }
    }
    m_summary->setText(tr("%1 products maturing, %2").arg(locale.toString(aheadCount), MoneyFormat::readable(ahead)));
    const MaturityList::Conversion c = list.conversion();
    const int target = m_ws->policy().conversionTargetPct;
    if (c.matured == 0) {
        m_conversion->setText(tr("Conversion: nothing matured in the last %n day(s) yet (target %1%).", nullptr,
                                 m_back->value())
                                  .arg(target));
        return;
    }
    const auto pct = [&](double share) { return locale.toString(100.0 * share, 'f', 1) + QLatin1Char('%'); };
    // Retained in the bank (a demand deposit included) and converted into a product, apart (issue 18).
    m_conversion->setText(
        tr("Conversion of %1 matured products (%2): %3 with a known outcome; retained in the bank %4 by count and %5 "
           "by amount, target %6%; converted into a product %7 by count and %8 by amount.")
            .arg(locale.toString(c.matured), MoneyFormat::readable(c.maturedFen), locale.toString(c.known),
                 pct(c.retainedByCount()), pct(c.retainedByAmount()))
            .arg(target)
            .arg(pct(c.convertedByCount()), pct(c.convertedByAmount())));
    const bool met = c.known > 0 && c.retainedByCount() * 100.0 >= target && c.retainedByAmount() * 100.0 >= target;
    m_conversion->setStyleSheet(met ? QStringLiteral("color:#2e7d32") : QStringLiteral("color:#c62828"));
}

void MaturityPage::onCurrentChanged()
{
    const MaturityList::Entry *e = m_model->entryAt(m_tree->currentIndex());
    m_mark->setEnabled(e && e->maturity <= m_model->list().asOf());
}

void MaturityPage::markSelected()
{
    const MaturityList::Entry *e = m_model->entryAt(m_tree->currentIndex());
    const BranchSnapshot *s = m_ws->snapshot();
    if (!e || !s)
        return;
    const Holding &h = s->holdings()[size_t(e->holding)];
    const QString customerNo = s->customer(e->customer).customerNo;
    auto *dialog = new MaturityOutcomeDialog(tr("%1 · %2").arg(s->customer(e->customer).name, h.productName),
                                             h.amountFen, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const QString holdingId = h.holdingId;
    connect(dialog, &QDialog::accepted, this, [this, dialog, holdingId, customerNo] {
        MaturityOutcome o;
        o.holdingId = holdingId;
        o.customerNo = customerNo;
        o.kind = dialog->kind();
        o.keptFen = dialog->keptFen();
        o.note = dialog->note();
        o.staffId = m_ws->actingStaffId();
        m_ws->markOutcome(o);
    });
    dialog->open();
}

void MaturityPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        m_model->retranslate();
        updateSummary();
    }
    QWidget::changeEvent(event);
}

void MaturityPage::retranslateUi()
{
    m_aheadLabel->setText(tr("Maturing in the next"));
    m_ahead->setSuffix(tr(" days"));
    m_backLabel->setText(tr("and matured in the last"));
    m_rmLabel->setText(tr("&RM:"));
    m_back->setSuffix(tr(" days"));
    m_mark->setText(tr("Mark outcome…"));
}
