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

namespace {

// Appends QDate::toString(Qt::ISODate) without its formatting machinery, for
// the years it prints as four digits: a plan key is made for every cycle judged.
void appendIsoDate(QString &out, const QDate &d)
{
    int y = 0, m = 0, day = 0;
    d.getDate(&y, &m, &day);
    if (y < 1000 || y > 9999) {
        out += d.toString(Qt::ISODate);
        return;
    }
    const char16_t text[10] = {char16_t(u'0' + y / 1000), char16_t(u'0' + y / 100 % 10), char16_t(u'0' + y / 10 % 10),
                               char16_t(u'0' + y % 10),   u'-',                          char16_t(u'0' + m / 10),
                               char16_t(u'0' + m % 10),   u'-',                          char16_t(u'0' + day / 10),
                               char16_t(u'0' + day % 10)};
    out.append(QStringView(text, 10));
}

// "4+1:<customer no>:<cycle start>" from the enrolment key, in one allocation.
QString cycleKeyOf(const QString &enrolmentKey, const QDate &cycleStart)
{
    QString key;
    key.reserve(enrolmentKey.size() + 11);
    key += enrolmentKey;
    key += QLatin1Char(':');
    appendIsoDate(key, cycleStart);
    return key;
}

// Division rounding toward minus infinity (day counts before enrolment are negative).
qint64 floorDiv(qint64 a, qint64 b)
{
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0);
}

} // namespace

QString CadenceEngine::cycleKey(const QString &customerNo, const QDate &cycleStart)
{
    return cycleKeyOf(cycleEnrolmentKey(customerNo), cycleStart);
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
    if (days < 0 || days > aheadDays || !meetsMaturityFloor(h))
        return false;
    return m_activity.doNotContactCount() == 0 || !m_activity.isDoNotContact(m_snapshot.indexOfCustomer(h.customerNo));
}

bool CadenceEngine::meetsMaturityFloor(const Holding &h) const
{
    const CadencePolicy::MaturityFloor &floor = m_policy.floorFor(h.productType);
    if (h.amountFen >= floor.minFen)
        return true;
    if (floor.minTier.isEmpty())
        return false;
    const int minTier = m_snapshot.tierPolicy().indexOfId(floor.minTier);
    const int customer = m_snapshot.indexOfCustomer(h.customerNo);
    return minTier >= 0 && customer >= 0 && m_snapshot.tierOf(customer) >= minTier;
}

CadencePlan CadenceEngine::maturityPlan(int customer, int holding, const QDate &asOf) const
{
    return maturityPlanImpl(customer, holding, asOf, std::nullopt);
}

CadencePlan CadenceEngine::maturityPlan(int customer, int holding, const QDate &asOf, const MaturityOutcome *mark) const
{
    return maturityPlanImpl(customer, holding, asOf, mark);
}

CadencePlan CadenceEngine::maturityPlanImpl(int customer, int holding, const QDate &asOf,
                                            std::optional<const MaturityOutcome *> mark) const
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
    resolve(plan, m_policy.maturity, asOf, h.holdingId, mark);
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

QDate CadenceEngine::firstCycleStart(int customer, const QDate &asOf, QString *enrolmentKey, QDate *enteredOn) const
{
    const QString &no = m_snapshot.customer(customer).customerNo;
    *enrolmentKey = cycleEnrolmentKey(no);
    QDate entered = m_activity.enrolledOn(*enrolmentKey);
    if (!entered.isValid() || entered > asOf)
        entered = asOf;
    *enteredOn = entered;
    // First cycles of a batch entering together start spread over a week, so
    // a list of hundreds does not put every first touch on the same day.
    return entered.addDays(staggerDays(no, m_policy.cycleStaggerDays));
}

CadencePlan CadenceEngine::cycleAt(int customer, const QString &enrolmentKey, const QDate &enteredOn,
                                   const QDate &firstStart, int cycle, const QDate &asOf) const
{
    const CadenceTemplate &t = m_policy.cycle;
    CadencePlan plan;
    plan.kind = CadencePlan::Kind::Cycle;
    plan.enrolmentKey = enrolmentKey;
    plan.customer = customer;
    plan.enteredOn = enteredOn;
    plan.cycleNumber = cycle;
    plan.anchor = firstStart.addDays(qint64(plan.cycleNumber) * t.cycleDays);
    plan.lateUntil = plan.anchor.addDays(t.cycleDays - 1);
    plan.key = cycleKeyOf(enrolmentKey, plan.anchor);
    resolve(plan, t, asOf, QString());
    return plan;
}

CadencePlan CadenceEngine::cyclePlan(int customer, const QDate &asOf, int cycle) const
{
    QString enrolmentKey;
    QDate entered;
    const QDate firstStart = firstCycleStart(customer, asOf, &enrolmentKey, &entered);
    const qint64 elapsed = firstStart.daysTo(asOf);
    const int number = cycle >= 0 ? cycle : elapsed < 0 ? 0 : int(elapsed / m_policy.cycle.cycleDays);
    return cycleAt(customer, enrolmentKey, entered, firstStart, number, asOf);
}

std::vector<CadencePlan> CadenceEngine::cyclePlansOverlapping(int customer, const QDate &from, const QDate &to,
                                                              const QDate &asOf, int maxCycles) const
{
    std::vector<CadencePlan> plans;
    const qint64 days = m_policy.cycle.cycleDays;
    if (days < 1 || maxCycles < 1 || !from.isValid() || !to.isValid())
        return plans;
    QString enrolmentKey;
    QDate entered;
    const QDate firstStart = firstCycleStart(customer, asOf, &enrolmentKey, &entered);
    // Cycle n runs from firstStart + n*days to firstStart + n*days + days - 1.
    const qint64 first = std::max<qint64>(0, floorDiv(firstStart.daysTo(from), days));
    const qint64 last = std::min<qint64>(maxCycles - 1, floorDiv(firstStart.daysTo(to), days));
    for (qint64 n = first; n <= last; ++n)
        plans.push_back(cycleAt(customer, enrolmentKey, entered, firstStart, int(n), asOf));
    return plans;
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
