#include "campaignlist.h"

#include "branchsnapshot.h"

CampaignList CampaignList::freeze(const QString &name, const CustomerList &list, const BranchSnapshot &snapshot,
                                  const ValueScores *scores)
{
    CampaignList c;
    c.name = name;
    c.kind = list.kind;
    c.criteria = list.criteria;
    c.frozenOn = snapshot.asOf();
    c.members.reserve(list.members.size());
    const TierPolicy &policy = snapshot.tierPolicy();
    for (const ListMember &m : list.members) {
        Member member;
        member.customerNo = snapshot.customer(m.customer).customerNo;
        member.baselineFen = m.basisFen;
        member.baselineTier = policy.tier(snapshot.tierOf(m.customer)).id;
        const int target = m.targetTier >= 0 ? m.targetTier : std::min(snapshot.tierOf(m.customer) + 1, policy.count() - 1);
        member.targetTier = policy.tier(target).id;
        member.reason = CustomerList::reason(list.kind, m, snapshot, scores);
        c.members.push_back(std::move(member));
    }
    return c;
}

CampaignProgress::CampaignProgress(const CampaignList &list, const BranchSnapshot &snapshot)
{
    const TierPolicy &policy = snapshot.tierPolicy();
    m_rows.reserve(list.members.size());
    for (size_t k = 0; k < list.members.size(); ++k) {
        const CampaignList::Member &member = list.members[k];
        Row row;
        row.member = int(k);
        row.customer = snapshot.indexOfCustomer(member.customerNo);
        // A tier id the ladder no longer has falls back to the baseline amount's tier.
        row.baselineTier = policy.indexOfId(member.baselineTier);
        if (row.baselineTier < 0)
            row.baselineTier = policy.tierOfAmount(member.baselineFen);
        row.targetTier = policy.indexOfId(member.targetTier);
        if (row.targetTier < 0)
            row.targetTier = std::min(row.baselineTier + 1, policy.count() - 1);
        if (row.customer < 0) {
            row.movement = Movement::Gone;
            ++m_gone;
        } else {
            row.currentFen = policy.basisAmount(snapshot.customer(row.customer));
            row.currentTier = snapshot.tierOf(row.customer);
            row.reached = row.currentTier >= row.targetTier;
            row.movement = row.currentTier > row.baselineTier   ? Movement::Upgraded
                           : row.currentTier < row.baselineTier ? Movement::Downgraded
                                                                : Movement::Unchanged;
            m_reached += row.reached ? 1 : 0;
            m_upgraded += row.movement == Movement::Upgraded ? 1 : 0;
            m_downgraded += row.movement == Movement::Downgraded ? 1 : 0;
        }
        m_rows.push_back(row);
    }
}
