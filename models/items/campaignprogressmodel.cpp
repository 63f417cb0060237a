#include "campaignprogressmodel.h"

#include "personalfield.h"

#include "../domain/moneyformat.h"

#include <QCollator>
#include <QLocale>

#include <algorithm>

CampaignProgressModel::CampaignProgressModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void CampaignProgressModel::setCampaign(SnapshotPtr snapshot, const CampaignList &campaign)
{
    m_snapshot = std::move(snapshot);
    m_campaign = campaign;
    m_progress = m_snapshot ? CampaignProgress(m_campaign, *m_snapshot) : CampaignProgress();
    refilter();
}

void CampaignProgressModel::clear()
{
    m_campaign = CampaignList();
    m_progress = CampaignProgress();
    refilter();
}

void CampaignProgressModel::setFilter(Filter filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    refilter();
}

void CampaignProgressModel::refilter()
{
    beginResetModel();
    m_rows.clear();
    const auto &rows = m_progress.rows();
    for (size_t i = 0; i < rows.size(); ++i) {
        const CampaignProgress::Row &r = rows[i];
        bool keep = true;
        switch (m_filter) {
        case Filter::All:
            break;
        case Filter::Reached:
            keep = r.reached;
            break;
        case Filter::Upgraded:
            keep = r.movement == CampaignProgress::Movement::Upgraded;
            break;
        case Filter::Downgraded:
            keep = r.movement == CampaignProgress::Movement::Downgraded;
            break;
        case Filter::Gone:
            keep = r.movement == CampaignProgress::Movement::Gone;
            break;
        }
        if (keep)
            m_rows.push_back(int(i));
    }
    endResetModel();
    if (m_sortColumn >= 0) {
        const int column = m_sortColumn;
        m_sortColumn = -1;
        sort(column, m_sortOrder);
    }
}

void CampaignProgressModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_rows.empty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

int CampaignProgressModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int CampaignProgressModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString CampaignProgressModel::statusText(const CampaignProgress::Row &row) const
{
    switch (row.movement) {
    case CampaignProgress::Movement::Gone:
        return tr("No longer in the branch data");
    case CampaignProgress::Movement::Upgraded:
        return row.reached ? tr("Reached the target tier") : tr("Moved up a tier");
    case CampaignProgress::Movement::Downgraded:
        return tr("Moved down a tier");
    case CampaignProgress::Movement::Unchanged:
        return row.reached ? tr("At the target tier") : tr("Not yet");
    }
    return {};
}

QVariant CampaignProgressModel::rawValue(const CampaignProgress::Row &row, int column) const
{
    const CampaignList::Member &m = m_campaign.members[size_t(row.member)];
    const Customer *c = row.customer >= 0 ? &m_snapshot->customer(row.customer) : nullptr;
    switch (column) {
    case Name:
        return c ? c->name : QString();
    case CustomerNo:
        return m.customerNo;
    case BaselineTier:
        return row.baselineTier;
    case BaselineAum:
        return m.baselineFen;
    case CurrentTier:
        return row.currentTier;
    case CurrentAum:
        return row.currentFen;
    case Change:
        if (!c || m.baselineFen <= 0)
            return QVariant();
        return double(row.currentFen - m.baselineFen) / double(m.baselineFen);
    case Status:
        return int(row.movement) * 2 + (row.reached ? 0 : 1);
    case Reason:
        return m.reason;
    }
    return {};
}

QVariant CampaignProgressModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const CampaignProgress::Row &row = m_progress.rows()[size_t(m_rows[size_t(index.row())])];
    const TierPolicy &policy = m_snapshot->tierPolicy();
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case BaselineTier:
            return policy.displayName(row.baselineTier);
        case CurrentTier:
            return row.currentTier >= 0 ? policy.displayName(row.currentTier) : QString();
        case BaselineAum:
            return MoneyFormat::listAmount(m_campaign.members[size_t(row.member)].baselineFen);
        case CurrentAum:
            return row.customer >= 0 ? MoneyFormat::listAmount(row.currentFen) : QString();
        case Change: {
            const QVariant v = rawValue(row, Change);
            return v.isValid() ? QLocale().toString(v.toDouble() * 100, 'f', 1) + QLatin1Char('%') : QString();
        }
        case Status:
            return statusText(row);
        default:
            return rawValue(row, column);
        }
    case Qt::ToolTipRole:
        if (column == Reason)
            return rawValue(row, Reason);
        break;
    case Qt::TextAlignmentRole:
        if (column == BaselineAum || column == CurrentAum || column == Change)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case Qt::DecorationRole:
        if (column == BaselineTier)
            return TierPolicy::color(row.baselineTier);
        if (column == CurrentTier && row.currentTier >= 0)
            return TierPolicy::color(row.currentTier);
        break;
    case RawValueRole:
        return rawValue(row, column);
    case CustomerIndexRole:
        return row.customer;
    default:
        break;
    }
    return {};
}

QVariant CampaignProgressModel::headerData(int section, Qt::Orientation orientation, int role) const
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
    case BaselineTier:
        return tr("Tier when frozen");
    case BaselineAum:
        return tr("AUM when frozen (%1)").arg(unit);
    case CurrentTier:
        return tr("Tier now");
    case CurrentAum:
        return tr("AUM now (%1)").arg(unit);
    case Change:
        return tr("Change");
    case Status:
        return tr("Status");
    case Reason:
        return tr("Why on the list");
    }
    return {};
}

void CampaignProgressModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= ColumnCount)
        return;
    m_sortColumn = column;
    m_sortOrder = order;
    emit layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    std::vector<int> rowsBefore;
    for (const QModelIndex &idx : before)
        rowsBefore.push_back(m_rows[size_t(idx.row())]);
    const auto &rows = m_progress.rows();
    const bool text = column == Name || column == CustomerNo || column == Reason;
    const bool ascending = order == Qt::AscendingOrder;
    if (text) {
        const QCollator collator;
        std::vector<QCollatorSortKey> keys;
        keys.reserve(rows.size());
        for (const CampaignProgress::Row &r : rows)
            keys.push_back(collator.sortKey(rawValue(r, column).toString()));
        std::stable_sort(m_rows.begin(), m_rows.end(), [&](int a, int b) {
            const int c = keys[size_t(a)].compare(keys[size_t(b)]);
            return ascending ? c < 0 : c > 0;
        });
    } else {
        std::vector<double> keys(rows.size());
        for (size_t i = 0; i < rows.size(); ++i) {
            const QVariant v = rawValue(rows[i], column);
            keys[i] = v.isValid() ? v.toDouble() : -1e300;
        }
        std::stable_sort(m_rows.begin(), m_rows.end(), [&](int a, int b) {
            return ascending ? keys[size_t(a)] < keys[size_t(b)] : keys[size_t(b)] < keys[size_t(a)];
        });
    }
    std::vector<int> rowOf(rows.size(), -1);
    for (size_t r = 0; r < m_rows.size(); ++r)
        rowOf[size_t(m_rows[r])] = int(r);
    QModelIndexList after;
    for (qsizetype k = 0; k < before.size(); ++k)
        after << index(rowOf[size_t(rowsBefore[size_t(k)])], before.at(k).column());
    changePersistentIndexList(before, after);
    emit layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}
