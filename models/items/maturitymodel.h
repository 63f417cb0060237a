#pragma once

#include "../domain/branchsnapshot.h"
#include "../domain/maturitylist.h"

#include <QAbstractItemModel>
#include <vector>

// The maturity list as a tree: maturity date -> product type -> products,
// each group with its count and amount, each product with customer, tier,
// RM and, once matured, its outcome.
class MaturityModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { Label, Count, Amount, Customer, Tier, Rm, Outcome, Converted, Retained, ColumnCount };
    enum Role {
        RawValueRole = Qt::UserRole + 1,
        CustomerIndexRole, // leaves only, -1 on groups
        EntryIndexRole,    // index into list.entries(), -1 on groups
    };

    explicit MaturityModel(QObject *parent = nullptr);

    void setList(SnapshotPtr snapshot, MaturityList list);
    const MaturityList &list() const { return m_list; }
    const MaturityList::Entry *entryAt(const QModelIndex &index) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void retranslate();

private:
    struct TypeGroup
    {
        Holding::ProductType type;
        std::vector<int> entries;
        qint64 amountFen = 0;
    };
    struct DateGroup
    {
        QDate date;
        std::vector<TypeGroup> types;
        int count = 0;
        qint64 amountFen = 0;
    };
    // internalId: 0 for dates, 1 + date for types, leaf bit | date << 8 | type for products.
    static constexpr quintptr kLeaf = quintptr(1) << 40;

    // data() of a date or type row, and of a product (leaf) row, one helper per role with text.
    QVariant groupData(const QModelIndex &index, int role) const;
    static QVariant groupDisplay(const DateGroup &d, const TypeGroup *t, int column); // t: null on a date row
    static QVariant groupRawValue(const DateGroup &d, const TypeGroup *t, int column);
    QVariant leafData(const QModelIndex &index, int role) const;
    QVariant leafDisplay(const MaturityList::Entry &e, int column) const;
    QVariant leafRawValue(const MaturityList::Entry &e, int column) const;

    SnapshotPtr m_snapshot;
    MaturityList m_list;
    std::vector<DateGroup> m_dates;
};
