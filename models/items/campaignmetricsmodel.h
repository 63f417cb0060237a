#pragma once

#include "../domain/branchsnapshot.h"
#include "../domain/campaignmetrics.h"

#include <QAbstractTableModel>
#include <vector>

// Each campaign metric against its target: one row per metric, columns for
// the target, the branch, and each RM (in rank order).
class CampaignMetricsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum FixedColumn { Metric, Target, Branch, FirstRm };
    enum Role { RawValueRole = Qt::UserRole + 1, MeetsTargetRole };

    explicit CampaignMetricsModel(QObject *parent = nullptr);

    void setMetrics(const SnapshotPtr &snapshot, const Campaign &campaign, const CampaignMetrics &metrics);
    const Campaign &campaign() const { return m_campaign; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    const CampaignMetrics::Figures *figures(int column) const;

    SnapshotPtr m_snapshot;
    Campaign m_campaign;
    CampaignMetrics m_metrics;
    std::vector<int> m_rms;
};
