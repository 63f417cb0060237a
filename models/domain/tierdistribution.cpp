#include "tierdistribution.h"

#include "branchsnapshot.h"

#include <numeric>

TierDistribution TierDistribution::of(const BranchSnapshot &snapshot)
{
    TierDistribution d;
    const int tiers = snapshot.tierPolicy().count();
    d.customers.fill(0, tiers);
    d.aumFen.fill(0, tiers);
    for (int i = 0; i < snapshot.customerCount(); ++i) {
        ++d.customers[snapshot.tierOf(i)];
        d.aumFen[snapshot.tierOf(i)] += snapshot.customer(i).aumFen;
    }
    return d;
}

int TierDistribution::totalCustomers() const
{
    return std::accumulate(customers.begin(), customers.end(), 0);
}

qint64 TierDistribution::totalAumFen() const
{
    return std::accumulate(aumFen.begin(), aumFen.end(), qint64(0));
}
