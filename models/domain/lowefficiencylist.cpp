#include "lowefficiencylist.h"

#include "branchsnapshot.h"
#include "valuescores.h"

#include <algorithm>

CustomerList LowEfficiencyList::build(const BranchSnapshot &snapshot, const ValueScores &scores, bool wide)
{
    const ValuePolicy &policy = scores.policy();
    const qint64 line = wide ? policy.wideLowEfficiencyLineFen() : policy.lowEfficiencyLineFen();
    const TierPolicy &tiers = snapshot.tierPolicy();
    CustomerList list;
    list.kind = CustomerList::Kind::LowEfficiency;
    list.criteria = QStringLiteral("line=%1").arg(line);
    // Activated means reaching the tier that starts at the line.
    const int target = tiers.tierOfAmount(line);
    for (int i = 0; i < snapshot.customerCount(); ++i) {
        const qint64 basis = tiers.basisAmount(snapshot.customer(i));
        if (basis >= line)
            continue;
        ListMember m;
        m.customer = i;
        m.basisFen = basis;
        m.targetTier = target;
        m.gapFen = line - basis;
        list.members.push_back(m);
    }
    std::stable_sort(list.members.begin(), list.members.end(), [&](const ListMember &a, const ListMember &b) {
        return scores.potential(a.customer) > scores.potential(b.customer);
    });
    return list;
}
