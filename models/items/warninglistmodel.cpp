#include "warninglistmodel.h"

#include "personalfield.h"

#include "../domain/moneyformat.h"

WarningListModel::WarningListModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void WarningListModel::setRetention(SnapshotPtr snapshot, const CadencePolicy &policy,
                                    std::vector<RetentionList::Member> members)
{
    beginResetModel();
    m_snapshot = std::move(snapshot);
    m_policy = policy;
    m_retention = true;
    m_retentionMembers = std::move(members);
    m_conversionMembers.clear();
    endResetModel();
}

void WarningListModel::setConversion(SnapshotPtr snapshot, const CadencePolicy &policy,
                                     std::vector<ConversionList::Member> members)
{
    beginResetModel();
    m_snapshot = std::move(snapshot);
    m_policy = policy;
    m_retention = false;
    m_conversionMembers = std::move(members);
    m_retentionMembers.clear();
    endResetModel();
}

int WarningListModel::customerAt(int row) const
{
    return m_retention ? m_retentionMembers.at(size_t(row)).customer : m_conversionMembers.at(size_t(row)).customer;
}

int WarningListModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid())
        return 0;
    return int(m_retention ? m_retentionMembers.size() : m_conversionMembers.size());
}

int WarningListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant WarningListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !m_snapshot || index.row() >= rowCount())
        return {};
    const BranchSnapshot &s = *m_snapshot;
    const int customer = customerAt(index.row());
    const ::Customer &c = s.customer(customer);
    const int rm = s.rmOf(customer);
    const int triangles = m_retention ? m_retentionMembers[size_t(index.row())].trianglesCovered : -1;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Customer:
            return c.name;
        case Tier:
            return s.tierPolicy().displayName(s.tierOf(customer));
        case Rm:
            return rm >= 0 ? s.staff()[size_t(rm)].name : tr("Unassigned");
        case Aum:
            return MoneyFormat::listAmount(c.aumFen);
        case Triangles:
            return triangles >= 0 ? tr("%1 of 4").arg(triangles) : QString();
        case Reason:
            return m_retention ? RetentionList::reason(s, m_policy, m_retentionMembers[size_t(index.row())])
                               : ConversionList::reason(m_conversionMembers[size_t(index.row())]);
        }
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == Aum)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case RawValueRole:
        switch (index.column()) {
        case Customer:
            return c.customerNo;
        case Tier:
            return s.tierOf(customer);
        case Rm:
            return rm >= 0 ? s.staff()[size_t(rm)].staffId : QString();
        case Aum:
            return c.aumFen;
        case Triangles:
            return triangles;
        case Reason:
            return data(index, Qt::DisplayRole);
        }
        break;
    case CustomerIndexRole:
        return customer;
    }
    return {};
}

QVariant WarningListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == PersonalField::HeaderRole) // exports mask it
        return section == Customer ? PersonalField::Name : PersonalField::None;
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Customer:
        return tr("Customer");
    case Tier:
        return tr("Tier");
    case Rm:
        return tr("RM");
    case Aum:
        return tr("AUM (%1)").arg(MoneyFormat::listUnit());
    case Triangles:
        return tr("Triangles");
    case Reason:
        return tr("Why on the list");
    }
    return {};
}

void WarningListModel::retranslate()
{
    if (rowCount() > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
}
