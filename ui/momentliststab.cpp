#include "momentliststab.h"

#include "session/analysiscontroller.h"
#include "domain/momentlists.h"
#include "session/cadenceworkspace.h"
#include "items/customerlistmodel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

MomentListsTab::MomentListsTab(AnalysisController *analysis, QWidget *parent)
    : QWidget(parent), m_analysis(analysis)
{
    m_kindLabel = new QLabel(this);
    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("momentKind"));
    for (auto k : {CustomerList::Kind::NewCustomer, CustomerList::Kind::LossRecovery, CustomerList::Kind::Moment})
        m_kind->addItem(QString(), int(k));
    m_count = new QLabel(this);
    m_freeze = new QPushButton(this);
    m_freeze->setObjectName(QStringLiteral("freezeMoment"));
    m_model = new CustomerListModel(this);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("momentTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSortingEnabled(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    for (int c : {CustomerListModel::TargetTier, CustomerListModel::Gap, CustomerListModel::Projected,
                  CustomerListModel::Potential, CustomerListModel::Current})
        m_table->hideColumn(c);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_kindLabel);
    bar->addWidget(m_kind);
    bar->addWidget(m_count, 1);
    bar->addWidget(m_freeze);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_table, 1);

    connect(m_kind, &QComboBox::currentIndexChanged, this, &MomentListsTab::rebuild);
    connect(m_freeze, &QPushButton::clicked, this, [this] {
        if (m_model->rowCount() > 0)
            emit freezeRequested(m_model->shownList());
    });
    retranslateUi();
}

void MomentListsTab::setWorkspace(CadenceWorkspace *workspace)
{
    m_workspace = workspace;
    connect(workspace, &CadenceWorkspace::ready, this, &MomentListsTab::rebuild);
}

int MomentListsTab::rowCount() const
{
    return m_model->rowCount();
}

void MomentListsTab::clear()
{
    m_model->clear();
    retranslateUi();
}

void MomentListsTab::rebuild()
{
    const LoadedBranch &branch = m_analysis->branch();
    if (!branch.snapshot) {
        clear();
        return;
    }
    const BranchSnapshot &s = *branch.snapshot;
    // The workspace's log only when it is of this snapshot (it reloads on its own thread).
    const ActivityLog *activity =
        m_workspace && m_workspace->isReady() && m_workspace->snapshot() == &s ? &m_workspace->activity() : nullptr;
    const QDate asOf = s.asOf();
    const MomentRules rules = m_workspace ? m_workspace->policy().moments : MomentRules();
    CustomerList list;
    switch (CustomerList::Kind(m_kind->currentData().toInt())) {
    case CustomerList::Kind::NewCustomer:
        list = MomentLists::newCustomers(s, activity, rules, asOf);
        break;
    case CustomerList::Kind::LossRecovery:
        list = MomentLists::lossRecovery(s, rules, asOf);
        break;
    default:
        list = MomentLists::moments(s, activity, rules, asOf);
        break;
    }
    m_model->setList(branch.snapshot, m_analysis->scores(), std::move(list));
    m_table->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    retranslateUi();
}

void MomentListsTab::retranslateUi()
{
    m_kindLabel->setText(tr("List:"));
    for (int i = 0; i < m_kind->count(); ++i)
        m_kind->setItemText(i, CustomerList::kindName(CustomerList::Kind(m_kind->itemData(i).toInt())));
    m_count->setText(tr("%n customer(s), each with the reason to call now", nullptr, m_model->rowCount()));
    m_freeze->setText(tr("Freeze as campaign list…"));
    m_model->retranslate();
}
