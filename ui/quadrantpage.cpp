#include "quadrantpage.h"

#include "session/analysiscontroller.h"
#include "customer360panel.h"
#include "customerrowmenu.h"
#include "items/customerlistmodel.h"
#include "domain/moneyformat.h"
#include "quadrantplot.h"
#include "valuepolicydialog.h"

#include <QComboBox>
#include <QEvent>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTabWidget>
#include <QItemSelectionModel>
#include <QTableView>
#include <QVBoxLayout>
#include <algorithm>

QuadrantPage::QuadrantPage(AnalysisController *analysis, QWidget *parent)
    : QWidget(parent), m_analysis(analysis)
{
    setObjectName(QStringLiteral("quadrantPage"));
    // In this order: the widgets' creation order is the keyboard's tab order.
    QWidget *left = createPlotSide();
    QGridLayout *grid = createQuadrantBoxes();
    createSelectionTabs();
    layOut(left, grid);
    connectParts();
    retranslateUi();
    if (m_analysis->scores())
        onScoresReady();
}

// The plot with its scale, cuts and value-policy controls above it.
QWidget *QuadrantPage::createPlotSide()
{
    m_plot = new QuadrantPlot(this);
    m_plot->setMinimumSize(480, 420);
    m_scaleLabel = new QLabel(this);
    m_scale = new QComboBox(this);
    m_scale->setObjectName(QStringLiteral("quadrantScale"));
    m_scale->addItem(QString(), false);
    m_scale->addItem(QString(), true);
    m_resetCuts = new QPushButton(this);
    m_resetCuts->setObjectName(QStringLiteral("resetCuts"));
    m_policy = new QPushButton(this);
    m_policy->setObjectName(QStringLiteral("editValuePolicy"));
    m_cutsLabel = new QLabel(this);
    m_cutsLabel->setObjectName(QStringLiteral("cutsLabel"));
    m_hint = new QLabel(this);
    m_hint->setWordWrap(true);
    m_hint->setStyleSheet(QStringLiteral("color: #666"));

    auto *controls = new QHBoxLayout;
    controls->addWidget(m_scaleLabel);
    controls->addWidget(m_scale);
    controls->addWidget(m_resetCuts);
    controls->addWidget(m_policy);
    controls->addStretch(1);
    controls->addWidget(m_cutsLabel);

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addLayout(controls);
    leftLayout->addWidget(m_plot, 1);
    leftLayout->addWidget(m_hint);
    m_unscored = new QLabel(this);
    m_unscored->setObjectName(QStringLiteral("quadrantUnscored"));
    m_unscored->setWordWrap(true);
    leftLayout->addWidget(m_unscored);

    return left;
}

// The four quadrants as in DOMAIN.md's picture: A top left, B top right, D bottom left, C bottom right.
QGridLayout *QuadrantPage::createQuadrantBoxes()
{
    auto *grid = new QGridLayout;
    const int row[] = {0, 0, 1, 1};
    const int col[] = {0, 1, 1, 0};
    for (int q = 0; q < Quadrant::kCount; ++q) {
        auto *box = new QGroupBox(this);
        auto *boxLayout = new QVBoxLayout(box);
        auto *summary = new QLabel(box);
        summary->setObjectName(QStringLiteral("quadrantSummary%1").arg(Quadrant::letter(Quadrant::Id(q))));
        auto *profile = new QLabel(box);
        profile->setWordWrap(true);
        profile->setStyleSheet(QStringLiteral("color: #555"));
        auto *list = new QPushButton(box);
        list->setObjectName(QStringLiteral("listQuadrant%1").arg(Quadrant::letter(Quadrant::Id(q))));
        boxLayout->addWidget(summary);
        boxLayout->addWidget(profile, 1);
        boxLayout->addWidget(list, 0, Qt::AlignLeft);
        connect(list, &QPushButton::clicked, this, [this, q] { listQuadrant(Quadrant::Id(q)); });
        grid->addWidget(box, row[q], col[q]);
        m_boxes[size_t(q)] = box;
        m_summary[size_t(q)] = summary;
        m_profile[size_t(q)] = profile;
        m_listButtons[size_t(q)] = list;
    }

    return grid;
}

// The customers listed from a quadrant or a rectangle, and the 360 of one, in two tabs.
void QuadrantPage::createSelectionTabs()
{
    m_selection = new CustomerListModel(this);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("quadrantSelection"));
    m_table->setModel(m_selection);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSortingEnabled(true);
    m_table->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder); // the list's own order first
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->horizontalHeader()->setStretchLastSection(true);
    for (int c : {CustomerListModel::TargetTier, CustomerListModel::Gap, CustomerListModel::Projected})
        m_table->hideColumn(c);
    m_selectionCount = new QLabel(this);
    m_selectionCount->setObjectName(QStringLiteral("selectionCount"));
    m_freeze = new QPushButton(this);
    m_freeze->setObjectName(QStringLiteral("freezeSelection"));
    m_freeze->setEnabled(false);
    auto *selectionPage = new QWidget(this);
    auto *selectionLayout = new QVBoxLayout(selectionPage);
    auto *selectionBar = new QHBoxLayout;
    selectionBar->addWidget(m_selectionCount, 1);
    selectionBar->addWidget(m_freeze);
    m_batchTouch = new QPushButton(this);
    m_batchTouch->setObjectName(QStringLiteral("quadrantBatchTouch"));
    m_batchTouch->setEnabled(false);
    selectionBar->addWidget(m_batchTouch);
    selectionLayout->addLayout(selectionBar);
    selectionLayout->addWidget(m_table, 1);

    m_panel = new Customer360Panel(this);
    m_tabs = new QTabWidget(this);
    m_tabs->addTab(selectionPage, QString());
    // The 360 scrolls inside its tab: unwrapped, it made the window taller than a laptop (issue 16).
    auto *panelScroll = new QScrollArea(this);
    panelScroll->setObjectName(QStringLiteral("quadrantPanelScroll"));
    panelScroll->setWidget(m_panel);
    panelScroll->setWidgetResizable(true);
    panelScroll->setFrameShape(QFrame::NoFrame);
    m_tabs->addTab(panelScroll, QString());

}

void QuadrantPage::layOut(QWidget *left, QGridLayout *grid)
{
    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addLayout(grid);
    rightLayout->addWidget(m_tabs, 1);

    auto *splitter = new QSplitter(Qt::Horizontal, this);

    splitter->setObjectName(QStringLiteral("quadrantSplitter")); // its sizes are kept across restarts
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter);

}

void QuadrantPage::connectParts()
{
    connect(m_analysis, &AnalysisController::scoresReady, this, &QuadrantPage::onScoresReady);
    connect(m_plot, &QuadrantPlot::cutsChanged, this, &QuadrantPage::updateSummary);
    connect(m_plot, &QuadrantPlot::rectangleSelected, this,
            [this](const std::vector<int> &customers) { showSelection(customers, false, Quadrant::A); });
    connect(m_plot, &QuadrantPlot::customerClicked, this, [this](int customer) {
        m_panel->showCustomer(customer);
        m_tabs->setCurrentIndex(1); // the 360, in its scroll area
    });
    connect(m_scale, &QComboBox::currentIndexChanged, this,
            [this](int) { m_plot->setLogScale(m_scale->currentData().toBool()); });
    connect(m_resetCuts, &QPushButton::clicked, this, [this] {
        if (m_analysis->scores()) {
            m_plot->setCuts(Quadrant::defaultCuts(*m_analysis->scores()));
            updateSummary();
        }
    });
    connect(m_policy, &QPushButton::clicked, this, &QuadrantPage::editPolicy);
    connect(m_freeze, &QPushButton::clicked, this, &QuadrantPage::askFreeze);
    connect(m_batchTouch, &QPushButton::clicked, this, [this] {
        const QStringList nos = listedCustomerNos();
        if (!nos.isEmpty())
            emit batchTouchRequested(nos, CustomerList::kindName(m_selection->list().kind));
    });
    connect(m_table, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        m_panel->showCustomer(m_selection->customerAt(index.row()));
        m_tabs->setCurrentIndex(1); // the 360, in its scroll area
    });
}

void QuadrantPage::onScoresReady()
{
    const LoadedBranch &branch = m_analysis->branch();
    m_panel->setBranch(branch);
    m_plot->setScores(branch.snapshot, m_analysis->scores());
    m_selection->clear();
    m_freeze->setEnabled(false);
    m_batchTouch->setEnabled(false);
    updateSummary();
    retranslateUi();
}

void QuadrantPage::updateSummary()
{
    const auto scores = m_analysis->scores();
    const BranchSnapshot *snapshot = m_analysis->branch().snapshot.get();
    if (!scores || !snapshot)
        return;
    m_lastSummary = Quadrant::summarize(*snapshot, *scores, m_plot->cuts());
    const QLocale locale;
    const int total = std::max(1, scores->scoredCount());
    for (int q = 0; q < Quadrant::kCount; ++q) {
        const int n = m_lastSummary.customers[size_t(q)];
        m_summary[size_t(q)]->setText(tr("%1 customers (%2%) · AUM %3")
                                          .arg(locale.toString(n), locale.toString(100.0 * n / total, 'f', 1),
                                               MoneyFormat::readable(m_lastSummary.aumFen[size_t(q)])));
        // Every sentence on a card is computed from what the card shows (seed 001's portrait is
        // the guide's; here it would be a claim the branch's data may not bear out).
        const auto id = Quadrant::Id(q);
        m_profile[size_t(q)]->setText(Quadrant::profileSentence(m_lastSummary, id) + QLatin1Char('\n')
                                      + tr("Strategy: %1").arg(Quadrant::strategy(id)));
    }
    const int firstOut = scores->firstUnscoredTier();
    m_unscored->setVisible(firstOut >= 0);
    if (firstOut >= 0) {
        m_unscored->setText(tr("Not on the quadrant: %n customer(s) at %1 and above (AUM %2), served by the "
                               "VIP retention list. The quadrant's population is set by the value policy.",
                               nullptr, m_lastSummary.unscored)
                                .arg(snapshot->tierPolicy().displayName(firstOut),
                                     MoneyFormat::readable(m_lastSummary.unscoredAumFen)));
    }
    m_cutsLabel->setText(tr("Cuts: current %1 · potential %2")
                             .arg(locale.toString(m_plot->cuts().current, 'f', 1),
                                  locale.toString(m_plot->cuts().potential, 'f', 1)));
}

void QuadrantPage::listQuadrant(Quadrant::Id q)
{
    if (!m_analysis->scores())
        return;
    showSelection(Quadrant::members(*m_analysis->scores(), m_plot->cuts(), q), true, q);
}

void QuadrantPage::showSelection(const std::vector<int> &customers, bool wholeQuadrant, Quadrant::Id q)
{
    const LoadedBranch &branch = m_analysis->branch();
    if (!branch.snapshot)
        return;
    const Quadrant::Cuts cuts = m_plot->cuts();
    const QString criteria = wholeQuadrant
                                 ? QStringLiteral("quadrant=%1;cut_current=%2;cut_potential=%3")
                                       .arg(Quadrant::letter(q)).arg(cuts.current, 0, 'f', 2).arg(cuts.potential, 0, 'f', 2)
                                 : QStringLiteral("rectangle;cut_current=%1;cut_potential=%2")
                                       .arg(cuts.current, 0, 'f', 2).arg(cuts.potential, 0, 'f', 2);
    m_selection->setList(branch.snapshot, m_analysis->scores(),
                         CustomerList::selection(*branch.snapshot, customers,
                                                 wholeQuadrant ? CustomerList::Kind::Quadrant : CustomerList::Kind::Selection,
                                                 criteria));
    m_table->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_plot->setHighlighted(wholeQuadrant ? std::vector<int>() : customers);
    m_freeze->setEnabled(!customers.empty());
    m_batchTouch->setEnabled(!customers.empty());
    m_tabs->setCurrentIndex(0);
    retranslateUi();
}

void QuadrantPage::setWorkspace(CadenceWorkspace *workspace)
{
    m_panel->setWorkspace(workspace);
    m_menu = new CustomerRowMenu(m_table, workspace, CustomerListModel::Name,
                                 CustomerRowMenu::byRole(workspace, CustomerListModel::CustomerIndexRole,
                                                         [this] { return m_analysis->branch().snapshot.get(); }));
    connect(m_menu, &CustomerRowMenu::open360Requested, this, [this](int) {
        const QModelIndex current = m_table->currentIndex();
        if (!current.isValid())
            return;
        m_panel->showCustomer(m_selection->customerAt(current.row()));
        m_tabs->setCurrentIndex(1);
    });
    connect(m_menu, &CustomerRowMenu::batchTouchRequested, this, [this](const QStringList &nos) {
        emit batchTouchRequested(nos, CustomerList::kindName(m_selection->list().kind));
    });
}

QStringList QuadrantPage::listedCustomerNos() const
{
    QStringList out;
    const BranchSnapshot *s = m_analysis->branch().snapshot.get();
    if (!s)
        return out;
    // Several rows selected: those; otherwise the whole rectangle or quadrant listed.
    QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.size() > 1) {
        std::sort(rows.begin(), rows.end(), [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
        for (const QModelIndex &index : rows)
            out << s->customer(m_selection->customerAt(index.row())).customerNo;
        return out;
    }
    for (int r = 0; r < m_selection->rowCount(); ++r)
        out << s->customer(m_selection->customerAt(r)).customerNo;
    return out;
}

void QuadrantPage::freezeSelection(const QString &name)
{
    const LoadedBranch &branch = m_analysis->branch();
    if (!branch.snapshot || m_selection->rowCount() == 0 || name.trimmed().isEmpty())
        return;
    m_analysis->freezeCampaign(CampaignList::freeze(name.trimmed(), m_selection->shownList(), *branch.snapshot,
                                                    m_analysis->scores().get()));
}

void QuadrantPage::askFreeze()
{
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Freeze as campaign list"),
                                               tr("Name of the campaign list (%n customer(s), baseline today):", nullptr,
                                                  m_selection->rowCount()),
                                               QLineEdit::Normal, QString(), &ok);
    if (ok)
        freezeSelection(name);
}

void QuadrantPage::editPolicy()
{
    ValuePolicyDialog dialog(m_analysis->policy(), this);
    dialog.setInForce(PolicyVersions::describe(m_analysis->policyVersions().value));
    if (dialog.exec() == QDialog::Accepted)
        m_analysis->applyPolicy(dialog.policy());
}

void QuadrantPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        m_plot->retranslate();
        m_selection->retranslate();
        updateSummary();
    }
    QWidget::changeEvent(event);
}

void QuadrantPage::retranslateUi()
{
    m_scaleLabel->setText(tr("Scale:"));
    m_scale->setItemText(0, tr("Linear"));
    m_scale->setItemText(1, tr("Logarithmic"));
    m_resetCuts->setText(tr("Cuts at the medians"));
    m_policy->setText(tr("Weights…"));
    m_hint->setText(tr("Drag a dashed line to move a cut; drag a rectangle to list the customers in it; "
                       "click a dot for the customer's 360 view."));
    for (int q = 0; q < Quadrant::kCount; ++q) {
        const auto id = Quadrant::Id(q);
        m_boxes[size_t(q)]->setTitle(QStringLiteral("%1 · %2").arg(Quadrant::letter(id), Quadrant::name(id)));
        m_listButtons[size_t(q)]->setText(tr("List these customers"));
    }
    m_tabs->setTabText(0, tr("List (%1)").arg(QLocale().toString(m_selection->rowCount())));
    m_tabs->setTabText(1, tr("Customer 360"));
    m_freeze->setText(tr("Freeze as campaign list…"));
    m_batchTouch->setText(tr("Batch touch…"));
    m_batchTouch->setToolTip(tr("Log one SMS, WeChat, WeCom or mobile-banking push against the customers listed "
                                "(or the rows selected); those who refused marketing are skipped"));
    const CustomerList &list = m_selection->list();
    m_selectionCount->setText(m_selection->rowCount() == 0
                                  ? tr("Drag a rectangle on the chart or list a quadrant.")
                                  : tr("%1: %n customer(s)", nullptr, m_selection->rowCount())
                                        .arg(CustomerList::kindName(list.kind)));
}
