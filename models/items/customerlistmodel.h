#pragma once

#include "../domain/branchsnapshot.h"
#include "../domain/customerlist.h"
#include "../domain/valuescores.h"

#include <QAbstractTableModel>

#include <memory>
#include <vector>

// A working list (threshold, low-efficiency, quadrant selection) as a table:
// who, their tier and AUM, the tier the list works towards and the gap, both
// value scores and the reason they are on it. Sorting reorders a row vector
// (no proxy), emitting layout changes with persistent indexes kept.
class CustomerListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Name, CustomerNo, Tier, Aum, TargetTier, Gap, Projected, Potential, Current, Rm, Reason, ColumnCount };
    enum Role {
        RawValueRole = Qt::UserRole + 1, // number or string, for sorting and tests
        CustomerIndexRole,               // index into the snapshot's customers
    };

    explicit CustomerListModel(QObject *parent = nullptr);

    void setList(SnapshotPtr snapshot, std::shared_ptr<const ValueScores> scores, CustomerList list);
    void clear();
    const CustomerList &list() const { return m_list; }
    const BranchSnapshot *snapshot() const { return m_snapshot.get(); }
    // Index into the snapshot of the customer shown on a row.
    int customerAt(int row) const { return member(row).customer; }
    const ListMember &member(int row) const { return m_list.members[size_t(m_rows[size_t(row)])]; }
    // The list in the order shown.
    CustomerList shownList() const;
    void retranslate();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

private:
    QVariant rawValue(const ListMember &m, int column) const;

    SnapshotPtr m_snapshot;
    std::shared_ptr<const ValueScores> m_scores;
    CustomerList m_list;
    std::vector<int> m_rows; // indexes into m_list.members, in display order
};
