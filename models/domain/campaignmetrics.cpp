#include "campaignmetrics.h"

#include "branchsnapshot.h"
#include "cadenceengine.h"
#include "maturitylist.h"
#include "retentionlist.h"

#include <algorithm>

namespace {

using State = CadencePlan::Step::State;

// Where a step stands for the discipline counts; false when it is not due yet
// in the campaign or does not count (the product entered late, the plan closed).
bool countStep(const CadencePlan::Step &s, const QDate &from, const QDate &to, CampaignMetrics::Figures &f,
               CampaignMetrics::Ratio *judged)
{
    if (s.due < from || s.due > to || s.state == State::LateEntry || s.state == State::Closed || s.state == State::Upcoming)
        return false;
    ++f.stepsDue;
    switch (s.state) {
    case State::DoneOnTime:
        ++f.onTime;
        break;
    case State::DoneLate:
        ++f.late;
        break;
    case State::Missed:
        ++f.missed;
        break;
    default:
        break;
    }
    if (judged && s.state != State::DueToday)
        judged->add(s.state == State::DoneOnTime);
    return true;
}

} // namespace

bool CampaignMetrics::Figures::meets(Campaign::Metric m, const Campaign &c) const
{
    const Ratio &r = metric[size_t(m)];
    const double target = c.targetPermille[size_t(m)] / 1000.0;
    if (Campaign::lowerIsBetter(m))
        return r.rate() <= target + 1e-9;
    return r.den > 0 && r.rate() + 1e-9 >= target;
}

double CampaignMetrics::Figures::discipline() const
{
    const int judged = onTime + late + missed;
    return judged ? double(onTime) / judged : 0.0;
}

int CampaignMetrics::rankOf(int staffIndex) const
{
    const auto it = std::find(m_ranking.begin(), m_ranking.end(), staffIndex);
    return it == m_ranking.end() ? 0 : int(it - m_ranking.begin()) + 1;
}

CampaignMetrics CampaignMetrics::compute(const BranchSnapshot &snapshot, const CadencePolicy &policy,
                                         const WorkingCalendar &calendar, const ActivityLog &activity,
                                         const CadenceRoster &roster, const Campaign &campaign,
                                         const std::vector<CampaignList> &lists, const QDate &asOf)
{
    CampaignMetrics out;
    out.m_asOf = asOf;
    out.m_rms.resize(snapshot.staff().size());
    const QDate from = campaign.startsOn;
    const QDate to = std::min(campaign.endsOn, asOf);
    if (!from.isValid() || !to.isValid() || to < from)
        return out;
    for (QDate w = from; w <= to; w = w.addDays(7))
        out.m_weeks.push_back({w, {}, {}, 0});
    auto weekOf = [&](const QDate &d) -> Week * {
        if (d < from || d > to)
            return nullptr;
        return &out.m_weeks[size_t(from.daysTo(d) / 7)];
    };
    // Each figure goes to the branch and to the customer's RM.
    auto each = [&](int customer, auto &&fn) {
        fn(out.m_branch);
        const int rm = snapshot.rmOf(customer);
        if (rm >= 0)
            fn(out.m_rms[size_t(rm)]);
    };

    const int vip = snapshot.tierPolicy().indexOfId(policy.retentionMinTier);
    const qint64 vipLine = vip >= 0 ? snapshot.tierPolicy().tier(vip).minFen : 0;
    // The month before the campaign started, as an index into the AUM history.
    auto baselineFen = [&](const Customer &c) -> qint64 {
        const QDate end = QDate::fromString(c.historyEndMonth + QStringLiteral("-01"), Qt::ISODate);
        const QDate month = from.addMonths(-1);
        if (!end.isValid())
            return c.aumFen;
        const int back = int((end.year() - month.year()) * 12 + end.month() - month.month());
        const int at = std::clamp(Customer::kHistoryMonths - 1 - back, 0, Customer::kHistoryMonths - 1);
        return c.aumHistoryFen[size_t(at)];
    };

    const CadenceEngine engine(snapshot, policy, calendar, activity);
    const int threshold = policy.triangleItems;
    for (int c = 0; c < snapshot.customerCount(); ++c) {
        const Customer &cust = snapshot.customer(c);
        if (snapshot.rmOf(c) >= 0)
            ++out.m_rms[size_t(snapshot.rmOf(c))].customers;
        ++out.m_branch.customers;

        // VIP churn: VIP at the start, below VIP now. Coverage: VIP now.
        if (vip >= 0) {
            if (baselineFen(cust) >= vipLine) {
                const bool churned = snapshot.tierOf(c) < vip;
                each(c, [&](Figures &f) { f.metric[Campaign::VipChurn].add(churned); });
            }
            if (snapshot.tierOf(c) >= vip) {
                const auto items = RetentionList::triangleItems(snapshot, c);
                each(c, [&](Figures &f) {
                    for (int t = 0; t < RetentionList::TriangleCount; ++t)
                        f.metric[size_t(Campaign::TriangleProduct + t)].add(items[size_t(t)] >= threshold);
                });
            }
        }

        // Contacts per week.
        const QList<Contact> contacts = activity.contactsOf(c); // const: no detach, no copy
        for (const Contact &k : contacts) {
            if (Week *w = weekOf(k.contactedAt.date()))
                ++w->contacts;
        }

        // 4+1 cycles that ran in the campaign.
        if (roster.onFourPlusOne(c)) {
            each(c, [&](Figures &f) { ++f.fourPlusOne; });
            for (int cycle = 0; cycle < 60; ++cycle) {
                const CadencePlan plan = engine.cyclePlan(c, asOf, cycle);
                if (plan.anchor > to)
                    break;
                if (plan.lateUntil < from)
                    continue;
                bool all = true;
                for (const CadencePlan::Step &s : plan.steps) {
                    each(c, [&](Figures &f) { countStep(s, from, to, f, nullptr); });
                    all = all && s.isDone();
                }
                if (plan.lateUntil <= asOf) // the cycle has ended
                    each(c, [&](Figures &f) { f.metric[Campaign::Complete41].add(all); });
            }
        }
    }

    // 731 steps and maturity conversion: products maturing in the campaign
    // (and in its first week after the end, whose steps fall inside it).
    const MaturityList maturities = MaturityList::build(snapshot, policy, activity, from,
                                                        campaign.endsOn.addDays(engine.maturityLeadDays()), asOf);
    for (const MaturityList::Entry &e : maturities.entries()) {
        if (e.maturity <= campaign.endsOn)
            each(e.customer, [&](Figures &f) { ++f.maturing; });
        const CadencePlan plan = engine.maturityPlan(e.customer, e.holding, asOf);
        for (const CadencePlan::Step &s : plan.steps) {
            Week *w = weekOf(s.due);
            each(e.customer, [&](Figures &f) { countStep(s, from, to, f, &f.metric[Campaign::OnTime731]); });
            if (w && s.state != State::DueToday && s.state != State::LateEntry && s.state != State::Closed
                && s.state != State::Upcoming)
                w->onTime731.add(s.state == State::DoneOnTime);
        }
        if (e.maturity > to || !e.hasOutcome())
            continue;
        const bool kept = e.keptFen > 0;
        each(e.customer, [&](Figures &f) {
            f.metric[Campaign::MaturityCount].add(kept);
            f.metric[Campaign::MaturityAmount].den += e.amountFen;
            f.metric[Campaign::MaturityAmount].num += e.keptFen;
            f.conversions += kept ? 1 : 0;
        });
        if (Week *w = weekOf(e.maturity))
            w->maturityConversion.add(kept);
    }

    // Threshold uplift over the campaign's frozen threshold lists.
    for (const CampaignList &list : lists) {
        if (list.kind != CustomerList::Kind::Threshold)
            continue;
        const CampaignProgress progress(list, snapshot);
        for (const CampaignProgress::Row &row : progress.rows()) {
            if (row.customer < 0) { // gone: counts against the branch
                out.m_branch.metric[Campaign::ThresholdUplift].add(false);
                ++out.m_branch.thresholdMembers;
                continue;
            }
            each(row.customer, [&](Figures &f) {
                ++f.thresholdMembers;
                f.metric[Campaign::ThresholdUplift].add(row.reached);
                f.conversions += row.reached ? 1 : 0;
            });
        }
    }

    for (size_t i = 0; i < snapshot.staff().size(); ++i) {
        if (snapshot.staff()[i].role == Staff::Role::RelationshipManager)
            out.m_ranking.push_back(int(i));
    }
    std::stable_sort(out.m_ranking.begin(), out.m_ranking.end(), [&](int a, int b) {
        const Figures &fa = out.m_rms[size_t(a)];
        const Figures &fb = out.m_rms[size_t(b)];
        if (fa.conversions != fb.conversions)
            return fa.conversions > fb.conversions;
        return fa.discipline() > fb.discipline();
    });
    return out;
}
