#include "campaignmetricsmodel.h"

#include <QBrush>
#include <QColor>
#include <QLocale>

CampaignMetricsModel::CampaignMetricsModel(QObject *parent) : QAbstractTableModel(parent) {}

void CampaignMetricsModel::setMetrics(const SnapshotPtr &snapshot, const Campaign &campaign, const CampaignMetrics &metrics)
{
    beginResetModel();
    m_snapshot = snapshot;
    m_campaign = campaign;
    m_metrics = metrics;
    m_rms = metrics.ranking();
    endResetModel();
}

int CampaignMetricsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_snapshot ? 0 : Campaign::MetricCount;
}

int CampaignMetricsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : FirstRm + int(m_rms.size());
}

const CampaignMetrics::Figures *CampaignMetricsModel::figures(int column) const
{
    if (column == Branch)
        return &m_metrics.branch();
    if (column >= FirstRm && column - FirstRm < int(m_rms.size()))
        return &m_metrics.rm(m_rms[size_t(column - FirstRm)]);
    return nullptr;
}

QVariant CampaignMetricsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const auto metric = Campaign::Metric(index.row());
    const QLocale locale;
    auto pct = [&](double rate) { return locale.toString(rate * 100, 'f', 1) + QLatin1Char('%'); };
    if (index.column() == Metric)
        return role == Qt::DisplayRole ? Campaign::metricName(metric) : QVariant();
    if (index.column() == Target) {
        const double target = m_campaign.targetPermille[size_t(metric)] / 1000.0;
        if (role == RawValueRole)
            return target;
        if (role == Qt::DisplayRole)
            return (Campaign::lowerIsBetter(metric) ? QStringLiteral("≤ ") : QStringLiteral("≥ ")) + pct(target);
        return {};
    }
    const CampaignMetrics::Figures *f = figures(index.column());
    if (!f)
        return {};
    const CampaignMetrics::Ratio &r = f->metric[size_t(metric)];
    switch (role) {
    case RawValueRole:
        return r.den ? QVariant(r.rate()) : QVariant();
    case MeetsTargetRole:
        return r.den ? QVariant(f->meets(metric, m_campaign)) : QVariant();
    case Qt::DisplayRole:
        if (!r.den)
            return QStringLiteral("—");
        if (metric == Campaign::MaturityAmount)
            return pct(r.rate());
        return QStringLiteral("%1 (%2/%3)").arg(pct(r.rate()), locale.toString(r.num), locale.toString(r.den));
    case Qt::ForegroundRole:
        if (!r.den)
            return {};
        return QBrush(f->meets(metric, m_campaign) ? QColor(0x1e, 0x8e, 0x3e) : QColor(0xc5, 0x22, 0x1f));
    case Qt::TextAlignmentRole:
        return int(Qt::AlignRight | Qt::AlignVCenter);
    default:
        return {};
    }
}

QVariant CampaignMetricsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    if (section == Metric)
        return tr("Metric");
    if (section == Target)
        return tr("Target");
    if (section == Branch)
        return tr("Branch");
    const int rm = section - FirstRm;
    if (m_snapshot && rm >= 0 && rm < int(m_rms.size()))
        return m_snapshot->staff()[size_t(m_rms[size_t(rm)])].name;
    return {};
}
