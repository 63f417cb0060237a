#include "listmetricsmodel.h"

#include <QColor>
#include <QLocale>

ListMetricsModel::ListMetricsModel(QObject *parent) : QAbstractTableModel(parent)
{
}

void ListMetricsModel::setMetrics(const SnapshotPtr &snapshot, const ListMetrics &metrics,
                                  const std::array<int, 3> &targetsPermille)
{
    beginResetModel();
    m_snapshot = snapshot;
    m_metrics = metrics;
    m_targets = targetsPermille;
    m_rms.clear();
    if (snapshot) {
        for (size_t i = 0; i < snapshot->staff().size(); ++i) {
            if (snapshot->staff()[i].role == Staff::Role::RelationshipManager)
                m_rms.push_back(int(i));
        }
    }
    endResetModel();
}

int ListMetricsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_snapshot ? 0 : 1 + int(m_rms.size());
}

int ListMetricsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

const ListMetrics::Figures &ListMetricsModel::figuresOf(int row) const
{
    return row == 0 ? m_metrics.branch() : m_metrics.rm(m_rms[size_t(row - 1)]);
}

QVariant ListMetricsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const ListMetrics::Figures &f = figuresOf(index.row());
    if (index.column() == Who) {
        if (role != Qt::DisplayRole && role != RawValueRole)
            return {};
        if (index.row() == 0)
            return role == RawValueRole ? QString() : tr("Branch");
        const Staff &st = m_snapshot->staff()[size_t(m_rms[size_t(index.row() - 1)])];
        return role == RawValueRole ? st.staffId : st.name;
    }
    const auto metric = ListMetrics::Metric(index.column() - 1);
    const ListMetrics::Ratio &r = f.metric[metric];
    const int target = f.target(metric, m_targets[size_t(metric)]);
    switch (role) {
    case Qt::DisplayRole: {
        if (r.den == 0)
            return QStringLiteral("–");
        const QLocale l;
        return tr("%1 / %2 (%3%) · target %4")
            .arg(l.toString(r.num), l.toString(r.den), l.toString(100.0 * r.rate(), 'f', 1), l.toString(target));
    }
    case RawValueRole:
        return r.num;
    case TargetRole:
        return target;
    case Qt::ForegroundRole:
        if (r.den > 0)
            return r.num >= target ? QColor(0x2e, 0x7d, 0x32) : QColor(0xc6, 0x28, 0x28);
        break;
    default:
        break;
    }
    return {};
}

QVariant ListMetricsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Who:
        return tr("RM");
    case Activation:
        return tr("Low-efficiency activation");
    case Conversion:
        return tr("Cross-line conversion");
    case PayrollRetention:
        return tr("Payroll retention");
    }
    return {};
}
