#include "weekplanmodel.h"

#include "../domain/todaylist.h"

#include <QBrush>
#include <QColor>
#include <QLocale>
#include <algorithm>

WeekPlanModel::WeekPlanModel(QObject *parent) : QAbstractTableModel(parent)
{
}

void WeekPlanModel::setPlans(const TodayModel::Context &context, const std::vector<DayPlan> &plans)
{
    beginResetModel();
    m_context = context;
    m_entries.clear();
    m_later = m_afterWeek = m_overload = 0;
    const QDate weekEnd = context.asOf.addDays(7 - context.asOf.dayOfWeek());
    std::vector<DayPlan::Entry> overload;
    for (const DayPlan &plan : plans) {
        for (const DayPlan::Entry &e : plan.entries()) {
            if (e.slot == DayPlan::Slot::Later) {
                if (e.plannedOn <= weekEnd) {
                    m_entries.push_back(e);
                    ++m_later;
                } else {
                    ++m_afterWeek;
                }
            } else if (e.slot == DayPlan::Slot::Overload) {
                overload.push_back(e);
                ++m_overload;
            }
        }
    }
    std::stable_sort(m_entries.begin(), m_entries.end(), [](const DayPlan::Entry &a, const DayPlan::Entry &b) {
        return a.plannedOn != b.plannedOn ? a.plannedOn < b.plannedOn : TodayList::moreUrgent(a.item, b.item);
    });
    for (DayPlan::Entry &e : overload)
        m_entries.push_back(std::move(e));
    endResetModel();
}

void WeekPlanModel::clear()
{
    beginResetModel();
    m_entries.clear();
    m_later = m_afterWeek = m_overload = 0;
    endResetModel();
}

int WeekPlanModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int WeekPlanModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString WeekPlanModel::dayText(const QDate &d) const
{
    const QLocale locale;
    return locale.language() == QLocale::Chinese ? locale.dayName(d.dayOfWeek(), QLocale::ShortFormat)
                                                       + d.toString(QStringLiteral(" M月d日"))
                                                 : d.toString(QStringLiteral("ddd MM-dd"));
}

QVariant WeekPlanModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || size_t(index.row()) >= m_entries.size() || !m_context.snapshot)
        return {};
    const DayPlan::Entry &e = m_entries[size_t(index.row())];
    const BranchSnapshot &s = *m_context.snapshot;
    const bool over = e.slot == DayPlan::Slot::Overload;
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        const TodayList list(s, m_context.policy, m_context.calendar, m_context.activity, *m_context.roster);
        switch (index.column()) {
        case PlannedOn:
            return over ? tr("No room before the deadline: flagged to the manager") : dayText(e.plannedOn);
        case Customer:
            return s.customer(e.item.customer).name;
        case Task:
            return list.task(e.item);
        case Why:
            return list.why(e.item, m_context.asOf);
        case Deadline:
            return dayText(e.item.deadline);
        }
    }
    if (role == Qt::ForegroundRole && over)
        return QBrush(QColor(0xc6, 0x28, 0x28));
    if (role == RawValueRole) {
        switch (index.column()) {
        case PlannedOn:
            return e.plannedOn.toString(Qt::ISODate);
        case Customer:
            return s.customer(e.item.customer).customerNo;
        case Deadline:
            return e.item.deadline.toString(Qt::ISODate);
        default:
            return data(index, Qt::DisplayRole);
        }
    }
    if (role == SlotRole)
        return int(e.slot);
    if (role == CustomerIndexRole)
        return e.item.customer;
    return {};
}

QVariant WeekPlanModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case PlannedOn:
        return tr("Planned for");
    case Customer:
        return tr("Customer");
    case Task:
        return tr("Step");
    case Why:
        return tr("Why");
    case Deadline:
        return tr("Last day");
    }
    return {};
}
