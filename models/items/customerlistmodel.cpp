#include "customerlistmodel.h"

#include "personalfield.h"

#include "../domain/moneyformat.h"

#include <QCollator>
#include <QLocale>

#include <algorithm>

CustomerListModel::CustomerListModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void CustomerListModel::setList(SnapshotPtr snapshot, std::shared_ptr<const ValueScores> scores, CustomerList list)
{
    beginResetModel();
    m_snapshot = std::move(snapshot);
    m_scores = std::move(scores);
    m_list = std::move(list);
    m_rows.resize(m_list.members.size());
    for (size_t i = 0; i < m_rows.size(); ++i)
        m_rows[i] = int(i);
    endResetModel();
}

void CustomerListModel::clear()
{
    beginResetModel();
    m_list = CustomerList();
    m_rows.clear();
    endResetModel();
}

CustomerList CustomerListModel::shownList() const
{
    CustomerList out;
    out.kind = m_list.kind;
    out.criteria = m_list.criteria;
    out.members.reserve(m_rows.size());
    for (int r : m_rows)
        out.members.push_back(m_list.members[size_t(r)]);
    return out;
}

void CustomerListModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_rows.empty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

int CustomerListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int CustomerListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CustomerListModel::rawValue(const ListMember &m, int column) const
{
    const BranchSnapshot &s = *m_snapshot;
    const Customer &c = s.customer(m.customer);
    switch (column) {
    case Name:
        return c.name;
    case CustomerNo:
        return c.customerNo;
    case Tier:
        return s.tierOf(m.customer);
    case Aum:
        return m.basisFen;
    case TargetTier:
        return m.targetTier;
    case Gap:
        return m.gapFen;
    case Projected:
        return m.projectedFen;
    case Potential: // customers outside the scored population sort below every score
        return m_scores && m_scores->scored(m.customer) ? double(m_scores->potential(m.customer)) : -1.0;
    case Current:
        return m_scores && m_scores->scored(m.customer) ? double(m_scores->current(m.customer)) : -1.0;
    case Rm:
        return c.rmId;
    case Reason:
        return CustomerList::reason(m_list.kind, m, s, m_scores.get());
    }
    return {};
}

QVariant CustomerListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ListMember &m = member(index.row());
    const BranchSnapshot &s = *m_snapshot;
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case Tier:
            return s.tierPolicy().displayName(s.tierOf(m.customer));
        case TargetTier:
            return m.targetTier >= 0 ? s.tierPolicy().displayName(m.targetTier) : QString();
        case Aum:
            return MoneyFormat::listAmount(m.basisFen);
        case Gap:
            return m_list.kind == CustomerList::Kind::Threshold || m_list.kind == CustomerList::Kind::LowEfficiency
                       ? MoneyFormat::listAmount(m.gapFen)
                       : QString();
        case Projected:
            return m_list.kind == CustomerList::Kind::Threshold ? MoneyFormat::listAmount(m.projectedFen) : QString();
        case Potential:
        case Current:
            if (!m_scores)
                return QString();
            return m_scores->scored(m.customer) ? QLocale().toString(rawValue(m, column).toDouble(), 'f', 1)
                                                : QStringLiteral("—");
        case Rm: {
            const int rm = s.rmOf(m.customer);
            return rm >= 0 ? s.staff()[size_t(rm)].name : tr("Unassigned");
        }
        default:
            return rawValue(m, column);
        }
    case Qt::ToolTipRole:
        if (column == Reason || column == Name)
            return rawValue(m, Reason);
        break;
    case Qt::TextAlignmentRole:
        if (column == Aum || column == Gap || column == Projected || column == Potential || column == Current)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case Qt::DecorationRole:
        if (column == Tier)
            return TierPolicy::color(s.tierOf(m.customer));
        if (column == TargetTier && m.targetTier >= 0)
            return TierPolicy::color(m.targetTier);
        break;
    case RawValueRole:
        return rawValue(m, column);
    case CustomerIndexRole:
        return m.customer;
    default:
        break;
    }
    return {};
}

QVariant CustomerListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == PersonalField::HeaderRole) // exports mask it
        return section == Name ? PersonalField::Name : PersonalField::None;
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    const QString unit = MoneyFormat::listUnit();
    switch (section) {
    case Name:
        return tr("Name");
    case CustomerNo:
        return tr("Customer no.");
    case Tier:
        return tr("Tier");
    case Aum:
        return tr("AUM, tier basis (%1)").arg(unit);
    case TargetTier:
        return tr("Target tier");
    case Gap:
        return tr("Gap (%1)").arg(unit);
    case Projected:
        return tr("Month-end if held (%1)").arg(unit);
    case Potential:
        return tr("Potential value");
    case Current:
        return tr("Current value");
    case Rm:
        return tr("RM");
    case Reason:
        return tr("Why on the list");
    }
    return {};
}

void CustomerListModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= ColumnCount || !m_snapshot)
        return;
    emit layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    std::vector<int> members;
    members.reserve(size_t(before.size()));
    for (const QModelIndex &idx : before)
        members.push_back(m_rows[size_t(idx.row())]);

    // Keys once per row, then an index sort: numbers compare as numbers, text
    // through collation keys (Chinese names in the locale's order).
    const size_t n = m_list.members.size();
    const bool text = column == Name || column == CustomerNo || column == Rm || column == Reason;
    const bool ascending = order == Qt::AscendingOrder;
    if (text) {
        const QCollator collator;
        std::vector<QCollatorSortKey> keys;
        keys.reserve(n);
        for (size_t i = 0; i < n; ++i)
            keys.push_back(collator.sortKey(rawValue(m_list.members[i], column).toString()));
        std::stable_sort(m_rows.begin(), m_rows.end(), [&](int a, int b) {
            const int c = keys[size_t(a)].compare(keys[size_t(b)]);
            return ascending ? c < 0 : c > 0;
        });
    } else {
        std::vector<double> keys(n);
        for (size_t i = 0; i < n; ++i)
            keys[i] = rawValue(m_list.members[i], column).toDouble();
        std::stable_sort(m_rows.begin(), m_rows.end(), [&](int a, int b) {
            return ascending ? keys[size_t(a)] < keys[size_t(b)] : keys[size_t(b)] < keys[size_t(a)];
        });
    }

    std::vector<int> rowOf(m_list.members.size(), -1);
    for (size_t r = 0; r < m_rows.size(); ++r)
        rowOf[size_t(m_rows[r])] = int(r);
    QModelIndexList after;
    after.reserve(before.size());
    for (qsizetype k = 0; k < before.size(); ++k)
        after << index(rowOf[size_t(members[size_t(k)])], before.at(k).column());
    changePersistentIndexList(before, after);
    emit layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}
