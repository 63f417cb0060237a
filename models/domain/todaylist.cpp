#include "todaylist.h"

#include "branchsnapshot.h"
#include "momentlists.h"
#include "momentsteps.h"
#include "moneyformat.h"

#include <QCoreApplication>
#include <QLocale>

#include <algorithm>

TodayList::TodayList(const BranchSnapshot &snapshot, const CadencePolicy &policy, const WorkingCalendar &calendar,
                     const ActivityLog &activity, const CadenceRoster &roster)
    : m_snapshot(snapshot), m_policy(policy), m_calendar(calendar), m_activity(activity), m_roster(roster),
      m_engine(snapshot, policy, calendar, activity)
{
}

std::vector<TodayItem> TodayList::build(int rm, const QDate &asOf) const
{
    return buildUntil(rm, asOf, asOf);
}

std::vector<TodayItem> TodayList::buildUntil(int rm, const QDate &asOf, const QDate &until) const
{
    std::vector<TodayItem> out;
    if (rm == kAllRms) {
        for (int c = 0; c < m_snapshot.customerCount(); ++c) {
            if (m_snapshot.rmOf(c) >= 0)
                appendCustomer(c, asOf, out, until);
        }
    } else {
        for (int c : m_roster.customersOf(rm))
            appendCustomer(c, asOf, out, until);
    }
    sort(out);
    return out;
}

std::vector<TodayItem> TodayList::forCustomer(int customer, const QDate &asOf, const QDate &until) const
{
    std::vector<TodayItem> out;
    appendCustomer(customer, asOf, out, until);
    return out;
}

TodayItem TodayList::fromStep(int customer, const CadencePlan &plan, const CadenceTemplate &tmpl,
                              const CadencePlan::Step &s) const
{
    TodayItem item;
    item.customer = customer;
    item.rm = m_snapshot.rmOf(customer);
    item.tier = m_snapshot.tierOf(customer);
    item.planKey = plan.key;
    item.stepIndex = s.index;
    item.stepCount = int(plan.steps.size());
    item.fit = s.fit;
    item.ordinal = tmpl.ordinalOf(s.index);
    item.fitCount = tmpl.countOf(s.fit);
    item.purpose = s.purpose;
    item.state = s.state;
    item.due = s.due;
    item.deadline = plan.lateUntil;
    item.lateEntry = plan.lateEntry;
    item.rescheduled = s.rescheduled;
    item.rescheduleReason = s.rescheduleReason;
    item.calendarMissing = s.calendarMissing;
    item.contactId = s.contactId;
    return item;
}

void TodayList::appendCustomer(int customer, const QDate &asOf, std::vector<TodayItem> &out, const QDate &until) const
{
    using State = CadencePlan::Step::State;
    // 拒绝营销: the customer leaves every cadence and list (follow-ups agreed after the refusal stay).
    const bool dnc = m_activity.doNotContactCount() > 0 && m_activity.isDoNotContact(customer);
    const QDate last = until.isValid() && until > asOf ? until : asOf;
    auto shown = [&](const CadencePlan::Step &s) {
        return s.state == State::DueToday || s.state == State::Overdue || (s.isDone() && s.doneOn == asOf)
               || (s.state == State::Upcoming && s.due <= last);
    };

    // 731: only products whose first step can already be due, and that have not matured.
    const int ahead = m_engine.maturityLeadDays() + int(asOf.daysTo(last));
    const Holding *base = m_snapshot.holdings().data();
    for (const Holding &h : dnc ? std::span<const Holding>() : m_snapshot.holdingsOf(customer)) {
        if (!m_engine.hasMaturityPlan(h, asOf, ahead))
            continue;
        const CadencePlan plan = m_engine.maturityPlan(customer, int(&h - base), asOf);
        for (const CadencePlan::Step &s : plan.steps) {
            if (!shown(s))
                continue;
            TodayItem item = fromStep(customer, plan, m_policy.maturity, s);
            item.kind = TodayItem::Kind::MaturityStep;
            item.holding = plan.holding;
            item.maturity = h.maturityDate;
            item.amountFen = h.amountFen;
            out.push_back(std::move(item));
        }
    }

    if (!dnc && m_roster.onFourPlusOne(customer)) {
        const std::vector<CadencePlan> plans = last == asOf
                                                   ? std::vector<CadencePlan>{m_engine.cyclePlan(customer, asOf)}
                                                   : m_engine.cyclePlansOverlapping(customer, asOf, last, asOf, 1 << 20);
        const qint64 aum = m_snapshot.tierPolicy().basisAmount(m_snapshot.customer(customer));
        for (const CadencePlan &plan : plans) {
            for (const CadencePlan::Step &s : plan.steps) {
                if (!shown(s))
                    continue;
                TodayItem item = fromStep(customer, plan, m_policy.cycle, s);
                item.kind = TodayItem::Kind::CycleStep;
                item.amountFen = aum;
                item.lists = m_roster.listsOf(customer);
                out.push_back(std::move(item));
            }
        }
    }
    if (!dnc && m_policy.moments.inToday)
        appendListSteps(customer, asOf, out);
    const size_t before = out.size();
    appendFollowUps(customer, asOf, last, out);
    if (dnc) {
        // A follow-up agreed on or before the day of the refusal is marketing the customer
        // has since declined; one agreed later is a call the customer asked for, and stays.
        const QDate refused = m_activity.doNotContact(customer)->since;
        out.erase(std::remove_if(out.begin() + std::ptrdiff_t(before), out.end(),
                                 [&](const TodayItem &i) { return !refused.isValid() || i.agreedOn <= refused; }),
                  out.end());
    }
}

void TodayList::appendListSteps(int customer, const QDate &asOf, std::vector<TodayItem> &out) const
{
    // The new-customer, loss-recovery and MOT lists (issue 18): one contact each, due now.
    const auto plannedBy731 = [&](const Holding &h) {
        return m_engine.hasMaturityPlan(h, asOf, m_engine.maturityLeadDays());
    };
    const Customer &c = m_snapshot.customer(customer);
    for (const MomentSteps::Step &st :
         MomentSteps::of(m_snapshot, m_activity, m_policy.moments, customer, asOf, plannedBy731)) {
        TodayItem item;
        item.kind = TodayItem::Kind::ListStep;
        item.customer = customer;
        item.rm = m_snapshot.rmOf(customer);
        item.tier = m_snapshot.tierOf(customer);
        item.planKey = QStringLiteral("list:%1:%2").arg(CustomerList::kindKey(st.kind), c.customerNo);
        item.stepIndex = 0;
        item.stepCount = 1;
        item.ordinal = 1;
        item.fitCount = 1;
        item.fit = st.faceToFace ? CadenceTemplate::Fit::FaceToFace : CadenceTemplate::Fit::Any;
        item.due = asOf;
        item.deadline = st.deadline;
        item.amountFen = m_snapshot.tierPolicy().basisAmount(c);
        item.listKind = int(st.kind);
        item.listReasons = st.member.reasons;
        item.contactId = st.doneBy;
        item.state = st.doneBy.isEmpty() ? CadencePlan::Step::State::DueToday : CadencePlan::Step::State::DoneOnTime;
        out.push_back(std::move(item));
    }
}

void TodayList::appendFollowUps(int customer, const QDate &asOf, const QDate &last, std::vector<TodayItem> &out) const
{
    using State = CadencePlan::Step::State;
    // A follow-up is open until the next contact with the customer after the one that agreed it.
    const QList<Contact> contacts = m_activity.contactsOf(customer);
    for (qsizetype i = 0; i < contacts.size(); ++i) {
        const Contact &agreed = contacts.at(i);
        if (!agreed.nextStepDate.isValid() || agreed.nextStepDate > last || m_activity.isSuperseded(agreed.contactId)
            || agreed.contactedAt.date() > asOf)
            continue;
        const Contact *next = nullptr;
        for (qsizetype j = i + 1; j < contacts.size(); ++j) {
            const Contact &later = contacts.at(j);
            if (later.contactedAt > agreed.contactedAt && later.supersedes != agreed.contactId
                && !m_activity.isSuperseded(later.contactId) && later.contactedAt.date() <= asOf) {
                next = &later;
                break;
            }
        }
        if (next && next->contactedAt.date() != asOf)
            continue; // done on an earlier day: history, not today's work
        if (next && agreed.nextStepDate > asOf)
            continue; // a later follow-up already done today: nothing left to plan
        TodayItem item;
        item.kind = TodayItem::Kind::FollowUp;
        item.customer = customer;
        item.rm = m_snapshot.rmOf(customer);
        item.tier = m_snapshot.tierOf(customer);
        item.due = agreed.nextStepDate;
        item.deadline = agreed.nextStepDate;
        item.amountFen = m_snapshot.tierPolicy().basisAmount(m_snapshot.customer(customer));
        item.contactId = agreed.contactId;
        item.agreedOn = agreed.contactedAt.date();
        item.agreedNote = agreed.note;
        item.holding = -1;
        if (next)
            item.state = next->contactedAt.date() <= agreed.nextStepDate ? State::DoneOnTime : State::DoneLate;
        else
            item.state = agreed.nextStepDate == asOf ? State::DueToday
                         : agreed.nextStepDate > asOf ? State::Upcoming
                                                      : State::Overdue;
        out.push_back(std::move(item));
    }
}

TodayList::Counts TodayList::count(const std::vector<TodayItem> &items, const QDate &asOf)
{
    Counts counts;
    for (const TodayItem &i : items) {
        if (i.isDone())
            ++counts.done;
        else if (i.due > asOf)
            continue; // planned for a later day
        else if (i.due < asOf)
            ++counts.overdue;
        else
            ++counts.due;
    }
    return counts;
}

bool TodayList::moreUrgent(const TodayItem &a, const TodayItem &b)
{
    if (a.deadline != b.deadline)
        return a.deadline < b.deadline;
    if (a.amountFen != b.amountFen)
        return a.amountFen > b.amountFen;
    if (a.tier != b.tier)
        return a.tier > b.tier;
    if (a.customer != b.customer)
        return a.customer < b.customer;
    if (a.kind != b.kind)
        return a.kind < b.kind;
    if (a.planKey != b.planKey)
        return a.planKey < b.planKey;
    if (a.stepIndex != b.stepIndex)
        return a.stepIndex < b.stepIndex;
    return a.contactId < b.contactId;
}

void TodayList::sort(std::vector<TodayItem> &items)
{
    std::sort(items.begin(), items.end(), moreUrgent);
}

QString TodayList::task(const TodayItem &item) const
{
    switch (item.kind) {
    case TodayItem::Kind::MaturityStep:
        return QCoreApplication::translate("TodayList", "731 step %1 of %2").arg(item.stepIndex + 1).arg(item.stepCount);
    case TodayItem::Kind::CycleStep:
        if (item.fit == CadenceTemplate::Fit::FaceToFace)
            return item.fitCount > 1 ? QCoreApplication::translate("TodayList", "4+1 face-to-face %1 of %2")
                                           .arg(item.ordinal)
                                           .arg(item.fitCount)
                                     : QCoreApplication::translate("TodayList", "4+1 face-to-face");
        return QCoreApplication::translate("TodayList", "4+1 touch %1 of %2").arg(item.ordinal).arg(item.fitCount);
    case TodayItem::Kind::FollowUp:
        return QCoreApplication::translate("TodayList", "Follow-up");
    case TodayItem::Kind::ListStep:
        switch (CustomerList::Kind(item.listKind)) {
        case CustomerList::Kind::NewCustomer:
            return (item.listReasons & MomentLists::FirstMeeting)
                       ? QCoreApplication::translate("TodayList", "New customer: first meeting")
                       : QCoreApplication::translate("TodayList", "New customer: honeymoon touch");
        case CustomerList::Kind::LossRecovery:
            return QCoreApplication::translate("TodayList", "Loss recovery call");
        default:
            return QCoreApplication::translate("TodayList", "Moment of truth");
        }
    }
    return {};
}

QString TodayList::why(const TodayItem &item, const QDate &asOf) const
{
    const QLocale locale;
    const auto shortDate = [&](const QDate &d) {
        return locale.language() == QLocale::Chinese ? d.toString(QStringLiteral("M月d日"))
                                                     : d.toString(QStringLiteral("MM-dd"));
    };
    QString text;
    switch (item.kind) {
    case TodayItem::Kind::MaturityStep: {
        const Holding &h = m_snapshot.holdings()[size_t(item.holding)];
        const qint64 days = asOf.daysTo(item.maturity);
        const QString when = days == 0   ? QCoreApplication::translate("TodayList", "today")
                             : days == 1 ? QCoreApplication::translate("TodayList", "tomorrow")
                                         : QCoreApplication::translate("TodayList", "in %n days", nullptr, int(days));
        text = QCoreApplication::translate("TodayList", "%1: %2 %3 (%4) maturing on %5, %6")
                   .arg(CadenceTemplate::purposeText(item.purpose), MoneyFormat::readable(item.amountFen),
                        Holding::productTypeName(h.productType), h.productName, shortDate(item.maturity), when);
        if (item.lateEntry)
            text += QCoreApplication::translate("TodayList", " · late entry: earlier steps skipped");
        break;
    }
    case TodayItem::Kind::CycleStep:
        text = QCoreApplication::translate("TodayList", "%1, cycle ends %2: %3")
                   .arg(CadenceTemplate::purposeText(item.purpose), shortDate(item.deadline),
                        CadenceRoster::reasons(m_snapshot, m_policy, item.lists, item.customer, asOf));
        break;
    case TodayItem::Kind::ListStep:
        text = QCoreApplication::translate("TodayList", "%1: %2")
                   .arg(CustomerList::kindName(CustomerList::Kind(item.listKind)), listReason(item, asOf));
        break;
    case TodayItem::Kind::FollowUp:
        text = item.agreedNote.isEmpty()
                   ? QCoreApplication::translate("TodayList", "agreed on %1").arg(shortDate(item.agreedOn))
                   : QCoreApplication::translate("TodayList", "agreed on %1: %2").arg(shortDate(item.agreedOn), item.agreedNote);
        break;
    }
    if (item.rescheduled) {
        text += QCoreApplication::translate("TodayList", " · rescheduled: %1").arg(item.rescheduleReason);
    }
    if (item.calendarMissing) {
        text += QCoreApplication::translate("TodayList", " · no holiday calendar for %1, weekends only")
                    .arg(item.due.year());
    }
    return text;
}

QString TodayList::listReason(const TodayItem &item, const QDate &asOf) const
{
    // The list's own words (the Lists page shows the same), for the reasons Today works.
    const auto kind = CustomerList::Kind(item.listKind);
    std::optional<ListMember> m =
        MomentLists::evaluate(kind, m_snapshot, &m_activity, m_policy.moments, item.customer, asOf, asOf);
    if (!m)
        return {};
    m->reasons &= item.listReasons;
    return MomentLists::reason(kind, *m, m_snapshot);
}
