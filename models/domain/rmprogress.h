#pragma once

#include "activitylog.h"
#include "campaign.h"
#include "campaignlist.h"
#include "campaignmetrics.h"
#include "listmetrics.h"
#include "workingcalendar.h"

#include <QDate>
#include <QHash>
#include <vector>

class BranchSnapshot;

// Each RM's progress against their share of the campaign's targets (一人一表,
// issue 17), and what the day has brought, for the dashboard:
//  - count done: maturities kept here and threshold members who reached their
//    tier (CampaignMetrics' conversions), plus low-efficiency members activated
//    and cross-line conversions (ListMetrics);
//  - amount done, fen: the maturity amounts kept here, plus what the members of
//    the campaign's frozen threshold and low-efficiency lists added over their
//    baseline (tier basis now minus baseline, when positive);
//  - time progress (序时进度): working days of the campaign gone, today
//    included, over all its working days; an RM is on pace when their
//    completion is at least that;
//  - today: contacts the RM logged, their capacity for the day, and the
//    maturities marked kept today with the amount kept.
// Customers count for their RM today.
class RmProgress
{
public:
    struct Row
    {
        int staff = -1; // index into snapshot.staff()
        Campaign::RmTarget target;
        int countDone = 0;
        qint64 amountDoneFen = 0;
        int contactsToday = 0;
        int capacityToday = 0;
        int keptToday = 0;
        qint64 keptTodayFen = 0;
        double countRate() const { return target.count > 0 ? double(countDone) / target.count : 0.0; }
        double amountRate() const { return target.amountFen > 0 ? double(amountDoneFen) / double(target.amountFen) : 0.0; }
    };

    // `capacityToday`: staff id -> the RM's capacity today (lowered by them);
    // missing ones have `defaultCapacity`.
    static RmProgress compute(const BranchSnapshot &snapshot, const ActivityLog &activity, const Campaign &campaign,
                              const CampaignMetrics &metrics, const ListMetrics &lists,
                              const std::vector<CampaignList> &frozen, const WorkingCalendar &calendar,
                              const QDate &asOf, int defaultCapacity, const QHash<QString, int> &capacityToday = {});

    const std::vector<Row> &rows() const { return m_rows; } // one per RM, in staff order
    const Row *rowOf(const QString &staffId, const BranchSnapshot &snapshot) const;
    double timeProgress() const { return m_timeProgress; }
    int workingDaysGone() const { return m_daysGone; }
    int workingDays() const { return m_days; }
    QDate asOf() const { return m_asOf; }

private:
    std::vector<Row> m_rows;
    double m_timeProgress = 0;
    int m_daysGone = 0;
    int m_days = 0;
    QDate m_asOf;
};
