#pragma once

#include "branchsnapshot.h"
#include "valuepolicy.h"

#include <vector>

// Current and potential value of every customer of a snapshot, 0-100.
// Each indicator is ranked within the branch (mid-rank percentile, so ties
// share a rank and the score never falls when one indicator rises), weighted
// by the policy, and the weighted mean scaled to 0-100. Built off the UI
// thread; immutable afterwards.
class ValueScores
{
public:
    ValueScores() = default;
    ValueScores(const BranchSnapshot &snapshot, const ValuePolicy &policy);

    int count() const { return int(m_current.size()); }
    float current(int customer) const { return m_current[size_t(customer)]; }
    float potential(int customer) const { return m_potential[size_t(customer)]; }
    const std::vector<float> &currentScores() const { return m_current; }
    const std::vector<float> &potentialScores() const { return m_potential; }
    double medianCurrent() const { return m_medianCurrent; }
    double medianPotential() const { return m_medianPotential; }
    const ValuePolicy &policy() const { return m_policy; }

    // The raw value of one indicator for one customer, as ranked (NaN when unknown).
    static double indicatorValue(ValuePolicy::Indicator indicator, const BranchSnapshot &snapshot, int customer);
    // Percentile (0-1) of one customer on one indicator, for explaining a score.
    float percentile(ValuePolicy::Indicator indicator, int customer) const;

private:
    static std::vector<float> rank(const std::vector<double> &values);

    ValuePolicy m_policy;
    std::vector<float> m_current;
    std::vector<float> m_potential;
    std::vector<std::vector<float>> m_percentiles; // per indicator with a weight, else empty
    double m_medianCurrent = 50;
    double m_medianPotential = 50;
};
