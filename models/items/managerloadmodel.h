#pragma once

#include "../domain/branchsnapshot.h"
#include "../domain/dayplan.h"

#include <QAbstractTableModel>

// The manager's load view (issue 17): each RM's planned steps against their
// capacity for each day of the plan's horizon (10 working days), and the
// steps that cannot fit before their deadline. A day at capacity is amber,
// overload red: that RM needs customers moved to someone with room.
class ManagerLoadModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Role { PlannedRole = Qt::UserRole + 1, CapacityRole, StaffIndexRole };

    explicit ManagerLoadModel(QObject *parent = nullptr);
    // plans: one per RM, DayPlan::staffIndex set; all over the same days.
    void setPlans(const SnapshotPtr &snapshot, const std::vector<DayPlan> &plans);

    // Columns: RM, then one per day, then overload.
    int overloadColumn() const { return 1 + int(m_days.size()); }
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        int staff = -1;
        std::vector<int> planned;
        std::vector<int> capacity;
        int overload = 0;
    };
    SnapshotPtr m_snapshot;
    std::vector<QDate> m_days;
    std::vector<Row> m_rows;
};
