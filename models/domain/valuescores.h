#pragma once

#include "branchsnapshot.h"
#include "valuepolicy.h"

#include <vector>

// Current and potential value of the customers a snapshot holds, 0-100.
// Only the policy's population is scored (default: customers under the VIP
// line, seed 001); the others have no score (scored() is false, their scores
// NaN) and sit on no quadrant. Each indicator is ranked within the population
// (mid-rank percentile, so ties share a rank and the score never falls when one
// indicator rises), weighted by the policy, and the weighted mean scaled to
// 0-100. Built off the UI thread; immutable afterwards.
class ValueScores
{
public:
    ValueScores() = default;
    ValueScores(const BranchSnapshot &snapshot, const ValuePolicy &policy);

    int count() const { return int(m_current.size()); }
    // Whether a customer belongs to the scored population.
    bool scored(int customer) const { return m_scored[size_t(customer)] != 0; }
    int scoredCount() const { return m_scoredCount; }
    // The lowest tier left out of the population (-1: everyone is scored).
    int firstUnscoredTier() const { return m_firstUnscoredTier; }
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
    void markPopulation(const BranchSnapshot &snapshot);

    ValuePolicy m_policy;
    std::vector<float> m_current;
    std::vector<float> m_potential;
    std::vector<quint8> m_scored;
    int m_scoredCount = 0;
    int m_firstUnscoredTier = -1;
    std::vector<std::vector<float>> m_percentiles; // per indicator with a weight, else empty
    double m_medianCurrent = 50;
    double m_medianPotential = 50;
};
