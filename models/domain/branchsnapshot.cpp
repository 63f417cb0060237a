#include "branchsnapshot.h"

#include <algorithm>

BranchSnapshot::BranchSnapshot(BranchData data, TierPolicy policy, QDate asOf, const StaffScope &scope)
    : m_data(std::move(data)), m_policy(std::move(policy)), m_asOf(asOf), m_scope(scope)
{
    // Masked pool copies (issue 15) are not customers this desk works: set them apart first.
    for (const Customer &c : m_data.customers) {
        if (c.masked)
            m_pool.push_back({c.customerNo, c.name, c.maskedTier.isEmpty() ? -1 : m_policy.indexOfId(c.maskedTier)});
    }
    if (!m_pool.empty())
        std::erase_if(m_data.customers, [](const Customer &c) { return c.masked; });
    m_others = m_scope.restrict(&m_data);
    for (size_t i = 0; i < m_others.size(); ++i)
        m_otherByNumber.insert(m_others[i].customerNo, int(i));
    const size_t n = m_data.customers.size();
    m_tier.resize(n);
    m_age.resize(n);
    m_rm.resize(n);
    m_byNumber.reserve(qsizetype(n));

    QHash<QString, int> staffIndex;
    for (size_t i = 0; i < m_data.staff.size(); ++i)
        staffIndex.insert(m_data.staff[i].staffId, int(i));

    for (size_t i = 0; i < n; ++i) {
        const Customer &c = m_data.customers[i];
        m_tier[i] = quint8(m_policy.tierOf(c));
        const int age = c.ageOn(m_asOf);
        m_age[i] = age < 0 ? kUnknownAge : quint8(std::min(age, 254));
        m_rm[i] = qint8(c.rmId.isEmpty() ? -1 : staffIndex.value(c.rmId, -1));
        m_byNumber.insert(c.customerNo, int(i));
    }

    // Group holdings by customer index so the 360 panel gets a contiguous span.
    std::vector<int> owner(m_data.holdings.size());
    for (size_t h = 0; h < m_data.holdings.size(); ++h)
        owner[h] = m_byNumber.value(m_data.holdings[h].customerNo, int(n));
    std::vector<size_t> order(m_data.holdings.size());
    for (size_t h = 0; h < order.size(); ++h)
        order[h] = h;
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return owner[a] < owner[b]; });
    std::vector<Holding> sorted;
    sorted.reserve(order.size());
    m_holdingStart.assign(n + 1, 0);
    for (size_t k = 0; k < order.size(); ++k) {
        const int o = owner[order[k]];
        if (o < int(n))
            ++m_holdingStart[size_t(o) + 1];
        sorted.push_back(std::move(m_data.holdings[order[k]]));
    }
    for (size_t i = 0; i < n; ++i)
        m_holdingStart[i + 1] += m_holdingStart[i];
    m_data.holdings = std::move(sorted);
}

std::span<const Holding> BranchSnapshot::holdingsOf(int index) const
{
    const int begin = m_holdingStart[size_t(index)];
    const int end = m_holdingStart[size_t(index) + 1];
    return std::span<const Holding>(m_data.holdings.data() + begin, size_t(end - begin));
}

QString BranchSnapshot::staffName(const QString &staffId) const
{
    for (const Staff &s : m_data.staff) {
        if (s.staffId == staffId)
            return s.name;
    }
    return {};
}

std::optional<BranchSnapshot::CustomerView> BranchSnapshot::lookup(const QString &customerNo) const
{
    const int i = indexOfCustomer(customerNo);
    if (i >= 0) {
        const Customer &c = customer(i);
        return CustomerView{c.customerNo, c.name, c.rmId, &c};
    }
    const int o = m_otherByNumber.value(customerNo, -1);
    if (o >= 0) {
        const StaffScope::OtherCustomer &c = m_others[size_t(o)];
        return CustomerView{c.customerNo, c.name, c.ownerId, nullptr};
    }
    return std::nullopt;
}
