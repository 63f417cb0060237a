#pragma once

#include "customerlist.h"
#include "momentrules.h"

#include <QDate>
#include <QString>
#include <functional>
#include <optional>
#include <vector>

class ActivityLog;
class BranchSnapshot;
struct Holding;

// How the new-customer, loss-recovery and moments-of-truth lists feed Today (issue 18). Each
// list a customer is on gives one contact step, due now:
// - the list is taken as it stood before the day's contacts (so a step done today shows done);
// - a contact (any outcome but no answer) since the list's window start takes the customer off
//   Today: since opening for a first meeting (face-to-face only), the last `recontactDays`
//   for a honeymoon touch or loss recovery, since the moment itself for an MOT;
// - the deadline orders it in the day plan: the first-meeting or honeymoon end, the month's
//   end for loss recovery, the maturity, the birthday or `momentDays` for an MOT.
// A maturity the 731 cadence already plans is left to 731 (no second row for one product).
class MomentSteps
{
public:
    struct Step
    {
        CustomerList::Kind kind = CustomerList::Kind::NewCustomer;
        ListMember member;   // as the list has it, reasons limited to those Today works
        QDate since;         // contacts from this day count
        QDate deadline;
        bool faceToFace = false;  // the first meeting
        QString doneBy;      // the contact logged on asOf that did it, or empty (open)
    };
    // Does the 731 cadence plan this holding? (null: no product is planned by 731)
    using PlannedBy731 = std::function<bool(const Holding &)>;

    static constexpr CustomerList::Kind kKinds[] = {CustomerList::Kind::NewCustomer, CustomerList::Kind::LossRecovery,
                                                    CustomerList::Kind::Moment};

    // The customer's steps on asOf: open ones and the ones done on asOf.
    static std::vector<Step> of(const BranchSnapshot &snapshot, const ActivityLog &activity, const MomentRules &rules,
                                int customer, const QDate &asOf, const PlannedBy731 &plannedBy731 = {});
    // The contact window and deadline of a list member (fills kind, member, since, deadline, faceToFace).
    static void window(CustomerList::Kind kind, const ListMember &member, const BranchSnapshot &snapshot,
                       const MomentRules &rules, const QDate &asOf, Step *step);
    // One list's step, or none.
    static std::optional<Step> step(CustomerList::Kind kind, const BranchSnapshot &snapshot,
                                    const ActivityLog &activity, const MomentRules &rules, int customer,
                                    const QDate &asOf, const PlannedBy731 &plannedBy731 = {});
};
