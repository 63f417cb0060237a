#include "rmprogress.h"

#include "branchsnapshot.h"

#include <QSet>

namespace {

using Row = RmProgress::Row;

// The rows of the branch's RMs, and for each customer the row of their RM.
struct RmRows
{
    const BranchSnapshot &snapshot;
    std::vector<Row> &rows;
    std::vector<int> rowOfStaff; // index into rows per staff member, -1 for those who are not RMs

    Row *forCustomer(int customer) const
    {
        const int rm = customer >= 0 ? snapshot.rmOf(customer) : -1;
        return rm >= 0 && rowOfStaff[size_t(rm)] >= 0 ? &rows[size_t(rowOfStaff[size_t(rm)])] : nullptr;
    }
};

// One row per RM with their target, what the campaign metrics and list metrics count
// done, and their capacity today.
void addRmRows(RmRows &out, const Campaign &campaign, const CampaignMetrics &metrics, const ListMetrics &lists,
               int defaultCapacity, const QHash<QString, int> &capacityToday)
{
    const auto &staff = out.snapshot.staff();
    out.rowOfStaff.assign(staff.size(), -1);
    for (size_t i = 0; i < staff.size(); ++i) {
        if (staff[i].role != Staff::Role::RelationshipManager)
            continue;
        Row r;
        r.staff = int(i);
        r.target = campaign.rmTarget(staff[i].staffId);
        if (i < metrics.rmCount())
            r.countDone += metrics.rm(int(i)).conversions;
        if (i < lists.rmCount())
            r.countDone += lists.rm(int(i)).metric[ListMetrics::Activation].num
                           + lists.rm(int(i)).metric[ListMetrics::Conversion].num;
        if (i < metrics.rmCount())
            r.amountDoneFen += metrics.rm(int(i)).metric[size_t(Campaign::MaturityAmount)].num;
        r.capacityToday = capacityToday.value(staff[i].staffId, defaultCapacity);
        out.rowOfStaff[i] = int(out.rows.size());
        out.rows.push_back(r);
    }
}

// What the frozen threshold and low-efficiency members added over their baseline.
void addListGains(const RmRows &rows, const std::vector<CampaignList> &frozen)
{
    const BranchSnapshot &snapshot = rows.snapshot;
    QSet<int> seen;
    for (const CampaignList &list : frozen) {
        if (list.kind != CustomerList::Kind::Threshold && list.kind != CustomerList::Kind::LowEfficiency)
            continue;
        for (const CampaignList::Member &m : list.members) {
            const int c = snapshot.indexOfCustomer(m.customerNo);
            if (c < 0 || seen.contains(c))
                continue;
            seen.insert(c);
            const qint64 gain = snapshot.tierPolicy().basisAmount(snapshot.customer(c)) - m.baselineFen;
            if (Row *r = rows.forCustomer(c); r && gain > 0)
                r->amountDoneFen += gain;
        }
    }
}

// Today: contacts by who logged them, maturities marked kept today by the customer's RM.
void addToday(const RmRows &rows, const ActivityLog &activity, const QDate &asOf)
{
    const BranchSnapshot &snapshot = rows.snapshot;
    QHash<QString, int> rowOfId;
    for (size_t k = 0; k < rows.rows.size(); ++k)
        rowOfId.insert(snapshot.staff()[size_t(rows.rows[k].staff)].staffId, int(k));
    for (int c = 0; c < snapshot.customerCount(); ++c) {
        const QList<Contact> contacts = activity.contactsOf(c);
        for (const Contact &k : contacts) {
            if (k.contactedAt.date() != asOf || activity.isSuperseded(k.contactId))
                continue;
            const auto it = rowOfId.constFind(k.staffId);
            if (it != rowOfId.cend())
                ++rows.rows[size_t(*it)].contactsToday;
        }
        for (const Holding &h : snapshot.holdingsOf(c)) {
            const MaturityOutcome *o = activity.maturityOutcome(h.holdingId);
            if (!o || o->markedAt.date() != asOf || o->keptFen <= 0)
                continue;
            if (Row *r = rows.forCustomer(c)) {
                ++r->keptToday;
                r->keptTodayFen += o->keptFen;
            }
        }
    }
}

} // namespace

RmProgress RmProgress::compute(const BranchSnapshot &snapshot, const ActivityLog &activity, const Campaign &campaign,
                               const CampaignMetrics &metrics, const ListMetrics &lists,
                               const std::vector<CampaignList> &frozen, const WorkingCalendar &calendar,
                               const QDate &asOf, int defaultCapacity, const QHash<QString, int> &capacityToday)
{
    RmProgress out;
    out.m_asOf = asOf;
    RmRows rows{snapshot, out.m_rows, {}};
    addRmRows(rows, campaign, metrics, lists, defaultCapacity, capacityToday);
    addListGains(rows, frozen);
    addToday(rows, activity, asOf);

    // 序时进度: working days gone (today included) over the campaign's working days.
    if (campaign.startsOn.isValid() && campaign.endsOn.isValid() && campaign.startsOn <= campaign.endsOn) {
        for (QDate d = campaign.startsOn; d <= campaign.endsOn; d = d.addDays(1)) {
            if (!calendar.isWorkingDay(d))
                continue;
            ++out.m_days;
            if (d <= asOf)
                ++out.m_daysGone;
        }
        out.m_timeProgress = out.m_days ? double(out.m_daysGone) / out.m_days : 0.0;
    }
    return out;
}

const RmProgress::Row *RmProgress::rowOf(const QString &staffId, const BranchSnapshot &snapshot) const
{
    for (const Row &r : m_rows) {
        if (snapshot.staff()[size_t(r.staff)].staffId == staffId)
            return &r;
    }
    return nullptr;
}
