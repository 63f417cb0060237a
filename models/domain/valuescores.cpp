#include "valuescores.h"

#include <algorithm>
#include <bitset>
#include <cmath>
#include <limits>
#include <numeric>

namespace {

constexpr double kUnknown = std::numeric_limits<double>::quiet_NaN();
// Growth is measured against at least this base, so a customer going from 10 to
// 100 yuan does not outrank one going from 200k to 300k by a factor of 40.
constexpr double kGrowthBaseFen = 100000; // 1,000 yuan

double medianOf(const std::vector<float> &all, const std::vector<quint8> &scored)
{
    std::vector<float> v;
    v.reserve(all.size());
    for (size_t i = 0; i < all.size(); ++i) {
        if (scored[i])
            v.push_back(all[i]);
    }
    if (v.empty())
        return 50;
    const size_t mid = v.size() / 2;
    std::nth_element(v.begin(), v.begin() + qsizetype(mid), v.end());
    const double upper = v[mid];
    if (v.size() % 2)
        return upper;
    const double lower = *std::max_element(v.begin(), v.begin() + qsizetype(mid));
    return (lower + upper) / 2;
}

} // namespace

double ValueScores::indicatorValue(ValuePolicy::Indicator indicator, const BranchSnapshot &s, int i)
{
    const Customer &c = s.customer(i);
    switch (indicator) {
    case ValuePolicy::Indicator::Aum:
        return double(s.tierPolicy().basisAmount(c));
    case ValuePolicy::Indicator::Contribution:
        return double(c.contributionFen);
    case ValuePolicy::Indicator::ProductCategories: {
        std::bitset<Holding::kProductTypeCount> types;
        for (const Holding &h : s.holdingsOf(i)) {
            if (h.status == Holding::Status::Active)
                types.set(size_t(h.productType));
        }
        return double(types.count());
    }
    case ValuePolicy::Indicator::Tenure:
        return c.openedOn.isValid() && s.asOf().isValid() ? double(c.openedOn.daysTo(s.asOf())) : kUnknown;
    case ValuePolicy::Indicator::Youth: {
        const int age = c.ageOn(s.asOf());
        return age < 0 ? kUnknown : -double(age);
    }
    case ValuePolicy::Indicator::Transactions90d:
        return double(c.transactions90d);
    case ValuePolicy::Indicator::MobileLogins90d:
        return double(c.mobileLogins90d);
    case ValuePolicy::Indicator::AumGrowth6m: {
        const double now = double(c.aumHistoryFen[Customer::kHistoryMonths - 1]);
        const double before = double(c.aumHistoryFen[Customer::kHistoryMonths - 7]);
        return (now - before) / std::max(before, kGrowthBaseFen);
    }
    case ValuePolicy::Indicator::Payroll:
        return c.payroll ? 1 : 0;
    case ValuePolicy::Indicator::CreditCard:
        return c.creditCardActive ? 1 : 0;
    }
    return kUnknown;
}

std::vector<float> ValueScores::rank(const std::vector<double> &values)
{
    // Mid-rank percentile: (customers below + half of the others at the same
    // value) / (n - 1). Unknown values sit at the middle (0.5).
    const size_t n = values.size();
    std::vector<float> pct(n, 0.5f);
    std::vector<int> order;
    order.reserve(n);
    for (size_t i = 0; i < n; ++i) {
        if (!std::isnan(values[i]))
            order.push_back(int(i));
    }
    const size_t known = order.size();
    if (known < 2)
        return pct;
    std::sort(order.begin(), order.end(), [&](int a, int b) { return values[size_t(a)] < values[size_t(b)]; });
    const double denominator = double(known - 1);
    size_t start = 0;
    while (start < known) {
        size_t end = start + 1;
        const double v = values[size_t(order[start])];
        while (end < known && values[size_t(order[end])] == v)
            ++end;
        const float p = float((double(start) + double(end - start - 1) / 2.0) / denominator);
        for (size_t k = start; k < end; ++k)
            pct[size_t(order[k])] = p;
        start = end;
    }
    return pct;
}

void ValueScores::markPopulation(const BranchSnapshot &snapshot)
{
    const int n = snapshot.customerCount();
    const QString below = m_policy.quadrantBelowTier();
    m_firstUnscoredTier = below.isEmpty() ? -1 : snapshot.tierPolicy().indexOfId(below);
    m_scored.assign(size_t(n), 1);
    m_scoredCount = n;
    if (m_firstUnscoredTier < 0)
        return;
    for (int i = 0; i < n; ++i) {
        if (snapshot.tierOf(i) >= m_firstUnscoredTier) {
            m_scored[size_t(i)] = 0;
            --m_scoredCount;
        }
    }
}

ValueScores::ValueScores(const BranchSnapshot &snapshot, const ValuePolicy &policy)
    : m_policy(policy)
{
    const int n = snapshot.customerCount();
    markPopulation(snapshot);
    m_current.assign(size_t(n), 0.f);
    m_potential.assign(size_t(n), 0.f);
    m_percentiles.resize(ValuePolicy::kIndicatorCount);
    double currentWeight = 0;
    double potentialWeight = 0;
    std::vector<double> values(static_cast<size_t>(n));
    for (int k = 0; k < ValuePolicy::kIndicatorCount; ++k) {
        const auto indicator = ValuePolicy::Indicator(k);
        const double w = policy.weight(indicator);
        if (w <= 0)
            continue;
        // Customers outside the population take no part in the ranking.
        for (int i = 0; i < n; ++i)
            values[size_t(i)] = m_scored[size_t(i)] ? indicatorValue(indicator, snapshot, i) : kUnknown;
        m_percentiles[size_t(k)] = rank(values);
        const std::vector<float> &pct = m_percentiles[size_t(k)];
        std::vector<float> &score = ValuePolicy::isPotential(indicator) ? m_potential : m_current;
        for (int i = 0; i < n; ++i)
            score[size_t(i)] += float(w) * pct[size_t(i)];
        (ValuePolicy::isPotential(indicator) ? potentialWeight : currentWeight) += w;
    }
    // With no weight at all a score says nothing: everyone sits in the middle.
    const float currentScale = currentWeight > 0 ? float(100.0 / currentWeight) : 0.f;
    const float potentialScale = potentialWeight > 0 ? float(100.0 / potentialWeight) : 0.f;
    const float none = std::numeric_limits<float>::quiet_NaN();
    for (int i = 0; i < n; ++i) {
        if (!m_scored[size_t(i)]) {
            m_current[size_t(i)] = none;
            m_potential[size_t(i)] = none;
            continue;
        }
        m_current[size_t(i)] = currentWeight > 0 ? m_current[size_t(i)] * currentScale : 50.f;
        m_potential[size_t(i)] = potentialWeight > 0 ? m_potential[size_t(i)] * potentialScale : 50.f;
    }
    m_medianCurrent = medianOf(m_current, m_scored);
    m_medianPotential = medianOf(m_potential, m_scored);
}

float ValueScores::percentile(ValuePolicy::Indicator indicator, int customer) const
{
    const std::vector<float> &pct = m_percentiles[size_t(indicator)];
    return pct.empty() ? 0.5f : pct[size_t(customer)];
}
