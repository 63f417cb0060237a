#include "momentsteps.h"

#include "activitylog.h"
#include "branchsnapshot.h"
#include "momentlists.h"

#include <algorithm>

namespace {

// The maturing product that put the customer on the MOT list (the list's own test).
const Holding *maturingWithoutPlan(const BranchSnapshot &s, const MomentRules &rules, int customer, const QDate &asOf)
{
    for (const Holding &h : s.holdingsOf(customer)) {
        if (h.status == Holding::Status::Active && h.maturityDate.isValid() && h.maturityDate >= asOf
            && asOf.daysTo(h.maturityDate) <= rules.maturityWithoutPlanDays)
            return &h;
    }
    return nullptr;
}

} // namespace

void MomentSteps::window(CustomerList::Kind kind, const ListMember &m, const BranchSnapshot &s, const MomentRules &rules,
                         const QDate &asOf, Step *st)
{
    const Customer &c = s.customer(m.customer);
    st->kind = kind;
    st->member = m;
    switch (kind) {
    case CustomerList::Kind::NewCustomer:
        if (m.reasons & MomentLists::FirstMeeting) {
            st->faceToFace = true;
            st->since = c.openedOn;
            st->deadline = std::max(asOf, c.openedOn.addDays(rules.firstMeetingDays));
        } else {
            st->since = std::max(c.openedOn, asOf.addDays(-rules.recontactDays));
            st->deadline = std::max(asOf, c.openedOn.addDays(rules.newCustomerDays - 1));
        }
        break;
    case CustomerList::Kind::LossRecovery:
        st->since = asOf.addDays(-rules.recontactDays);
        st->deadline = QDate(asOf.year(), asOf.month(), asOf.daysInMonth());
        break;
    default: {
        // Contacts since the latest moment count; the earliest deadline wins.
        QDate since = asOf.addDays(-rules.recontactDays);
        QDate deadline = asOf.addDays(rules.momentDays);
        if (m.reasons & MomentLists::LargeOutflow)
            since = std::max(since, QDate(asOf.year(), asOf.month(), 1));
        if (m.reasons & MomentLists::DormantActive)
            since = std::max(since, c.lastActivity);
        if (m.reasons & MomentLists::MaturityWithoutPlan) {
            if (const Holding *h = maturingWithoutPlan(s, rules, m.customer, asOf)) {
                since = std::max(since, h->maturityDate.addDays(-30));
                deadline = std::min(deadline, h->maturityDate);
            }
        }
        if (m.reasons & MomentLists::Birthday) {
            const QDate birthday = MomentLists::nextBirthday(c.birthDate, asOf);
            since = std::max(since, birthday.addDays(-rules.birthdayDays));
            deadline = std::min(deadline, birthday);
        }
        st->since = since;
        st->deadline = std::max(asOf, deadline);
        break;
    }
    }
}

std::optional<MomentSteps::Step> MomentSteps::step(CustomerList::Kind kind, const BranchSnapshot &s,
                                                   const ActivityLog &activity, const MomentRules &rules,
                                                   int customer, const QDate &asOf, const PlannedBy731 &plannedBy731)
{
    // The list as it stood this morning: today's contacts are what Today shows as done.
    std::optional<ListMember> m = MomentLists::evaluate(kind, s, &activity, rules, customer, asOf, asOf);
    if (!m)
        return std::nullopt;
    if (kind == CustomerList::Kind::Moment && (m->reasons & MomentLists::MaturityWithoutPlan) && plannedBy731) {
        const Holding *h = maturingWithoutPlan(s, rules, customer, asOf);
        if (h && plannedBy731(*h))
            m->reasons &= quint16(~MomentLists::MaturityWithoutPlan); // 731 has it
        if (!m->reasons)
            return std::nullopt;
    }
    Step st;
    window(kind, *m, s, rules, asOf, &st);
    for (const Contact &k : activity.contactsOf(customer)) {
        const QDate day = k.contactedAt.date();
        if (k.outcome == Contact::Outcome::NoAnswer || day < st.since || day > asOf || activity.isSuperseded(k.contactId)
            || (st.faceToFace && !Contact::isFaceToFace(k.channel)))
            continue;
        if (day < asOf)
            return std::nullopt; // contacted within the window: off Today
        st.doneBy = k.contactId;
    }
    return st;
}

std::vector<MomentSteps::Step> MomentSteps::of(const BranchSnapshot &s, const ActivityLog &activity,
                                               const MomentRules &rules, int customer, const QDate &asOf,
                                               const PlannedBy731 &plannedBy731)
{
    std::vector<Step> out;
    for (CustomerList::Kind kind : kKinds) {
        if (auto st = step(kind, s, activity, rules, customer, asOf, plannedBy731))
            out.push_back(std::move(*st));
    }
    return out;
}
