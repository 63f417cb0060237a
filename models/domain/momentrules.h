#pragma once

#include <QtGlobal>
#include <array>

// The working definitions of the lists the courses teach beside seed 004's six (issue 18):
// new customers (首面 / 蜜月期), loss recovery (流失挽回) and moments of truth (MOT). Part of
// the cadence policy (CadencePolicy::moments); docs/quadrant-and-lists.md explains each.
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

    // Today (issue 18): each list puts one contact step into the RM's day plan.
    bool inToday = true;
    int recontactDays = 30; // a contact this recent takes a honeymoon or loss-recovery member off Today
    int momentDays = 3;     // a moment (outflow, account active again) is called within this many days
};
