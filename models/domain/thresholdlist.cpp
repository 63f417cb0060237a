#include "thresholdlist.h"

#include "branchsnapshot.h"

#include <algorithm>

qint64 ThresholdList::projectedMonthEndAverage(const Customer &c, const QDate &asOf)
{
    if (!asOf.isValid())
        return c.aumMtdAvgFen;
    // The month-to-date average covers days 1..asOf; the rest of the month at today's balance.
    const qint64 elapsed = asOf.day();
    const qint64 days = asOf.daysInMonth();
    return (c.aumMtdAvgFen * elapsed + c.aumFen * (days - elapsed)) / days;
}

CustomerList ThresholdList::build(const BranchSnapshot &snapshot, const ValuePolicy &policy, int band)
{
    CustomerList list;
    list.kind = CustomerList::Kind::Threshold;
    const TierPolicy &tiers = snapshot.tierPolicy();
    struct Range
    {
        qint64 from;
        qint64 to;
        int tier;
    };
    std::vector<Range> ranges;
    QStringList criteria;
    for (int b = 0; b < policy.thresholdBands().size(); ++b) {
        if (band >= 0 && b != band)
            continue;
        const ValuePolicy::ThresholdBand &tb = policy.thresholdBands().at(b);
        const int tier = tiers.indexOfId(tb.tierId);
        if (tier < 0)
            continue; // a band towards a tier this ladder does not have
        ranges.push_back({tb.fromFen, tiers.tier(tier).minFen, tier});
        criteria << QStringLiteral("[%1,%2)->%3").arg(tb.fromFen).arg(tiers.tier(tier).minFen).arg(tb.tierId);
    }
    list.criteria = QStringLiteral("bands=") + criteria.join(QLatin1Char(';'));
    for (int i = 0; i < snapshot.customerCount(); ++i) {
        const Customer &c = snapshot.customer(i);
        const qint64 basis = tiers.basisAmount(c);
        for (const Range &r : ranges) {
            if (basis >= r.from && basis < r.to) {
                ListMember m;
                m.customer = i;
                m.basisFen = basis;
                m.targetTier = r.tier;
                m.gapFen = r.to - basis;
                m.projectedFen = projectedMonthEndAverage(c, snapshot.asOf());
                list.members.push_back(m);
                break;
            }
        }
    }
    std::stable_sort(list.members.begin(), list.members.end(),
                     [](const ListMember &a, const ListMember &b) { return a.gapFen < b.gapFen; });
    return list;
}
