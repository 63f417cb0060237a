#pragma once

#include "activitylog.h"
#include "cadenceplan.h"
#include "cadencepolicy.h"
#include "workingcalendar.h"

#include <optional>
#include <vector>

class BranchSnapshot;
struct Holding;

// Derives cadence plans: due dates from a template and the working calendar,
// (the 731 maturity rule: cadence731.cpp; the 4+1 cycles: cadence4plus1.cpp),
// then which contacts satisfied which steps. A contact satisfies the earliest
// open step it fits (remote channels for touches, visit/branch/event for the
// face-to-face; a 731 contact about another product does not count), unless
// its outcome is one the policy does not count (default: no answer).
// Holds references only: build one per computation, on any thread.
class CadenceEngine
{
public:
    CadenceEngine(const BranchSnapshot &snapshot, const CadencePolicy &policy, const WorkingCalendar &calendar,
                  const ActivityLog &activity);

    // The 731 plan of holding `holding` (index into snapshot.holdings()) of customer `customer`.
    CadencePlan maturityPlan(int customer, int holding, const QDate &asOf) const;
    // The same with the product's mark, activity.maturityOutcome(holding id), looked up by the caller.
    CadencePlan maturityPlan(int customer, int holding, const QDate &asOf, const MaturityOutcome *mark) const;
    // The customer's current 4+1 cycle (the first one when it has not started
    // yet), or cycle number `cycle` counted from enrolment, judged on asOf.
    CadencePlan cyclePlan(int customer, const QDate &asOf, int cycle = -1) const;
    // The customer's 4+1 cycles that overlap [from, to] (start on or before `to`,
    // end on or after `from`), judged on asOf, oldest first, among the first
    // `maxCycles` counted from enrolment: the same plans as cyclePlan(customer,
    // asOf, n) for those n, without deriving the cycles outside the span.
    std::vector<CadencePlan> cyclePlansOverlapping(int customer, const QDate &from, const QDate &to,
                                                   const QDate &asOf, int maxCycles) const;
    // What the customer 360 shows: 731 plans of products maturing from asOf
    // to the end of the maturity window, and the 4+1 cycle when on a 4+1 list.
    std::vector<CadencePlan> plansOf(int customer, const QDate &asOf, bool onFourPlusOne) const;

    // Whether the holding runs a 731 plan on asOf: a maturity product, still
    // active, maturing from asOf to asOf + `aheadDays`, at or above the policy's
    // floor (meetsMaturityFloor), of a customer who has not refused marketing.
    bool hasMaturityPlan(const Holding &h, const QDate &asOf, int aheadDays) const;
    // The 731 floor: the product's amount at or above its type's min_fen, or
    // the customer's tier at or above its min_tier. Below it: batch work.
    bool meetsMaturityFloor(const Holding &h) const;
    // Days after which a product's first 731 step can be due, counting holidays.
    int maturityLeadDays() const;

    static QString maturityKey(const QString &holdingId);
    static QString cycleEnrolmentKey(const QString &customerNo);
    static QString cycleKey(const QString &customerNo, const QDate &cycleStart);
    // A stable spread (0 .. spread-1) of first-cycle starts, the same on every desktop.
    static int staggerDays(const QString &customerNo, int spread);

    const CadencePolicy &policy() const { return m_policy; }
    const WorkingCalendar &calendar() const { return m_calendar; }

private:
    // When the customer's first 4+1 cycle starts, judged on asOf.
    QDate firstCycleStart(int customer, const QDate &asOf, QString *enrolmentKey, QDate *enteredOn) const;
    CadencePlan cycleAt(int customer, const QString &enrolmentKey, const QDate &enteredOn, const QDate &firstStart,
                        int cycle, const QDate &asOf) const;
    // `mark`, for a 731 plan: the product's mark when the caller has it, else looked up when needed.
    void resolve(CadencePlan &plan, const CadenceTemplate &tmpl, const QDate &asOf, const QString &holdingId,
                 std::optional<const MaturityOutcome *> mark = std::nullopt) const;
    // resolve()'s steps: placing them on the calendar, the contacts that satisfy them, the plan's end.
    void placeSteps(CadencePlan &plan, const CadenceTemplate &tmpl, bool maturity) const;
    void applyContacts(CadencePlan &plan, const QDate &asOf, const QString &holdingId, bool maturity) const;
    void closeIfEnded(CadencePlan &plan, const QDate &asOf, const QString &holdingId,
                      std::optional<const MaturityOutcome *> mark, bool maturity) const;
    CadencePlan maturityPlanImpl(int customer, int holding, const QDate &asOf,
                                 std::optional<const MaturityOutcome *> mark) const;

    const BranchSnapshot &m_snapshot;
    const CadencePolicy &m_policy;
    const WorkingCalendar &m_calendar;
    const ActivityLog &m_activity;
};
