#include "listspage.h"

#include "momentliststab.h"
#include "customer360dialog.h"
#include "customerrowmenu.h"
#include "listimportdialog.h"
#include "session/cadenceworkspace.h"

#include "session/analysiscontroller.h"
#include "domain/dateformat.h"
#include "domain/lowefficiencylist.h"
#include "domain/moneyformat.h"
#include "domain/thresholdlist.h"
#include "items/campaignprogressmodel.h"
#include "items/customerlistmodel.h"

#include <QComboBox>
#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>
#include <algorithm>

ListsPage::ListsPage(AnalysisController *analysis, QWidget *parent)
    : QWidget(parent), m_analysis(analysis)
{
    setObjectName(QStringLiteral("listsPage"));
    m_tabs = new QTabWidget(this);
    createThresholdTab();
    createLowEfficiencyTab();
    createCampaignTab();
    createMomentsTab();
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs);
    connectLists();
    connectCampaignButtons();
    fillCombos();
    retranslateUi();
    if (m_analysis->scores())
        onScoresReady();
}

void ListsPage::createThresholdTab()
{
    m_threshold = new CustomerListModel(this);
    m_bandLabel = new QLabel(this);
    m_band = new QComboBox(this);
    m_band->setObjectName(QStringLiteral("thresholdBand"));
    m_thresholdCount = new QLabel(this);
    m_freezeThreshold = new QPushButton(this);
    m_freezeThreshold->setObjectName(QStringLiteral("freezeThreshold"));
    m_thresholdTable = makeTable(m_threshold, QStringLiteral("thresholdTable"));
    auto *thresholdPage = new QWidget(this);
    auto *thresholdLayout = new QVBoxLayout(thresholdPage);
    auto *thresholdBar = new QHBoxLayout;
    thresholdBar->addWidget(m_bandLabel);
    thresholdBar->addWidget(m_band);
    thresholdBar->addWidget(m_thresholdCount, 1);
    thresholdBar->addWidget(m_freezeThreshold);
    thresholdLayout->addLayout(thresholdBar);
    thresholdLayout->addWidget(m_thresholdTable, 1);
    m_tabs->addTab(thresholdPage, QString());

}

void ListsPage::createLowEfficiencyTab()
{
    m_low = new CustomerListModel(this);
    m_lineLabel = new QLabel(this);
    m_line = new QComboBox(this);
    m_line->setObjectName(QStringLiteral("lowEfficiencyLine"));
    m_line->addItem(QString(), false);
    m_line->addItem(QString(), true);
    m_lowCount = new QLabel(this);
    m_freezeLow = new QPushButton(this);
    m_freezeLow->setObjectName(QStringLiteral("freezeLowEfficiency"));
    m_lowTable = makeTable(m_low, QStringLiteral("lowEfficiencyTable"));
    m_lowTable->hideColumn(CustomerListModel::Projected);
    auto *lowPage = new QWidget(this);
    auto *lowLayout = new QVBoxLayout(lowPage);
    auto *lowBar = new QHBoxLayout;
    lowBar->addWidget(m_lineLabel);
    lowBar->addWidget(m_line);
    lowBar->addWidget(m_lowCount, 1);
    lowBar->addWidget(m_freezeLow);
    lowLayout->addLayout(lowBar);
    lowLayout->addWidget(m_lowTable, 1);
    m_tabs->addTab(lowPage, QString());

}

void ListsPage::createCampaignTab()
{
    m_campaign = new CampaignProgressModel(this);
    m_campaignLabel = new QLabel(this);
    m_campaigns = new QComboBox(this);
    m_campaigns->setObjectName(QStringLiteral("campaignList"));
    m_campaigns->setMinimumContentsLength(24);
    m_movementLabel = new QLabel(this);
    m_movement = new QComboBox(this);
    m_movement->setObjectName(QStringLiteral("campaignMovement"));
    for (auto f : {CampaignProgressModel::Filter::All, CampaignProgressModel::Filter::Reached,
                   CampaignProgressModel::Filter::Upgraded, CampaignProgressModel::Filter::Downgraded,
                   CampaignProgressModel::Filter::Gone})
        m_movement->addItem(QString(), int(f));
    m_deleteCampaign = new QPushButton(this);
    m_deleteCampaign->setObjectName(QStringLiteral("deleteCampaign"));
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("campaignSummary"));
    m_summary->setWordWrap(true);
    m_campaignTable = makeTable(m_campaign, QStringLiteral("campaignTable"));
    auto *campaignPage = new QWidget(this);
    auto *campaignLayout = new QVBoxLayout(campaignPage);
    auto *campaignBar = new QHBoxLayout;
    campaignBar->addWidget(m_campaignLabel);
    campaignBar->addWidget(m_campaigns, 1);
    campaignBar->addWidget(m_movementLabel);
    campaignBar->addWidget(m_movement);
    campaignBar->addWidget(m_deleteCampaign);
    m_balanceList = new QPushButton(this);
    m_balanceList->setObjectName(QStringLiteral("balanceList"));
    campaignBar->addWidget(m_balanceList);
    m_issueList = new QPushButton(this);
    m_issueList->setObjectName(QStringLiteral("issueList"));
    campaignBar->addWidget(m_issueList);
    m_batchTouch = new QPushButton(this);
    m_batchTouch->setObjectName(QStringLiteral("batchTouch"));
    campaignBar->addWidget(m_batchTouch);
    m_importList = new QPushButton(this);
    m_importList->setObjectName(QStringLiteral("importList"));
    campaignBar->addWidget(m_importList);
    campaignLayout->addLayout(campaignBar);
    campaignLayout->addWidget(m_summary);
    campaignLayout->addWidget(m_campaignTable, 1);
    m_tabs->addTab(campaignPage, QString());

}

// New customers, loss recovery, moments of truth (issue 18)
void ListsPage::createMomentsTab()
{
    m_moments = new MomentListsTab(m_analysis, this);
    m_tabs->addTab(m_moments, QString());
    connect(m_moments, &MomentListsTab::freezeRequested, this, [this](const CustomerList &list) {
        const LoadedBranch &branch = m_analysis->branch();
        const QString name = askListName(int(list.members.size()));
        if (!name.isEmpty() && branch.snapshot)
            m_analysis->freezeCampaign(CampaignList::freeze(name, list, *branch.snapshot, m_analysis->scores().get()));
    });

}

void ListsPage::connectLists()
{
    connect(m_analysis, &AnalysisController::scoresReady, this, &ListsPage::onScoresReady);
    connect(m_analysis, &AnalysisController::campaignsChanged, this, &ListsPage::onCampaignsChanged);
    connect(m_band, &QComboBox::currentIndexChanged, this, &ListsPage::rebuildThreshold);
    connect(m_line, &QComboBox::currentIndexChanged, this, &ListsPage::rebuildLowEfficiency);
    connect(m_campaigns, &QComboBox::currentIndexChanged, this, &ListsPage::showCampaign);
    connect(m_movement, &QComboBox::currentIndexChanged, this, [this](int) {
        m_campaign->setFilter(CampaignProgressModel::Filter(m_movement->currentData().toInt()));
    });
    connect(m_freezeThreshold, &QPushButton::clicked, this, [this] { askFreeze(m_threshold); });
    connect(m_freezeLow, &QPushButton::clicked, this, [this] { askFreeze(m_low); });
    connect(m_deleteCampaign, &QPushButton::clicked, this, [this] {
        const qint64 id = m_campaigns->currentData().toLongLong();
        if (id <= 0)
            return;
        if (QMessageBox::question(this, tr("Delete campaign list"),
                                  tr("Delete the campaign list \"%1\"? Its baseline cannot be rebuilt later.")
                                      .arg(m_campaigns->currentText()))
            == QMessageBox::Yes)
            m_analysis->deleteCampaign(id);
    });
}

// Balance, issue, batch touch and import act on the campaign list shown.
void ListsPage::connectCampaignButtons()
{
    connect(m_balanceList, &QPushButton::clicked, this, [this] {
        const QStringList nos = shownCampaignCustomers();
        if (!nos.isEmpty())
            emit balanceRequested(nos);
    });
    connect(m_issueList, &QPushButton::clicked, this, [this] {
        const BranchSnapshot *s = m_analysis->branch().snapshot.get();
        const qint64 id = m_campaigns->currentData().toLongLong();
        const auto &lists = m_analysis->campaigns();
        const auto it = std::find_if(lists.begin(), lists.end(), [id](const CampaignList &l) { return l.id == id; });
        if (!s || it == lists.end())
            return;
        QStringList nos;
        for (const CampaignList::Member &m : it->members) {
            if (s->indexOfCustomer(m.customerNo) >= 0)
                nos << m.customerNo;
        }
        if (!nos.isEmpty())
            emit issueRequested(it->name, CustomerList::kindKey(it->kind), nos);
    });
    connect(m_batchTouch, &QPushButton::clicked, this, [this] {
        const QStringList nos = shownCampaignCustomers();
        if (!nos.isEmpty())
            emit batchTouchRequested(nos, m_campaign->campaign().name);
    });
    connect(m_importList, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Import a name list"), QString(),
                                                          tr("Name lists (*.xlsx *.csv)"));
        if (!path.isEmpty())
            importList(path);
    });
}

ListImportDialog *ListsPage::importList(const QString &path)
{
    const SnapshotPtr snap = m_analysis->branch().snapshot;
    if (!snap)
        return nullptr;
    auto *dialog = new ListImportDialog(snap, path, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, snap] {
        // Matched against this snapshot: frozen only while it is the one shown.
        if (m_analysis->branch().snapshot == snap)
            m_analysis->freezeCampaign(CampaignList::freeze(dialog->listName(), dialog->result().list, *snap,
                                                            m_analysis->scores().get()));
    });
    dialog->open();
    return dialog;
}

QTableView *ListsPage::makeTable(QAbstractItemModel *model, const QString &name)
{
    auto *table = new QTableView(this);
    table->setObjectName(name);
    table->setModel(model);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    // Several rows for one batch touch from the context menu.
    table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSortingEnabled(true);
    table->setWordWrap(false);
    table->verticalHeader()->hide();
    table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 8);
    table->horizontalHeader()->setStretchLastSection(true);
    // The list's own order (closest to the line, or highest potential) until a header is clicked.
    table->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    return table;
}

void ListsPage::onScoresReady()
{
    if (!m_analysis->branch().snapshot) {
        // Locked (issue 8): let go of every customer.
        m_threshold->clear();
        m_low->clear();
        m_campaign->clear();
        m_moments->clear();
        return;
    }
    fillCombos();
    rebuildThreshold();
    rebuildLowEfficiency();
    m_moments->rebuild();
    showCampaign();
}

void ListsPage::fillCombos()
{
    const QSignalBlocker block(m_band);
    const int band = m_band->currentIndex();
    m_band->clear();
    m_band->addItem(tr("All bands"), -1);
    const BranchSnapshot *s = m_analysis->branch().snapshot.get();
    const ValuePolicy &policy = m_analysis->policy();
    if (s) {
        for (int b = 0; b < policy.thresholdBands().size(); ++b) {
            const ValuePolicy::ThresholdBand &tb = policy.thresholdBands().at(b);
            const int tier = s->tierPolicy().indexOfId(tb.tierId);
            if (tier < 0)
                continue;
            m_band->addItem(tr("%1 to under %2 → %3")
                                .arg(MoneyFormat::readable(tb.fromFen), MoneyFormat::readable(s->tierPolicy().tier(tier).minFen),
                                     s->tierPolicy().displayName(tier)),
                            b);
        }
    }
    m_band->setCurrentIndex(qBound(0, band, m_band->count() - 1));
    m_line->setItemText(0, tr("AUM under %1").arg(MoneyFormat::readable(policy.lowEfficiencyLineFen())));
    m_line->setItemText(1, tr("AUM under %1 (widened)").arg(MoneyFormat::readable(policy.wideLowEfficiencyLineFen())));
}

void ListsPage::rebuildThreshold()
{
    const LoadedBranch &branch = m_analysis->branch();
    if (!branch.snapshot || !m_analysis->scores())
        return;
    m_threshold->setList(branch.snapshot, m_analysis->scores(),
                         ThresholdList::build(*branch.snapshot, m_analysis->policy(), m_band->currentData().toInt()));
    m_thresholdTable->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    retranslateUi();
}

void ListsPage::rebuildLowEfficiency()
{
    const LoadedBranch &branch = m_analysis->branch();
    if (!branch.snapshot || !m_analysis->scores())
        return;
    m_low->setList(branch.snapshot, m_analysis->scores(),
                   LowEfficiencyList::build(*branch.snapshot, *m_analysis->scores(), m_line->currentData().toBool()));
    m_lowTable->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    retranslateUi();
}

void ListsPage::onCampaignsChanged()
{
    const qint64 current = m_campaigns->currentData().toLongLong();
    // A list just frozen comes first (newest); otherwise keep the one shown.
    const bool grew = m_analysis->campaigns().size() > size_t(m_campaigns->count());
    {
        const QSignalBlocker block(m_campaigns);
        m_campaigns->clear();
        for (const CampaignList &c : m_analysis->campaigns())
            m_campaigns->addItem(QStringLiteral("%1 · %2 · %3").arg(c.name, DateFormat::date(c.frozenOn),
                                                                      CustomerList::kindName(c.kind)),
                                 c.id);
        const int keep = grew ? 0 : m_campaigns->findData(current);
        m_campaigns->setCurrentIndex(keep >= 0 ? keep : 0);
    }
    showCampaign();
}

void ListsPage::showCampaign()
{
    const qint64 id = m_campaigns->currentData().toLongLong();
    const CampaignList *found = nullptr;
    for (const CampaignList &c : m_analysis->campaigns()) {
        if (c.id == id)
            found = &c;
    }
    if (!found || !m_analysis->branch().snapshot) {
        m_campaign->clear();
    } else {
        m_campaign->setCampaign(m_analysis->branch().snapshot, *found);
    }
    m_deleteCampaign->setEnabled(found != nullptr);
    retranslateUi();
}

QStringList ListsPage::shownCampaignCustomers() const
{
    QStringList nos;
    const BranchSnapshot *s = m_analysis->branch().snapshot.get();
    if (!s)
        return nos;
    for (int r = 0; r < m_campaign->rowCount(); ++r) {
        const int c = m_campaign->index(r, 0).data(CampaignProgressModel::CustomerIndexRole).toInt();
        if (c >= 0)
            nos << s->customer(c).customerNo;
    }
    return nos;
}

void ListsPage::setWorkspace(CadenceWorkspace *workspace)
{
    m_ws = workspace;
    m_moments->setWorkspace(workspace);
    connect(workspace, &CadenceWorkspace::ready, this, &ListsPage::retranslateUi);
    // Every table shows customers of the analysis' snapshot; the menu maps them to the workspace's.
    const auto snapshot = [this] { return m_analysis->branch().snapshot.get(); };
    const std::pair<QTableView *, int> tables[] = {{m_thresholdTable, CustomerListModel::CustomerIndexRole},
                                                   {m_lowTable, CustomerListModel::CustomerIndexRole},
                                                   {m_campaignTable, CampaignProgressModel::CustomerIndexRole},
                                                   {m_moments->table(), CustomerListModel::CustomerIndexRole}};
    for (const auto &[table, role] : tables) {
        auto *menu = new CustomerRowMenu(table, workspace, 0, CustomerRowMenu::byRole(workspace, role, snapshot));
        connect(menu, &CustomerRowMenu::open360Requested, this, &ListsPage::open360);
        connect(menu, &CustomerRowMenu::batchTouchRequested, this, [this](const QStringList &nos) {
            emit batchTouchRequested(nos, m_tabs->tabText(m_tabs->currentIndex()));
        });
        m_menus << menu;
    }
}

Customer360Dialog *ListsPage::open360(int customer)
{
    if (!m_ws)
        return nullptr;
    return Customer360Dialog::open(&m_360, m_ws, this, customer);
}

QString ListsPage::askListName(int customers)
{
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Freeze as campaign list"),
                                               tr("Name of the campaign list (%n customer(s), baseline today):", nullptr,
                                                  customers),
                                               QLineEdit::Normal, QString(), &ok);
    return ok ? name.trimmed() : QString();
}

void ListsPage::askFreeze(CustomerListModel *model)
{
    if (model->rowCount() == 0)
        return;
    const QString name = askListName(model->rowCount());
    if (name.isEmpty())
        return;
    if (model == m_threshold)
        freezeThreshold(name);
    else
        freezeLowEfficiency(name);
}

void ListsPage::freezeThreshold(const QString &name)
{
    const LoadedBranch &branch = m_analysis->branch();
    if (branch.snapshot && m_threshold->rowCount() > 0)
        m_analysis->freezeCampaign(CampaignList::freeze(name.trimmed(), m_threshold->shownList(), *branch.snapshot,
                                                        m_analysis->scores().get()));
}

void ListsPage::freezeLowEfficiency(const QString &name)
{
    const LoadedBranch &branch = m_analysis->branch();
    if (branch.snapshot && m_low->rowCount() > 0)
        m_analysis->freezeCampaign(CampaignList::freeze(name.trimmed(), m_low->shownList(), *branch.snapshot,
                                                        m_analysis->scores().get()));
}

void ListsPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        fillCombos();
        retranslateUi();
        m_threshold->retranslate();
        m_low->retranslate();
        m_campaign->retranslate();
        onCampaignsChanged();
    }
    QWidget::changeEvent(event);
}

void ListsPage::retranslateUi()
{
    const QLocale locale;
    m_tabs->setTabText(0, tr("Threshold customers (%1)").arg(locale.toString(m_threshold->rowCount())));
    m_tabs->setTabText(1, tr("Low-efficiency customers (%1)").arg(locale.toString(m_low->rowCount())));
    m_tabs->setTabText(2, tr("Campaign lists (%1)").arg(locale.toString(qsizetype(m_analysis->campaigns().size()))));
    m_tabs->setTabText(3, tr("New customers and moments (%1)").arg(locale.toString(m_moments->rowCount())));
    m_moments->retranslateUi();
    m_balanceList->setText(tr("Balance this list over the RMs"));
    m_balanceList->setToolTip(tr("Give the list's customers to RMs so that open steps are even, keeping current owners "
                                 "where possible"));
    const BranchSnapshot *snap = m_analysis->branch().snapshot.get();
    m_balanceList->setVisible(snap && snap->scope().seesWholeBranch());
    m_issueList->setText(tr("Issue to RMs…"));
    m_issueList->setToolTip(tr("Split the list across RMs and issue it: each RM works their share with 4+1"));
    m_issueList->setVisible(snap && snap->scope().seesWholeBranch());
    m_importList->setText(tr("Import list…"));
    m_importList->setToolTip(tr("A name list from the card, loan or corporate department (.xlsx or .csv): matched by "
                                "customer number, ID number or phone, then frozen here to split and issue"));
    m_batchTouch->setText(tr("Batch touch…"));
    m_batchTouch->setToolTip(tr("Log one SMS, WeChat, WeCom or mobile-banking push against every customer shown"));
    m_bandLabel->setText(tr("Band:"));
    m_thresholdCount->setText(tr("%n customer(s) just under a tier line, closest first", nullptr, m_threshold->rowCount()));
    m_lineLabel->setText(tr("Line:"));
    m_lowCount->setText(tr("%n customer(s), highest potential value first: start activation with them", nullptr,
                           m_low->rowCount()));
    m_freezeThreshold->setText(tr("Freeze as campaign list…"));
    m_freezeLow->setText(tr("Freeze as campaign list…"));
    m_campaignLabel->setText(tr("Campaign list:"));
    m_movementLabel->setText(tr("Show:"));
    const char *filters[] = {QT_TR_NOOP("Everyone"), QT_TR_NOOP("Reached the target tier"), QT_TR_NOOP("Moved up"),
                             QT_TR_NOOP("Moved down"), QT_TR_NOOP("Gone from the data")};
    for (int i = 0; i < m_movement->count() && i < 5; ++i)
        m_movement->setItemText(i, tr(filters[i]));
    m_deleteCampaign->setText(tr("Delete"));
    const CampaignProgress &p = m_campaign->progress();
    if (m_campaign->campaign().members.empty()) {
        m_summary->setText(m_analysis->campaigns().empty()
                               ? tr("No campaign list yet. Freeze the threshold or low-efficiency list, or a quadrant "
                                    "selection, to follow its uplift against today's baseline.")
                               : QString());
        return;
    }
    const double target = m_analysis->policy().upliftTarget();
    m_summary->setText(tr("Frozen on %1 with %2 customers. Reached the target tier: %3, uplift rate %4% "
                          "(target %5%). Since freezing: %6 moved up a tier, %7 moved down, %8 gone from the data.")
                           .arg(DateFormat::date(m_campaign->campaign().frozenOn),
                                locale.toString(p.memberCount()), locale.toString(p.reached()),
                                locale.toString(p.upliftRate() * 100, 'f', 1), locale.toString(target * 100, 'f', 0),
                                locale.toString(p.upgraded()), locale.toString(p.downgraded()), locale.toString(p.gone())));
}
