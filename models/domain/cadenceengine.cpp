#include "cadenceengine.h"

#include "branchsnapshot.h"

#include <algorithm>

CadenceEngine::CadenceEngine(const BranchSnapshot &snapshot, const CadencePolicy &policy,
                             const WorkingCalendar &calendar, const ActivityLog &activity)
    : m_snapshot(snapshot), m_policy(policy), m_calendar(calendar), m_activity(activity)
{
}

QString CadenceEngine::maturityKey(const QString &holdingId)
{
    return QStringLiteral("731:") + holdingId;
}

QString CadenceEngine::cycleEnrolmentKey(const QString &customerNo)
{
    return QStringLiteral("4+1:") + customerNo;
}

QString CadenceEngine::cycleKey(const QString &customerNo, const QDate &cycleStart)
{
    return cycleEnrolmentKey(customerNo) + QLatin1Char(':') + cycleStart.toString(Qt::ISODate);
}

int CadenceEngine::staggerDays(const QString &customerNo, int spread)
{
    if (spread <= 1)
        return 0;
    // FNV-1a over the UTF-16 code units: independent of Qt's hash seed and version.
    quint32 h = 2166136261u;
    for (QChar ch : customerNo) {
        h ^= ch.unicode();
        h *= 16777619u;
    }
    return int(h % quint32(spread));
}

int CadenceEngine::maturityLeadDays() const
{
    int lead = 0;
    for (const CadenceTemplate::Step &s : m_policy.maturity.steps)
        lead = std::max(lead, -s.day);
    // A due date moved back over the longest holiday run (Spring Festival, 9 days).
    return lead + 10;
}

bool CadenceEngine::hasMaturityPlan(const Holding &h, const QDate &asOf, int aheadDays) const
{
    if (h.status != Holding::Status::Active || !h.maturityDate.isValid() || !m_policy.isMaturityType(h.productType))
        return false;
    const qint64 days = asOf.daysTo(h.maturityDate);
    return days >= 0 && days <= aheadDays;
}

CadencePlan CadenceEngine::maturityPlan(int customer, int holding, const QDate &asOf) const
{
    const Holding &h = m_snapshot.holdings()[size_t(holding)];
    CadencePlan plan;
    plan.kind = CadencePlan::Kind::Maturity;
    plan.key = maturityKey(h.holdingId);
    plan.enrolmentKey = plan.key;
    plan.customer = customer;
    plan.holding = holding;
    plan.anchor = h.maturityDate;
    // Not enrolled yet means it enters the list today (the workspace records it).
    QDate entered = m_activity.enrolledOn(plan.enrolmentKey);
    if (!entered.isValid() || entered > asOf)
        entered = asOf;
    if (h.openDate.isValid() && h.openDate > entered)
        entered = h.openDate;
    plan.enteredOn = entered;
    plan.lateUntil = h.maturityDate;
    resolve(plan, m_policy.maturity, asOf, h.holdingId);
    if (h.status != Holding::Status::Active && !plan.closed) {
        // HQ data says the product is gone: nothing left to do for it.
        plan.closed = true;
        plan.closedOn = std::min(asOf, h.maturityDate);
        for (CadencePlan::Step &s : plan.steps) {
            if (s.isOpen())
                s.state = CadencePlan::Step::State::Closed;
        }
    }
    return plan;
}

CadencePlan CadenceEngine::cyclePlan(int customer, const QDate &asOf, int cycle) const
{
    const Customer &c = m_snapshot.customer(customer);
    const CadenceTemplate &t = m_policy.cycle;
    CadencePlan plan;
    plan.kind = CadencePlan::Kind::Cycle;
    plan.enrolmentKey = cycleEnrolmentKey(c.customerNo);
    plan.customer = customer;
    QDate entered = m_activity.enrolledOn(plan.enrolmentKey);
    if (!entered.isValid() || entered > asOf)
        entered = asOf;
    plan.enteredOn = entered;
    // First cycles of a batch entering together start spread over a week, so
    // a list of hundreds does not put every first touch on the same day.
    const QDate firstStart = entered.addDays(staggerDays(c.customerNo, m_policy.cycleStaggerDays));
    const qint64 elapsed = firstStart.daysTo(asOf);
    plan.cycleNumber = cycle >= 0 ? cycle : elapsed < 0 ? 0 : int(elapsed / t.cycleDays);
    plan.anchor = firstStart.addDays(qint64(plan.cycleNumber) * t.cycleDays);
    plan.lateUntil = plan.anchor.addDays(t.cycleDays - 1);
    plan.key = cycleKey(c.customerNo, plan.anchor);
    resolve(plan, t, asOf, QString());
    return plan;
}

void CadenceEngine::resolve(CadencePlan &plan, const CadenceTemplate &tmpl, const QDate &asOf,
                            const QString &holdingId) const
{
    using State = CadencePlan::Step::State;
    const bool maturity = plan.kind == CadencePlan::Kind::Maturity;
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
        s.calendarMissing = !m_calendar.hasYear(s.nominalDue.year()) || !m_calendar.hasYear(s.due.year());
        if (const auto o = m_activity.overrideFor(plan.key, int(i))) {
            s.due = o->dueDate;
            s.rescheduled = true;
            s.rescheduleReason = o->reason;
        }
        if (maturity && s.due < plan.enteredOn) {
            s.state = State::LateEntry;
            plan.lateEntry = true;
        }
    }
    plan.opensOn = maturity ? std::max(plan.enteredOn, plan.steps.front().due.addDays(-tmpl.openBeforeDays))
                            : plan.anchor;

    // Contacts in time order: each satisfies the earliest open step it fits.
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
    if (maturity && !plan.closed) {
        if (const auto mark = m_activity.maturityOutcome(holdingId)) {
            const QDate day = mark->markedAt.date();
            if (MaturityOutcome::isRetained(mark->kind) && day <= asOf) {
                plan.closed = true;
                plan.closedOn = day;
            }
        }
    }
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
