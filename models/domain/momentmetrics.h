#pragma once

#include "momentrules.h"

#include <QDate>
#include <QtGlobal>

class ActivityLog;
class BranchSnapshot;

// The dashboard's figures for the new-customer, loss-recovery and MOT lists (issue 18), for
// the branch on a day: how many are on the list, how many were contacted (any attempt), and
// the list's own outcome:
// - new customers (opened in the last MomentRules::newCustomerDays): first meeting held (a
//   face-to-face contact since opening) and milestone reached (AUM at the 1万 milestone);
// - loss recovery (the list's members): today's balance back above last month's average,
//   and the AUM so recovered;
// - moments of truth (the list, contacts not looked at): handled = reached (not "no answer")
//   since the moment, in the window Today uses (MomentSteps::window).
class MomentMetrics
{
public:
    struct NewCustomers
    {
        int onList = 0;
        int contacted = 0;
        int firstMeetings = 0;
        int milestone = 0; // AUM at MomentRules::milestonesFen[1]
    };
    struct LossRecovery
    {
        int onList = 0;
        int contacted = 0;
        int recovered = 0;
        qint64 recoveredFen = 0;
    };
    struct Moments
    {
        int onList = 0;
        int contacted = 0;
        int handled = 0;
    };

    static MomentMetrics compute(const BranchSnapshot &snapshot, const ActivityLog &activity, const MomentRules &rules,
                                 const QDate &asOf);

    NewCustomers newCustomers;
    LossRecovery lossRecovery;
    Moments moments;
};
