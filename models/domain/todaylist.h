#pragma once

#include "activitylog.h"
#include "cadenceengine.h"
#include "cadenceroster.h"
#include "todayitem.h"

#include <QDate>
#include <vector>

class BranchSnapshot;

// What an RM's Today page shows on a date: the 731 and 4+1 steps due that day
// or overdue, the ones done that day, follow-ups that came due, and the contacts
// the new-customer, loss-recovery and MOT lists call for (MomentSteps), ordered by
// urgency (days to maturity or to the end of the cycle, amount, tier).
class TodayList
{
public:
    static constexpr int kAllRms = -1;
    struct Counts
    {
        int done = 0;
        int due = 0;
        int overdue = 0;
    };

    TodayList(const BranchSnapshot &snapshot, const CadencePolicy &policy, const WorkingCalendar &calendar,
              const ActivityLog &activity, const CadenceRoster &roster);

    // rm: index into snapshot.staff(), or kAllRms for every assigned customer.
    std::vector<TodayItem> build(int rm, const QDate &asOf) const;
    // The same plus the open steps and follow-ups due after asOf up to `until`
    // (state Upcoming): what the day plan spreads over the coming days.
    std::vector<TodayItem> buildUntil(int rm, const QDate &asOf, const QDate &until) const;
    // The items of one customer, unsorted: to refresh a page after a contact.
    std::vector<TodayItem> forCustomer(int customer, const QDate &asOf, const QDate &until = {}) const;

    static Counts count(const std::vector<TodayItem> &items, const QDate &asOf);
    static bool moreUrgent(const TodayItem &a, const TodayItem &b);
    static void sort(std::vector<TodayItem> &items);

    // "731 step 2 of 3", "4+1 touch 3 of 4", "Follow-up" (translated).
    QString task(const TodayItem &item) const;
    // Why the row is there, with the numbers: "propose a plan: 20.00万元 wealth
    // product maturing 12-03", "threshold 47,500 → 50,000 (gold)" (translated).
    QString why(const TodayItem &item, const QDate &asOf) const;

private:
    void appendCustomer(int customer, const QDate &asOf, std::vector<TodayItem> &out, const QDate &until = {}) const;
    void appendListSteps(int customer, const QDate &asOf, std::vector<TodayItem> &out) const;
    QString listReason(const TodayItem &item, const QDate &asOf) const;
    void appendFollowUps(int customer, const QDate &asOf, const QDate &last, std::vector<TodayItem> &out) const;
    TodayItem fromStep(int customer, const CadencePlan &plan, const CadenceTemplate &tmpl,
                       const CadencePlan::Step &s) const;

    const BranchSnapshot &m_snapshot;
    const CadencePolicy &m_policy;
    const WorkingCalendar &m_calendar;
    const ActivityLog &m_activity;
    const CadenceRoster &m_roster;
    CadenceEngine m_engine;
};
