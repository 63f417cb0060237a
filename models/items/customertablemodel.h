#pragma once

#include "../domain/loadedsnapshot.h"

#include <QAbstractTableModel>
#include <vector>

// The customer list: one row per customer of the current filter, in the
// current sort. Filtering and sorting work on a vector of customer indexes
// (a few ms at 100k rows) followed by one model reset, instead of
// QSortFilterProxyModel's per-row removals that cost a view ~140 ms.
class CustomerTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Name, CustomerNo, Tier, Aum, Rm, Age, LastActivity, ColumnCount };
    enum Role {
        RawValueRole = Qt::UserRole + 1, // number or ISO date string, for sorting and tests
        CustomerIndexRole,               // index into the snapshot's customers
    };
    static constexpr int kAllRms = -2;
    static constexpr int kUnassigned = -1;

    explicit CustomerTableModel(QObject *parent = nullptr);

    // A branch may come without its search index (issue 19: the list is painted first): the
    // list is then complete but unsearched, and sorted by customer number instead of the
    // name's pinyin, until setSearchIndex() brings the index.
    void setBranch(const LoadedSnapshot &branch);
    const LoadedSnapshot &branch() const { return m_branch; }
    // The index of this branch's snapshot, built after it; an index of another snapshot is ignored.
    void setSearchIndex(const std::shared_ptr<const CustomerSearchIndex> &index);
    // False while a branch is shown whose index is still being built: search text waits.
    bool searchReady() const { return !m_branch.snapshot || m_branch.search; }

    void setSearchText(const QString &text);
    QString searchText() const { return m_search; }
    // -1 = every tier
    void setTierFilter(int tier);
    // kAllRms, kUnassigned, or an index into snapshot->staff()
    void setRmFilter(int rm);

    // An index into the snapshot's customers, or, from customerCount() on, into its
    // masked pool (issue 15: isPoolRow); such a row has no Customer behind it.
    int customerAt(int row) const { return m_rows.at(size_t(row)); }
    bool isPoolRow(int row) const;
    QString customerNoAt(int row) const;
    int rowOfCustomer(int customer) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    // Re-reads display strings after a language change.
    void retranslate();

signals:
    void filterChanged(int shown, int total);

private:
    void rebuildOrder();
    void refilter();
    QVariant rawValue(int customer, int column) const;
    QVariant poolData(int entry, int column, int role) const;
    bool poolEntryShown(int entry) const;

    LoadedSnapshot m_branch;
    std::vector<int> m_order; // every customer, in the current sort
    std::vector<int> m_rows;  // the customers shown, in the current sort
    QString m_search;
    QString m_lastSearch;     // the filter m_rows was built with, to refine instead of rescan
    int m_tier = -1;
    int m_rm = kAllRms;
    int m_sortColumn = Name;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    bool m_refinable = false;
};
