#include "cadenceengine.h"

#include "branchsnapshot.h"

#include <algorithm>

CadenceEngine::CadenceEngine(const BranchSnapshot &snapshot, const CadencePolicy &policy,
                             const WorkingCalendar &calendar, const ActivityLog &activity)
    : m_snapshot(snapshot), m_policy(policy), m_calendar(calendar), m_activity(activity)
{
}

namespace {

// The steps no contact satisfied and no late entry marked, by where they stand on asOf.
void settleOpenSteps(CadencePlan &plan, const QDate &asOf)
{
    using State = CadencePlan::Step::State;
    for (CadencePlan::Step &s : plan.steps) {
        if (!s.contactId.isEmpty() || s.state == State::LateEntry)
            continue;
        if (plan.closed)
            s.state = State::Closed;
        else if (asOf < s.due)
            s.state = State::Upcoming;
        else if (asOf == s.due)
            s.state = State::DueToday;
        else if (asOf <= plan.lateUntil)
            s.state = State::Overdue;
        else
            s.state = State::Missed;
    }
}

} // namespace

void CadenceEngine::resolve(CadencePlan &plan, const CadenceTemplate &tmpl, const QDate &asOf,
                            const QString &holdingId, std::optional<const MaturityOutcome *> mark) const
{
    const bool maturity = plan.kind == CadencePlan::Kind::Maturity;
    placeSteps(plan, tmpl, maturity);
    plan.opensOn = maturity ? std::max(plan.enteredOn, plan.steps.front().due.addDays(-tmpl.openBeforeDays))
                            : plan.anchor;
    applyContacts(plan, asOf, holdingId, maturity);
    closeIfEnded(plan, asOf, holdingId, mark, maturity);
    settleOpenSteps(plan, asOf);
}

// The template's steps on working days (or where the RM moved them); a 731 step due before
// the product entered the branch is a late entry.
void CadenceEngine::placeSteps(CadencePlan &plan, const CadenceTemplate &tmpl, bool maturity) const
{
    const bool overridden = m_activity.hasOverrides(plan.key);
    // Whether the calendar has the year of a day: nearly every due date lies in
    // the anchor's year, whose answer is taken once per plan.
    const int anchorYear = plan.anchor.year();
    const qint64 anchorYearFirst = QDate(anchorYear, 1, 1).toJulianDay();
    const qint64 anchorYearLast = QDate(anchorYear, 12, 31).toJulianDay();
    const bool anchorYearKnown = m_calendar.hasYear(anchorYear);
    const auto knowsYearOf = [&](const QDate &day) {
        const qint64 j = day.toJulianDay();
        return j >= anchorYearFirst && j <= anchorYearLast ? anchorYearKnown : m_calendar.hasYear(day.year());
    };
    plan.steps.resize(tmpl.steps.size());
    for (size_t i = 0; i < tmpl.steps.size(); ++i) {
        CadencePlan::Step &s = plan.steps[i];
        s.index = int(i);
        s.fit = tmpl.steps[i].fit;
        s.purpose = tmpl.steps[i].purpose;
        s.nominalDue = plan.anchor.addDays(tmpl.steps[i].day);
        s.due = m_calendar.onOrBefore(s.nominalDue);
        // A 4+1 step never moves before its cycle: then it moves forward instead.
        if (!maturity && s.due < plan.anchor)
            s.due = std::min(m_calendar.onOrAfter(s.nominalDue), plan.lateUntil);
        s.calendarMissing = !knowsYearOf(s.nominalDue) || !knowsYearOf(s.due);
        if (const auto o = overridden ? m_activity.overrideFor(plan.key, int(i)) : std::optional<StepOverride>()) {
            s.due = o->dueDate;
            s.rescheduled = true;
            s.rescheduleReason = o->reason;
        }
        if (maturity && s.due < plan.enteredOn) {
            s.state = CadencePlan::Step::State::LateEntry;
            plan.lateEntry = true;
        }
    }
}

// Contacts in time order: each satisfies the earliest open step it fits; a 731 plan closes
// at a roll-over or a reinvestment.
void CadenceEngine::applyContacts(CadencePlan &plan, const QDate &asOf, const QString &holdingId, bool maturity) const
{
    using State = CadencePlan::Step::State;
    const QList<Contact> contacts = m_activity.contactsOf(plan.customer);
    for (const Contact &c : contacts) {
        const QDate day = c.contactedAt.date();
        if (day < plan.opensOn || day > plan.lateUntil || day > asOf)
            continue;
        if (m_activity.isSuperseded(c.contactId))
            continue;
        if (maturity && !c.holdingId.isEmpty() && c.holdingId != holdingId)
            continue;
        if (m_policy.satisfies(c.outcome)) {
            for (CadencePlan::Step &s : plan.steps) {
                if (s.contactId.isEmpty() && s.state != State::LateEntry && CadenceTemplate::fits(s.fit, c.channel)) {
                    s.contactId = c.contactId;
                    s.doneOn = day;
                    s.state = day <= s.due ? State::DoneOnTime : State::DoneLate;
                    break;
                }
            }
        }
        if (maturity && !plan.closed
            && (c.outcome == Contact::Outcome::RolledOver || c.outcome == Contact::Outcome::Reinvested)) {
            plan.closed = true;
            plan.closedOn = day;
        }
    }
}

// A 4+1 plan ends when the customer declined; a 731 plan when its product's mark says it was retained.
void CadenceEngine::closeIfEnded(CadencePlan &plan, const QDate &asOf, const QString &holdingId,
                                 std::optional<const MaturityOutcome *> mark, bool maturity) const
{
    if (!maturity && m_policy.declinedEndsCycle) {
        // "Declined" ends the customer's 4+1 plan: what is still open closes.
        const QDate declined = m_activity.declinedOn(plan.customer, asOf);
        if (declined.isValid() && declined <= plan.lateUntil) {
            plan.closed = true;
            plan.closedOn = std::max(declined, plan.anchor);
        }
    }
    if (maturity && !plan.closed) {
        if (const MaturityOutcome *m = mark ? *mark : m_activity.maturityOutcome(holdingId)) {
            const QDate day = m->markedAt.date();
            if (MaturityOutcome::isRetained(m->kind) && day <= asOf) {
                plan.closed = true;
                plan.closedOn = day;
            }
        }
    }
}

std::vector<CadencePlan> CadenceEngine::plansOf(int customer, const QDate &asOf, bool onFourPlusOne) const
{
    std::vector<CadencePlan> plans;
    const auto holdings = m_snapshot.holdingsOf(customer);
    const Holding *base = m_snapshot.holdings().data();
    for (const Holding &h : holdings) {
        if (hasMaturityPlan(h, asOf, m_policy.maturityWindowDays))
            plans.push_back(maturityPlan(customer, int(&h - base), asOf));
    }
    std::sort(plans.begin(), plans.end(), [](const CadencePlan &a, const CadencePlan &b) { return a.anchor < b.anchor; });
    if (onFourPlusOne)
        plans.push_back(cyclePlan(customer, asOf));
    return plans;
}
