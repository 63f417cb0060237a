#include "customertablemodel.h"

#include "personalfield.h"

#include "../domain/dateformat.h"
#include "../domain/moneyformat.h"

#include <QColor>
#include <QLocale>

#include <algorithm>

CustomerTableModel::CustomerTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void CustomerTableModel::setBranch(const LoadedSnapshot &branch)
{
    beginResetModel();
    m_branch = branch;
    m_rows.clear();
    m_refinable = false;
    rebuildOrder();
    endResetModel();
    refilter();
}

void CustomerTableModel::setSearchIndex(const std::shared_ptr<const CustomerSearchIndex> &index)
{
    if (!index || m_branch.search || !m_branch.snapshot || index->snapshot() != m_branch.snapshot)
        return;
    m_branch.search = index;
    m_refinable = false;
    // Without search text and in another order than by name, the rows shown are already
    // right: no reset, so a list the user has scrolled stays where it is.
    if (m_search.trimmed().isEmpty() && m_sortColumn != Name)
        return;
    if (m_sortColumn == Name)
        rebuildOrder();
    refilter();
}

void CustomerTableModel::setSearchText(const QString &text)
{
    if (text == m_search)
        return;
    // Typing one more character only narrows the result: filter what is shown.
    // Not for digits: phone and ID numbers match at their end, so "5678" is not a
    // subset of "567".
    bool hasDigit = false;
    for (QChar c : text)
        hasDigit = hasDigit || c.isDigit();
    m_refinable = m_refinable && !m_lastSearch.isEmpty() && text.startsWith(m_lastSearch)
                  && !text.contains(QLatin1Char(' ')) && !hasDigit;
    m_search = text;
    refilter();
}

void CustomerTableModel::setTierFilter(int tier)
{
    if (tier == m_tier)
        return;
    m_tier = tier;
    m_refinable = false;
    refilter();
}

void CustomerTableModel::setRmFilter(int rm)
{
    if (rm == m_rm)
        return;
    m_rm = rm;
    m_refinable = false;
    refilter();
}

bool CustomerTableModel::isPoolRow(int row) const
{
    const BranchSnapshot *s = m_branch.snapshot.get();
    return s && customerAt(row) >= s->customerCount();
}

QString CustomerTableModel::customerNoAt(int row) const
{
    const BranchSnapshot *s = m_branch.snapshot.get();
    if (!s)
        return {};
    const int i = customerAt(row);
    return i < s->customerCount() ? s->customer(i).customerNo : s->pool()[size_t(i - s->customerCount())].customerNo;
}

// A masked pool entry (issue 15) passes the filters on what it shows: the tier if any,
// "Unassigned", and the customer number or masked name for the search text.
bool CustomerTableModel::poolEntryShown(int entry) const
{
    const BranchSnapshot::PoolCustomer &p = m_branch.snapshot->pool()[size_t(entry)];
    if (m_tier >= 0 && p.tier != m_tier)
        return false;
    if (m_rm != kAllRms && m_rm != kUnassigned)
        return false;
    if (!m_branch.search) // like the customers: the search text waits for the index
        return true;
    for (const QString &term : m_search.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        if (!p.customerNo.contains(term, Qt::CaseInsensitive) && !p.name.contains(term))
            return false;
    }
    return true;
}

int CustomerTableModel::rowOfCustomer(int customer) const
{
    const auto it = std::find(m_rows.begin(), m_rows.end(), customer);
    return it == m_rows.end() ? -1 : int(it - m_rows.begin());
}

void CustomerTableModel::rebuildOrder()
{
    m_order.clear();
    const BranchSnapshot *s = m_branch.snapshot.get();
    if (!s)
        return;
    const int n = s->customerCount();
    m_order.resize(size_t(n));
    for (int i = 0; i < n; ++i)
        m_order[size_t(i)] = i;
    const CustomerSearchIndex *search = m_branch.search.get();
    auto byKey = [&](auto key) {
        std::stable_sort(m_order.begin(), m_order.end(), [&](int a, int b) { return key(a) < key(b); });
    };
    switch (m_sortColumn) {
    case Name:
        if (search)
            byKey([&](int i) -> const std::string & { return search->pinyinKey(i); });
        else // pinyin comes with the search index: by number until it is there
            byKey([&](int i) -> const QString & { return s->customer(i).customerNo; });
        break;
    case CustomerNo:
        byKey([&](int i) -> const QString & { return s->customer(i).customerNo; });
        break;
    case Tier:
        // Within a tier, larger balances first reads more naturally.
        std::stable_sort(m_order.begin(), m_order.end(), [&](int a, int b) {
            if (s->tierOf(a) != s->tierOf(b))
                return s->tierOf(a) < s->tierOf(b);
            return s->customer(a).aumFen < s->customer(b).aumFen;
        });
        break;
    case Aum:
        byKey([&](int i) { return s->customer(i).aumFen; });
        break;
    case Rm:
        byKey([&](int i) { return s->rmOf(i); });
        break;
    case Age:
        byKey([&](int i) { return s->ageOf(i); });
        break;
    case LastActivity:
        byKey([&](int i) { return s->customer(i).lastActivity.toJulianDay(); });
        break;
    default:
        break;
    }
    if (m_sortOrder == Qt::DescendingOrder)
        std::reverse(m_order.begin(), m_order.end());
    // The masked pool (issue 15) follows the customers, in HQ's order.
    for (int k = 0; k < int(s->pool().size()); ++k)
        m_order.push_back(n + k);
}

void CustomerTableModel::refilter()
{
    const BranchSnapshot *s = m_branch.snapshot.get();
    std::vector<int> rows;
    if (s) {
        const std::vector<int> &all = m_refinable ? m_rows : m_order;
        // The masked pool is at the end of both; the search index knows only customers.
        const int n = s->customerCount();
        const auto poolStart = std::find_if(all.begin(), all.end(), [n](int i) { return i >= n; });
        const std::vector<int> base(all.begin(), poolStart);
        if (!m_branch.search && m_tier < 0 && m_rm == kAllRms) {
            rows = base; // the search waits for its index
        } else if (m_refinable || (m_tier < 0 && m_rm == kAllRms)) {
            rows = m_branch.search->filter(base, m_search);
        } else {
            std::vector<int> candidates;
            candidates.reserve(base.size());
            for (int i : base) {
                if (m_tier >= 0 && s->tierOf(i) != m_tier)
                    continue;
                if (m_rm != kAllRms && s->rmOf(i) != m_rm)
                    continue;
                candidates.push_back(i);
            }
            rows = m_branch.search ? m_branch.search->filter(candidates, m_search) : std::move(candidates);
        }
        for (auto it = poolStart; it != all.end(); ++it) {
            if (poolEntryShown(*it - n))
                rows.push_back(*it);
        }
    }
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
    m_lastSearch = m_search;
    m_refinable = m_branch.search != nullptr; // unsearched rows cannot be refined
    emit filterChanged(int(m_rows.size()), s ? s->customerCount() + int(s->pool().size()) : 0);
}

void CustomerTableModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= ColumnCount)
        return;
    if (column == m_sortColumn && order == m_sortOrder && !m_order.empty())
        return;
    emit layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    std::vector<int> customers;
    customers.reserve(size_t(before.size()));
    for (const QModelIndex &idx : before)
        customers.push_back(m_rows.at(size_t(idx.row())));

    m_sortColumn = column;
    m_sortOrder = order;
    rebuildOrder();
    // Keep the filtered set, now in the new order.
    std::vector<char> shown(m_branch.snapshot ? m_order.size() : 0, 0);
    for (int i : m_rows)
        shown[size_t(i)] = 1;
    std::vector<int> rows;
    rows.reserve(m_rows.size());
    for (int i : m_order) {
        if (shown[size_t(i)])
            rows.push_back(i);
    }
    m_rows = std::move(rows);

    QModelIndexList after;
    after.reserve(before.size());
    std::vector<int> rowOf(shown.size(), -1);
    for (size_t r = 0; r < m_rows.size(); ++r)
        rowOf[size_t(m_rows[r])] = int(r);
    for (qsizetype k = 0; k < before.size(); ++k)
        after << index(rowOf[size_t(customers[size_t(k)])], before.at(k).column());
    changePersistentIndexList(before, after);
    emit layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

void CustomerTableModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_rows.empty())
        emit dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
}

int CustomerTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int CustomerTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CustomerTableModel::poolData(int entry, int column, int role) const
{
    const BranchSnapshot &s = *m_branch.snapshot;
    const BranchSnapshot::PoolCustomer &p = s.pool()[size_t(entry)];
    const bool raw = role == RawValueRole;
    switch (column) {
    case Name:
        return p.name;
    case CustomerNo:
        return p.customerNo;
    case Tier:
        if (raw)
            return p.tier;
        return p.tier >= 0 ? s.tierPolicy().displayName(p.tier) : tr("Masked");
    case Rm:
        return raw ? QVariant(QString()) : QVariant(tr("Unassigned (masked)"));
    case Aum: {
        // The tier's band on the tier policy, never a figure of the customer's own.
        if (raw || p.tier < 0)
            return raw ? QVariant() : QVariant(QStringLiteral("—"));
        const TierPolicy &t = s.tierPolicy();
        const QString from = p.tier == 0 ? QStringLiteral("0") : MoneyFormat::listAmount(t.tier(p.tier).minFen);
        return p.tier + 1 < t.count() ? QStringLiteral("%1–%2").arg(from, MoneyFormat::listAmount(t.tier(p.tier + 1).minFen))
                                      : QStringLiteral("≥ %1").arg(from);
    }
    case Age:
    case LastActivity:
        return raw ? QVariant() : QVariant(QStringLiteral("—"));
    default:
        return {};
    }
}

QVariant CustomerTableModel::rawValue(int customer, int column) const
{
    const BranchSnapshot &s = *m_branch.snapshot;
    const Customer &c = s.customer(customer);
    switch (column) {
    case Name:
        return c.name;
    case CustomerNo:
        return c.customerNo;
    case Tier:
        return s.tierOf(customer);
    case Aum:
        return c.aumFen;
    case Rm:
        return c.rmId;
    case Age:
        return s.ageOf(customer);
    case LastActivity:
        return c.lastActivity.isValid() ? c.lastActivity.toString(Qt::ISODate) : QString();
    default:
        return {};
    }
}

QVariant CustomerTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_rows.size()) || index.column() >= ColumnCount)
        return {};
    const int customer = m_rows[size_t(index.row())];
    const BranchSnapshot &s = *m_branch.snapshot;
    if (customer >= s.customerCount()) { // a masked pool entry (issue 15)
        if (role == Qt::DisplayRole || role == RawValueRole)
            return poolData(customer - s.customerCount(), index.column(), role);
        if (role == CustomerIndexRole)
            return customer;
        if (role == Qt::ToolTipRole)
            return tr("Unassigned pool, masked by HQ: the branch manager assigns this customer to show them in full");
        if (role == Qt::DecorationRole && index.column() == Tier && s.pool()[size_t(customer - s.customerCount())].tier >= 0)
            return TierPolicy::color(s.pool()[size_t(customer - s.customerCount())].tier);
        return {};
    }
    const Customer &c = s.customer(customer);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Name:
            return c.name;
        case CustomerNo:
            return c.customerNo;
        case Tier:
            return s.tierPolicy().displayName(s.tierOf(customer));
        case Aum:
            return MoneyFormat::listAmount(c.aumFen);
        case Rm: {
            const int rm = s.rmOf(customer);
            return rm >= 0 ? s.staff()[size_t(rm)].name : tr("Unassigned");
        }
        case Age: {
            const int age = s.ageOf(customer);
            return age >= 0 ? QVariant(age) : QVariant(QStringLiteral("—"));
        }
        case LastActivity:
            return DateFormat::date(c.lastActivity);
        }
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == Aum || index.column() == Age)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case Qt::DecorationRole:
        if (index.column() == Tier)
            return TierPolicy::color(s.tierOf(customer));
        break;
    case RawValueRole:
        return rawValue(customer, index.column());
    case CustomerIndexRole:
        return customer;
    default:
        break;
    }
    return {};
}

QVariant CustomerTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == PersonalField::HeaderRole) // exports mask it
        return section == Name ? PersonalField::Name : PersonalField::None;
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Name:
        return tr("Name");
    case CustomerNo:
        return tr("Customer no.");
    case Tier:
        return tr("Tier");
    case Aum:
        return tr("AUM (%1)").arg(MoneyFormat::listUnit());
    case Rm:
        return tr("RM");
    case Age:
        return tr("Age");
    case LastActivity:
        return tr("Last activity");
    }
    return {};
}
