#include "managerloadmodel.h"

#include <QColor>
#include <QLocale>

ManagerLoadModel::ManagerLoadModel(QObject *parent) : QAbstractTableModel(parent)
{
}

void ManagerLoadModel::setPlans(const SnapshotPtr &snapshot, const std::vector<DayPlan> &plans)
{
    beginResetModel();
    m_snapshot = snapshot;
    m_days = plans.empty() ? std::vector<QDate>{} : plans.front().days();
    m_rows.clear();
    for (const DayPlan &p : plans) {
        Row r;
        r.staff = p.staffIndex;
        for (const QDate &d : m_days) {
            r.planned.push_back(p.plannedOn(d));
            r.capacity.push_back(p.capacityOn(d));
        }
        r.overload = p.count(DayPlan::Slot::Overload);
        m_rows.push_back(std::move(r));
    }
    endResetModel();
}

int ManagerLoadModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ManagerLoadModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() || m_rows.empty() ? 0 : 2 + int(m_days.size());
}

QVariant ManagerLoadModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || size_t(index.row()) >= m_rows.size() || !m_snapshot)
        return {};
    const Row &r = m_rows[size_t(index.row())];
    const int col = index.column();
    if (role == StaffIndexRole)
        return r.staff;
    if (col == 0) {
        if (role == Qt::DisplayRole && r.staff >= 0)
            return m_snapshot->staff()[size_t(r.staff)].name;
        return {};
    }
    if (col == overloadColumn()) {
        if (role == Qt::DisplayRole || role == PlannedRole)
            return r.overload;
        if (role == Qt::ForegroundRole && r.overload > 0)
            return QColor(0xc6, 0x28, 0x28);
        return {};
    }
    const size_t day = size_t(col - 1);
    if (day >= r.planned.size())
        return {};
    switch (role) {
    case Qt::DisplayRole:
        return QStringLiteral("%1/%2").arg(r.planned[day]).arg(r.capacity[day]);
    case PlannedRole:
        return r.planned[day];
    case CapacityRole:
        return r.capacity[day];
    case Qt::BackgroundRole:
        if (r.capacity[day] > 0 && r.planned[day] >= r.capacity[day])
            return QColor(0xff, 0xec, 0xb3);
        break;
    default:
        break;
    }
    return {};
}

QVariant ManagerLoadModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    if (section == 0)
        return tr("RM");
    if (section == overloadColumn())
        return tr("Cannot fit");
    const size_t day = size_t(section - 1);
    if (day >= m_days.size())
        return {};
    const QLocale l;
    return l.language() == QLocale::Chinese ? m_days[day].toString(QStringLiteral("M月d日"))
                                            : m_days[day].toString(QStringLiteral("MM-dd"));
}
