#include "weekplanview.h"
#include <algorithm>

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QSpinBox>
#include <QTableView>
#include <QVBoxLayout>

WeekPlanView::WeekPlanView(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("weekPlan"));
    m_model = new WeekPlanModel(this);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("weekPlanSummary"));
    m_capacityLabel = new QLabel(this);
    m_capacity = new QSpinBox(this);
    m_capacity->setObjectName(QStringLiteral("dayCapacity"));
    m_capacity->setRange(0, 200);
    m_capacity->setKeyboardTracking(false);
    m_capacityLabel->setBuddy(m_capacity);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("weekPlanTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(WeekPlanModel::Why, QHeaderView::Stretch);
    m_table->setMaximumHeight(m_table->fontMetrics().height() * 10);

    m_load = new ManagerLoadModel(this);
    m_loadTitle = new QLabel(this);
    m_loadTable = new QTableView(this);
    m_loadTable->setObjectName(QStringLiteral("managerLoadTable"));
    m_loadTable->setModel(m_load);
    m_loadTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_loadTable->verticalHeader()->hide();
    m_loadTable->setMaximumHeight(m_loadTable->fontMetrics().height() * 12);
    m_loadTitle->hide();
    m_loadTable->hide();
    connect(m_loadTable, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        emit rmActivated(index.data(ManagerLoadModel::StaffIndexRole).toInt());
    });

    auto *head = new QHBoxLayout;
    head->setContentsMargins(0, 0, 0, 0);
    head->addWidget(m_summary, 1);
    head->addWidget(m_capacityLabel);
    head->addWidget(m_capacity);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addLayout(head);
    layout->addWidget(m_table);
    layout->addWidget(m_loadTitle);
    layout->addWidget(m_loadTable);
    connect(m_capacity, &QSpinBox::valueChanged, this, [this](int v) {
        if (m_cap >= 0 && v != m_cap)
            emit capacityEdited(v);
    });
    retranslateUi();
}

void WeekPlanView::setPlans(const TodayModel::Context &context, const std::vector<DayPlan> &plans, int plannedToday,
                            int capacity)
{
    m_model->setPlans(context, plans);
    m_load->setPlans(context.snapshot, plans);
    m_loadTitle->setVisible(plans.size() > 1);
    m_loadTable->setVisible(plans.size() > 1);
    m_loadTable->resizeColumnsToContents();
    m_planned = plannedToday;
    m_cap = capacity;
    {
        const QSignalBlocker block(m_capacity);
        m_capacity->setValue(std::max(0, capacity));
    }
    m_capacity->setEnabled(capacity >= 0);
    m_capacityLabel->setVisible(capacity >= 0);
    m_capacity->setVisible(capacity >= 0);
    for (int c = 0; c < WeekPlanModel::ColumnCount; ++c) {
        if (c != WeekPlanModel::Why)
            m_table->resizeColumnToContents(c);
    }
    retranslateUi();
}

QString WeekPlanView::summaryText() const
{
    const QLocale l;
    QString text = m_cap >= 0 ? tr("Today's plan %1 of %2").arg(l.toString(m_planned), l.toString(m_cap))
                              : tr("Today's plan %1").arg(l.toString(m_planned));
    text += tr(" · later this week %1").arg(l.toString(m_model->laterThisWeek()));
    if (m_model->afterThisWeek() > 0)
        text += tr(" · next week %1").arg(l.toString(m_model->afterThisWeek()));
    if (m_model->overload() > 0)
        text += tr(" · %1 cannot fit before their deadline (flagged to the manager)").arg(l.toString(m_model->overload()));
    return text;
}

void WeekPlanView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void WeekPlanView::retranslateUi()
{
    m_summary->setText(summaryText());
    m_capacityLabel->setText(tr("My capacity today:"));
    m_loadTitle->setText(tr("Load against capacity, next working days (double-click an RM to see their day)"));
    m_capacity->setToolTip(tr("Contacts you can make today; the plan moves the rest to later days."));
}
