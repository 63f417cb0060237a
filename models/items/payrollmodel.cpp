#include "payrollmodel.h"

#include "../domain/moneyformat.h"

#include <QLocale>

PayrollModel::PayrollModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void PayrollModel::setEmployers(SnapshotPtr snapshot, std::vector<PayrollList::Employer> employers)
{
    beginResetModel();
    m_snapshot = std::move(snapshot);
    m_employers = std::move(employers);
    endResetModel();
}

int PayrollModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_employers.size());
}

int PayrollModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PayrollModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const PayrollList::Employer &e = m_employers[size_t(index.row())];
    const QLocale locale;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Employer:
            return e.name.isEmpty() ? tr("(employer not given)") : e.name;
        case Customers:
            return locale.toString(qint64(e.customers.size()));
        case Assigned:
            return locale.toString(e.assigned);
        case Aum:
            return MoneyFormat::listAmount(e.aumFen);
        case LastMonthAvg:
            return MoneyFormat::listAmount(e.lastMonthAvgFen);
        case Kept:
            return locale.toString(100.0 * e.keptShare(), 'f', 1) + QLatin1Char('%');
        }
        break;
    case Qt::TextAlignmentRole:
        if (index.column() != Employer)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case RawValueRole:
        switch (index.column()) {
        case Employer:
            return e.name;
        case Customers:
            return qint64(e.customers.size());
        case Assigned:
            return e.assigned;
        case Aum:
            return e.aumFen;
        case LastMonthAvg:
            return e.lastMonthAvgFen;
        case Kept:
            return e.keptShare();
        }
        break;
    }
    return {};
}

QVariant PayrollModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Employer:
        return tr("Employer");
    case Customers:
        return tr("Payroll customers");
    case Assigned:
        return tr("With an RM");
    case Aum:
        return tr("AUM today (%1)").arg(MoneyFormat::listUnit());
    case LastMonthAvg:
        return tr("Last month's average (%1)").arg(MoneyFormat::listUnit());
    case Kept:
        return tr("Balance kept vs month before");
    }
    return {};
}

void PayrollModel::retranslate()
{
    if (rowCount() > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
}
