#pragma once

#include "activitylog.h"
#include "cadencepolicy.h"
#include "cadenceroster.h"
#include "campaign.h"
#include "campaignlist.h"
#include "listmetrics.h"
#include "workingcalendar.h"

#include <QDate>
#include <array>
#include <vector>

class BranchSnapshot;

// Where a campaign stands on a day, for the branch and per RM: every metric
// of Campaign against its target, the cadence discipline (steps due, done on
// time, late, missed) and the conversions, with a weekly trend. Computed from
// the snapshot, the activity log and the frozen lists only, on any thread.
class CampaignMetrics
{
public:
    struct Ratio
    {
        qint64 num = 0;
        qint64 den = 0;
        double rate() const { return den ? double(num) / double(den) : 0.0; }
        void add(bool hit, qint64 weight = 1)
        {
            den += weight;
            num += hit ? weight : 0;
        }
    };
    struct Figures
    {
        std::array<Ratio, Campaign::MetricCount> metric;
        int customers = 0;        // assigned customers (branch: all)
        int thresholdMembers = 0; // on the campaign's frozen threshold lists
        int fourPlusOne = 0;      // customers running a 4+1 cycle
        int maturing = 0;         // products maturing in the campaign
        int stepsDue = 0;         // 731 and 4+1 steps due from the start up to the day
        int onTime = 0;
        int late = 0;
        int missed = 0;
        int conversions = 0;      // maturities kept here + threshold members who reached their tier
        Ratio maturityConverted;       // matured products (nearly) all reinvested in a product here, by count
        Ratio maturityConvertedAmount; // ... by amount (the metrics above count what stayed in the bank)
        // Whether the metric meets its target (VIP churn: at most the target).
        bool meets(Campaign::Metric m, const Campaign &c) const;
        // Share of judged steps done on time (due today and not done yet is not judged).
        double discipline() const;
    };
    struct Week
    {
        QDate start;
        Ratio onTime731;          // 731 steps due that week, done on time
        Ratio maturityConversion; // products maturing that week with a known outcome, kept here
        int contacts = 0;         // contacts logged that week
    };

    CampaignMetrics() = default;
    static CampaignMetrics compute(const BranchSnapshot &snapshot, const CadencePolicy &policy,
                                   const WorkingCalendar &calendar, const ActivityLog &activity,
                                   const CadenceRoster &roster, const Campaign &campaign,
                                   const std::vector<CampaignList> &lists, const QDate &asOf);

    // Copies the three list metrics (ListMetrics) into the campaign's rows
    // LowEfficiencyActivation, CrossLineConversion and PayrollRetention, for
    // the branch and every RM, so all six lists stand against their targets.
    void addListMetrics(const ListMetrics &lists);

    const Figures &branch() const { return m_branch; }
    // Figures of snapshot.staff()[staffIndex]; all zero for a manager.
    const Figures &rm(int staffIndex) const { return m_rms.at(size_t(staffIndex)); }
    size_t rmCount() const { return m_rms.size(); }
    // RMs (staff indices) from best to worst: conversions, then discipline.
    const std::vector<int> &ranking() const { return m_ranking; }
    int rankOf(int staffIndex) const; // 1-based; 0 for someone not ranked
    const std::vector<Week> &weeks() const { return m_weeks; }
    QDate asOf() const { return m_asOf; }

private:
    Figures m_branch;
    std::vector<Figures> m_rms;
    std::vector<int> m_ranking;
    std::vector<Week> m_weeks;
    QDate m_asOf;
};
