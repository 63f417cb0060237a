#pragma once

#include "customerlist.h"
#include "momentrules.h"

#include <QDate>
#include <optional>

class ActivityLog;
class BranchSnapshot;

// The lists the courses teach beside the six of seed 004 (seeds 002, 003; issue 18), each
// member with the numbers that put it there:
// - new customers (新客户首面 / 蜜月期): opened in the last 90 days; the first face-to-face
//   meeting not yet held, or the next AUM milestone (1千 / 1万 / 5万) not yet reached;
// - loss recovery (流失挽回) under the VIP line (VIPs are the retention list's): last month's
//   average at least 30% and 50,000 yuan under the 3-month average before it;
// - moments of truth (关键时刻, MOT): a large outflow this month, a dormant account active
//   again, a product maturing within 7 days with no contact logged for it, a birthday this week.
// Working definitions, all in MomentRules; docs/quadrant-and-lists.md explains each.
class MomentLists
{
public:
    enum NewCustomerReason : quint16 { FirstMeeting = 1, Milestone = 2 };
    enum MomentReason : quint16 { LargeOutflow = 1, DormantActive = 2, MaturityWithoutPlan = 4, Birthday = 8 };

    // `activity` (contacts) may be null: then no first meeting and no maturity contact is known.
    static CustomerList newCustomers(const BranchSnapshot &snapshot, const ActivityLog *activity,
                                     const MomentRules &rules, const QDate &asOf);
    static CustomerList lossRecovery(const BranchSnapshot &snapshot, const MomentRules &rules, const QDate &asOf);
    static CustomerList moments(const BranchSnapshot &snapshot, const ActivityLog *activity, const MomentRules &rules,
                                const QDate &asOf);
    // One customer against one list's rule. Contacts logged on or after `contactsBefore` are
    // not looked at (invalid: all are): Today asks how the list stood before the day's contacts.
    static std::optional<ListMember> evaluate(CustomerList::Kind kind, const BranchSnapshot &snapshot,
                                              const ActivityLog *activity, const MomentRules &rules, int customer,
                                              const QDate &asOf, const QDate &contactsBefore = {});
    // The member's reason in the current language (CustomerList::reason calls it for these kinds).
    // The next birthday on or after `asOf` (29 February falls on 28 February in other years).
    static QDate nextBirthday(const QDate &birth, const QDate &asOf);
    static QString reason(CustomerList::Kind kind, const ListMember &m, const BranchSnapshot &snapshot);
};
