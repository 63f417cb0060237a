#include "rmtablemodel.h"

#include <QLocale>

RmTableModel::RmTableModel(QObject *parent) : QAbstractTableModel(parent) {}

void RmTableModel::setMetrics(const SnapshotPtr &snapshot, const CampaignMetrics &metrics)
{
    beginResetModel();
    m_snapshot = snapshot;
    m_metrics = metrics;
    m_rows = metrics.ranking();
    endResetModel();
}

int RmTableModel::rowOfStaff(int staffIndex) const
{
    for (size_t r = 0; r < m_rows.size(); ++r) {
        if (m_rows[r] == staffIndex)
            return int(r);
    }
    return -1;
}

int RmTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RmTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RmTableModel::raw(int row, int column) const
{
    const int staff = m_rows[size_t(row)];
    const CampaignMetrics::Figures &f = m_metrics.rm(staff);
    switch (column) {
    case Rank: return m_metrics.rankOf(staff);
    case Rm: return m_snapshot ? m_snapshot->staff()[size_t(staff)].staffId : QString();
    case Customers: return f.customers;
    case ThresholdList: return f.thresholdMembers;
    case FourPlusOne: return f.fourPlusOne;
    case Maturing: return f.maturing;
    case StepsDue: return f.stepsDue;
    case OnTime: return f.onTime;
    case Late: return f.late;
    case Missed: return f.missed;
    case OnTimeRate: return f.discipline();
    case Conversions: return f.conversions;
    default: return {};
    }
}

QVariant RmTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const int staff = m_rows[size_t(index.row())];
    if (role == StaffIndexRole)
        return staff;
    if (role == RawValueRole)
        return raw(index.row(), index.column());
    if (role == Qt::TextAlignmentRole)
        return index.column() == Rm ? int(Qt::AlignLeft | Qt::AlignVCenter) : int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    const QLocale locale;
    if (index.column() == Rm && m_snapshot) {
        const Staff &s = m_snapshot->staff()[size_t(staff)];
        return QStringLiteral("%1 (%2)").arg(s.name, s.staffId);
    }
    if (index.column() == OnTimeRate) {
        const CampaignMetrics::Figures &f = m_metrics.rm(staff);
        return f.onTime + f.late + f.missed ? locale.toString(f.discipline() * 100, 'f', 1) + QLatin1Char('%')
                                            : QStringLiteral("—");
    }
    return locale.toString(raw(index.row(), index.column()).toInt());
}

QVariant RmTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Rank: return tr("Rank");
    case Rm: return tr("RM");
    case Customers: return tr("Customers");
    case ThresholdList: return tr("Threshold list");
    case FourPlusOne: return tr("On 4+1");
    case Maturing: return tr("Maturing");
    case StepsDue: return tr("Steps due");
    case OnTime: return tr("On time");
    case Late: return tr("Late");
    case Missed: return tr("Missed");
    case OnTimeRate: return tr("On-time rate");
    case Conversions: return tr("Conversions");
    default: return {};
    }
}
