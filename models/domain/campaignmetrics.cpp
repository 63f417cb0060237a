#include "campaignmetrics.h"

#include "branchsnapshot.h"
#include "cadenceengine.h"
#include "maturitylist.h"
#include "retentionlist.h"

#include <QThread>

#include <algorithm>
#include <thread>

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

void CampaignMetrics::addListMetrics(const ListMetrics &lists)
{
    const auto copy = [](Figures &into, const ListMetrics::Figures &from) {
        const std::pair<Campaign::Metric, ListMetrics::Metric> pairs[] = {
            {Campaign::LowEfficiencyActivation, ListMetrics::Activation},
            {Campaign::CrossLineConversion, ListMetrics::Conversion},
            {Campaign::PayrollRetention, ListMetrics::PayrollRetention}};
        for (const auto &[to, m] : pairs)
            into.metric[size_t(to)] = {from.metric[m].num, from.metric[m].den};
    };
    copy(m_branch, lists.branch());
    for (size_t r = 0; r < m_rms.size() && r < lists.rmCount(); ++r)
        copy(m_rms[r], lists.rm(int(r)));
}

namespace {

// One worker's share of the figures, merged at the end.
struct Partial
{
    CampaignMetrics::Figures branch;
    std::vector<CampaignMetrics::Figures> rms;
    std::vector<CampaignMetrics::Week> weeks;
};

void merge(CampaignMetrics::Figures &into, const CampaignMetrics::Figures &f)
{
    for (size_t m = 0; m < into.metric.size(); ++m) {
        into.metric[m].num += f.metric[m].num;
        into.metric[m].den += f.metric[m].den;
    }
    into.customers += f.customers;
    into.thresholdMembers += f.thresholdMembers;
    into.fourPlusOne += f.fourPlusOne;
    into.maturing += f.maturing;
    into.stepsDue += f.stepsDue;
    into.onTime += f.onTime;
    into.late += f.late;
    into.missed += f.missed;
    into.conversions += f.conversions;
    into.maturityConverted.num += f.maturityConverted.num;
    into.maturityConverted.den += f.maturityConverted.den;
    into.maturityConvertedAmount.num += f.maturityConvertedAmount.num;
    into.maturityConvertedAmount.den += f.maturityConvertedAmount.den;
}

// Runs job(worker, begin, end) over [0, count) split in `workers` slices, in parallel.
template<typename Job>
void inSlices(size_t count, int workers, Job job)
{
    std::vector<std::thread> threads;
    const size_t per = (count + size_t(workers) - 1) / size_t(workers);
    for (int w = 1; w < workers; ++w) {
        const size_t b = std::min(count, per * size_t(w)), e = std::min(count, per * size_t(w + 1));
        threads.emplace_back([&job, w, b, e] { job(w, b, e); });
    }
    job(0, 0, std::min(count, per));
    for (std::thread &t : threads)
        t.join();
}

// What every slice of the customer pass reads.
struct PassInputs
{
    const BranchSnapshot &snapshot;
    const CadencePolicy &policy;
    const ActivityLog &activity;
    const CadenceRoster &roster;
    const CadenceEngine &engine;
    QDate from;
    QDate to;
    QDate asOf;
    QDate endsOn;
    // Products maturing in the campaign, and in the days after it whose first steps fall inside it:
    // the entries of MaturityList::build(from, lastMaturity), taken customer by customer.
    QDate lastMaturity;
    QDate baselineMonth;
    int vip;
    qint64 vipLine;
    int threshold;
    const Holding *holdingBase;
};

// One worker's pass over its slice of customers, front to back: VIP churn and triangles,
// contacts per week, 4+1 cycles, and the customer's maturing products (731 steps, maturity
// conversion). Each product's mark is looked up once, for its outcome and its plan.
class SlicePass
{
public:
    using Figures = CampaignMetrics::Figures;
    using Week = CampaignMetrics::Week;

    SlicePass(const PassInputs &in, Partial &p)
        : m_in(in)
        , m_p(p)
    {
    }

    void run(size_t begin, size_t end)
    {
        for (int c = int(begin); c < int(end); ++c) {
            const Customer &cust = m_in.snapshot.customer(c);
            ++m_p.branch.customers;
            if (m_in.snapshot.rmOf(c) >= 0)
                ++m_p.rms[size_t(m_in.snapshot.rmOf(c))].customers;
            if (m_in.vip >= 0)
                vipChurnAndTriangles(c, cust);
            contactsPerWeek(c);
            if (m_in.roster.onFourPlusOne(c))
                fourPlusOneCycles(c);
            for (const Holding &h : m_in.snapshot.holdingsOf(c)) {
                if (MaturityList::lists(m_in.policy, h, m_in.from, m_in.lastMaturity))
                    maturingProduct(c, h);
            }
        }
    }

private:
    // Each figure goes to the branch and to the customer's RM.
    template<typename Fn>
    void each(int customer, Fn &&fn)
    {
        fn(m_p.branch);
        const int rm = m_in.snapshot.rmOf(customer);
        if (rm >= 0)
            fn(m_p.rms[size_t(rm)]);
    }

    Week *weekOf(const QDate &d)
    {
        if (d < m_in.from || d > m_in.to)
            return nullptr;
        return &m_p.weeks[size_t(m_in.from.daysTo(d) / 7)];
    }

    // The customer's AUM in the month before the campaign.
    qint64 baselineAum(const Customer &cust)
    {
        if (cust.historyEndMonth != m_lastEnd) { // the same month for nearly everyone: parse once
            m_lastEnd = cust.historyEndMonth;
            const QDate endMonth = QDate::fromString(m_lastEnd + QStringLiteral("-01"), Qt::ISODate);
            m_back = endMonth.isValid() ? int((endMonth.year() - m_in.baselineMonth.year()) * 12 + endMonth.month()
                                              - m_in.baselineMonth.month())
                                        : -1;
        }
        return m_back < 0 ? cust.aumFen
                          : cust.aumHistoryFen[size_t(std::clamp(Customer::kHistoryMonths - 1 - m_back, 0,
                                                                 Customer::kHistoryMonths - 1))];
    }

    // VIP churn: VIP in the month before the campaign, below VIP now. Coverage: VIP now.
    void vipChurnAndTriangles(int c, const Customer &cust)
    {
        if (baselineAum(cust) >= m_in.vipLine) {
            const bool churned = m_in.snapshot.tierOf(c) < m_in.vip;
            each(c, [&](Figures &f) { f.metric[Campaign::VipChurn].add(churned); });
        }
        if (m_in.snapshot.tierOf(c) >= m_in.vip) {
            const auto items = RetentionList::triangleItems(m_in.snapshot, c, &m_in.activity);
            each(c, [&](Figures &f) {
                for (int t = 0; t < RetentionList::TriangleCount; ++t)
                    f.metric[size_t(Campaign::TriangleProduct + t)].add(items[size_t(t)] >= m_in.threshold);
            });
        }
    }

    void contactsPerWeek(int c)
    {
        const QList<Contact> contacts = m_in.activity.contactsOf(c); // const: no detach, no copy
        for (const Contact &k : contacts) {
            if (Week *wk = weekOf(k.contactedAt.date()))
                ++wk->contacts;
        }
    }

    // 4+1 cycles that ran in the campaign.
    void fourPlusOneCycles(int c)
    {
        each(c, [&](Figures &f) { ++f.fourPlusOne; });
        // Only the cycles overlapping the campaign are derived (of the first 60 after enrolment).
        for (const CadencePlan &plan : m_in.engine.cyclePlansOverlapping(c, m_in.from, m_in.to, m_in.asOf, 60)) {
            bool all = true;
            for (const CadencePlan::Step &s : plan.steps) {
                each(c, [&](Figures &f) { countStep(s, m_in.from, m_in.to, f, nullptr); });
                all = all && s.isDone();
            }
            if (plan.lateUntil <= m_in.asOf) // the cycle has ended
                each(c, [&](Figures &f) { f.metric[Campaign::Complete41].add(all); });
        }
    }

    // 731 steps and maturity conversion of one product on the maturity list.
    void maturingProduct(int c, const Holding &h)
    {
        const int holding = int(&h - m_in.holdingBase);
        const MaturityOutcome *mark = m_in.activity.maturityOutcome(h.holdingId);
        const MaturityList::Entry e = MaturityList::entryOf(m_in.snapshot, m_in.activity, c, holding, m_in.asOf, mark,
                                                            m_in.policy.convertedMinPct);
        if (e.maturity <= m_in.endsOn)
            each(c, [&](Figures &f) { ++f.maturing; });
        const CadencePlan plan = m_in.engine.maturityPlan(c, holding, m_in.asOf, mark);
        for (const CadencePlan::Step &s : plan.steps) {
            each(c, [&](Figures &f) { countStep(s, m_in.from, m_in.to, f, &f.metric[Campaign::OnTime731]); });
            Week *wk = weekOf(s.due);
            if (wk && s.state != State::DueToday && s.state != State::LateEntry && s.state != State::Closed
                && s.state != State::Upcoming)
                wk->onTime731.add(s.state == State::DoneOnTime);
        }
        if (e.maturity > m_in.to || !e.hasOutcome())
            return;
        // Retained in the bank (a demand deposit included), and converted into a product, apart.
        const bool kept = e.retained;
        each(c, [&](Figures &f) {
            f.metric[Campaign::MaturityCount].add(kept);
            f.metric[Campaign::MaturityAmount].den += e.amountFen;
            f.metric[Campaign::MaturityAmount].num += e.retainedFen;
            f.maturityConverted.add(e.converted);
            f.maturityConvertedAmount.den += e.amountFen;
            f.maturityConvertedAmount.num += e.convertedFen;
            f.conversions += kept ? 1 : 0;
        });
        if (Week *wk = weekOf(e.maturity))
            wk->maturityConversion.add(kept);
    }

    const PassInputs &m_in;
    Partial &m_p;
    QString m_lastEnd;
    int m_back = 0;
};

// The workers' partial figures added up into the branch's, the RMs' and the weeks'.
void mergeParts(const std::vector<Partial> &parts, CampaignMetrics::Figures &branch,
                std::vector<CampaignMetrics::Figures> &rms, std::vector<CampaignMetrics::Week> &weeks)
{
    for (const Partial &p : parts) {
        merge(branch, p.branch);
        for (size_t r = 0; r < p.rms.size(); ++r)
            merge(rms[r], p.rms[r]);
        for (size_t k = 0; k < p.weeks.size(); ++k) {
            CampaignMetrics::Week &wk = weeks[k];
            wk.contacts += p.weeks[k].contacts;
            wk.onTime731.num += p.weeks[k].onTime731.num;
            wk.onTime731.den += p.weeks[k].onTime731.den;
            wk.maturityConversion.num += p.weeks[k].maturityConversion.num;
            wk.maturityConversion.den += p.weeks[k].maturityConversion.den;
        }
    }
}

// Threshold uplift over the campaign's frozen threshold lists.
void addThresholdUplift(const BranchSnapshot &snapshot, const std::vector<CampaignList> &lists,
                        CampaignMetrics::Figures &branch, std::vector<CampaignMetrics::Figures> &rms)
{
    for (const CampaignList &list : lists) {
        if (list.kind != CustomerList::Kind::Threshold)
            continue;
        const CampaignProgress progress(list, snapshot);
        for (const CampaignProgress::Row &row : progress.rows()) {
            if (row.customer < 0) { // gone: counts against the branch
                branch.metric[Campaign::ThresholdUplift].add(false);
                ++branch.thresholdMembers;
                continue;
            }
            const auto add = [&](CampaignMetrics::Figures &f) {
                ++f.thresholdMembers;
                f.metric[Campaign::ThresholdUplift].add(row.reached);
                f.conversions += row.reached ? 1 : 0;
            };
            add(branch);
            if (snapshot.rmOf(row.customer) >= 0)
                add(rms[size_t(snapshot.rmOf(row.customer))]);
        }
    }
}

// The RMs, most conversions first, then the best discipline.
std::vector<int> rankRms(const BranchSnapshot &snapshot, const std::vector<CampaignMetrics::Figures> &rms)
{
    std::vector<int> ranking;
    for (size_t i = 0; i < snapshot.staff().size(); ++i) {
        if (snapshot.staff()[i].role == Staff::Role::RelationshipManager)
            ranking.push_back(int(i));
    }
    std::stable_sort(ranking.begin(), ranking.end(), [&](int a, int b) {
        const CampaignMetrics::Figures &fa = rms[size_t(a)];
        const CampaignMetrics::Figures &fb = rms[size_t(b)];
        if (fa.conversions != fb.conversions)
            return fa.conversions > fb.conversions;
        return fa.discipline() > fb.discipline();
    });
    return ranking;
}

} // namespace

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

    // The work is a sum over customers and products: slices run on every core
    // and their figures are added up (a 100k branch has ~70k plans to judge).
    const int workers = std::clamp(QThread::idealThreadCount(), 1, 8);
    std::vector<Partial> parts(static_cast<size_t>(workers));
    for (Partial &p : parts) {
        p.rms.resize(snapshot.staff().size());
        p.weeks = out.m_weeks;
    }

    const int vip = snapshot.tierPolicy().indexOfId(policy.retentionMinTier);
    const CadenceEngine engine(snapshot, policy, calendar, activity);
    const PassInputs in{snapshot,
                        policy,
                        activity,
                        roster,
                        engine,
                        from,
                        to,
                        asOf,
                        campaign.endsOn,
                        campaign.endsOn.addDays(engine.maturityLeadDays()),
                        from.addMonths(-1),
                        vip,
                        vip >= 0 ? snapshot.tierPolicy().tier(vip).minFen : 0,
                        policy.triangleItems,
                        snapshot.holdings().data()};
    inSlices(size_t(snapshot.customerCount()), workers, [&](int w, size_t begin, size_t end) {
        SlicePass(in, parts[size_t(w)]).run(begin, end);
    });

    mergeParts(parts, out.m_branch, out.m_rms, out.m_weeks);
    addThresholdUplift(snapshot, lists, out.m_branch, out.m_rms);
    out.m_ranking = rankRms(snapshot, out.m_rms);
    return out;
}
