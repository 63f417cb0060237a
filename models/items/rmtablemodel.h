#pragma once

#include "../domain/branchsnapshot.h"
#include "../domain/campaignmetrics.h"

#include <QAbstractTableModel>
#include <vector>

// One table per RM (一人一表): each RM's assigned list sizes, cadence steps
// due / done on time / late / missed, conversions and rank, best first.
class RmTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Rank, Rm, Customers, ThresholdList, FourPlusOne, Maturing, StepsDue, OnTime, Late, Missed,
                  OnTimeRate, Conversions, ColumnCount };
    enum Role { RawValueRole = Qt::UserRole + 1, StaffIndexRole };

    explicit RmTableModel(QObject *parent = nullptr);

    void setMetrics(const SnapshotPtr &snapshot, const CampaignMetrics &metrics);
    int staffIndexAt(int row) const { return m_rows.at(size_t(row)); }
    int rowOfStaff(int staffIndex) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVariant raw(int row, int column) const;

    SnapshotPtr m_snapshot;
    CampaignMetrics m_metrics;
    std::vector<int> m_rows; // staff indices in rank order
};
