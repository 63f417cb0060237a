#pragma once

#include "../domain/branchsnapshot.h"
#include "../domain/payrolllist.h"

#include <QAbstractTableModel>
#include <vector>

// The payroll list by employer: payroll customers, how many have an RM,
// their AUM and the share of the balance kept from one month to the next.
class PayrollModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Employer, Customers, Assigned, Aum, LastMonthAvg, Kept, ColumnCount };
    enum Role { RawValueRole = Qt::UserRole + 1 };

    explicit PayrollModel(QObject *parent = nullptr);

    void setEmployers(SnapshotPtr snapshot, std::vector<PayrollList::Employer> employers);
    const PayrollList::Employer &employer(int row) const { return m_employers.at(size_t(row)); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void retranslate();

private:
    SnapshotPtr m_snapshot;
    std::vector<PayrollList::Employer> m_employers;
};
