#include "momentmetrics.h"

#include "activitylog.h"
#include "branchsnapshot.h"
#include "momentlists.h"
#include "momentsteps.h"

namespace {

struct Touched
{
    bool attempted = false; // any contact, "no answer" included
    bool reached = false;   // a contact with an answer
};

Touched touched(const ActivityLog &activity, int customer, const QDate &since, const QDate &asOf, bool faceToFace)
{
    Touched t;
    for (const Contact &k : activity.contactsOf(customer)) {
        const QDate day = k.contactedAt.date();
        if (day < since || day > asOf || activity.isSuperseded(k.contactId))
            continue;
        t.attempted = true;
        if (k.outcome != Contact::Outcome::NoAnswer && (!faceToFace || Contact::isFaceToFace(k.channel)))
            t.reached = true;
    }
    return t;
}

} // namespace

MomentMetrics MomentMetrics::compute(const BranchSnapshot &s, const ActivityLog &activity, const MomentRules &rules,
                                     const QDate &asOf)
{
    MomentMetrics out;
    for (int i = 0; i < s.customerCount(); ++i) {
        const Customer &c = s.customer(i);
        if (c.openedOn.isValid() && c.openedOn <= asOf && c.openedOn.daysTo(asOf) < rules.newCustomerDays) {
            NewCustomers &n = out.newCustomers;
            ++n.onList;
            n.contacted += touched(activity, i, c.openedOn, asOf, false).attempted ? 1 : 0;
            n.firstMeetings += touched(activity, i, c.openedOn, asOf, true).reached ? 1 : 0;
            n.milestone += c.aumFen >= rules.milestonesFen[1] ? 1 : 0;
        }
        if (auto m = MomentLists::evaluate(CustomerList::Kind::LossRecovery, s, &activity, rules, i, asOf)) {
            LossRecovery &l = out.lossRecovery;
            ++l.onList;
            l.contacted += touched(activity, i, asOf.addDays(-rules.recontactDays), asOf, false).attempted ? 1 : 0;
            if (c.aumFen > m->basisFen) {
                ++l.recovered;
                l.recoveredFen += c.aumFen - m->basisFen;
            }
        }
        // The moment stays a moment after the contact it called for (contacts not looked at).
        if (auto m = MomentLists::evaluate(CustomerList::Kind::Moment, s, nullptr, rules, i, asOf)) {
            MomentSteps::Step window;
            MomentSteps::window(CustomerList::Kind::Moment, *m, s, rules, asOf, &window);
            const Touched t = touched(activity, i, window.since, asOf, false);
            ++out.moments.onList;
            out.moments.contacted += t.attempted ? 1 : 0;
            out.moments.handled += t.reached ? 1 : 0;
        }
    }
    return out;
}
