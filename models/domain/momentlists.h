#pragma once

#include "customerlist.h"

#include <QDate>
#include <array>

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
struct MomentRules
{
    int newCustomerDays = 90;
    int firstMeetingDays = 30;                                  // a first meeting is due within this many days
    std::array<qint64, 3> milestonesFen{100000, 1000000, 5000000}; // 1千, 1万, 5万
    int lossFallPct = 30;
    qint64 lossMinFen = 5000000;       // 50,000 yuan
    int outflowPct = 50;               // today's balance against last month's average
    qint64 outflowMinFen = 10000000;   // 100,000 yuan
    int dormantMaxTransactions90d = 2; // "dormant": at most this many transactions in 90 days...
    int wakeDays = 14;                 // ...and yet active within this many days
    qint64 dormantMinFen = 100000;     // an account with at least 1,000 yuan
    int maturityWithoutPlanDays = 7;
    int birthdayDays = 7;
};

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
    // The member's reason in the current language (CustomerList::reason calls it for these kinds).
    static QString reason(CustomerList::Kind kind, const ListMember &m, const BranchSnapshot &snapshot);
};
