#pragma once

#include "../domain/branchsnapshot.h"
#include "../domain/listmetrics.h"

#include <QAbstractTableModel>

// The dashboard's list metrics (issue 17): the branch, then each RM, with
// low-efficiency activation, cross-line conversion and payroll retention as
// "done / members (rate) · target", targets from the policy rates.
class ListMetricsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Who, Activation, Conversion, PayrollRetention, ColumnCount };
    enum Role { RawValueRole = Qt::UserRole + 1, TargetRole };

    explicit ListMetricsModel(QObject *parent = nullptr);
    // Targets in per mille of the members (activation, conversion, payroll retention).
    void setMetrics(const SnapshotPtr &snapshot, const ListMetrics &metrics, const std::array<int, 3> &targetsPermille);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    const ListMetrics::Figures &figuresOf(int row) const;

    SnapshotPtr m_snapshot;
    ListMetrics m_metrics;
    std::vector<int> m_rms; // staff indexes of the RM rows
    std::array<int, 3> m_targets{300, 300, 900};
};
