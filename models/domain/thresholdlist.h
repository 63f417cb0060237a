#pragma once

#include "customerlist.h"
#include "valuepolicy.h"

#include <QDate>

class BranchSnapshot;
struct Customer;

// 临界客户: customers whose AUM on the tier basis is in a policy band just
// under a tier line (default [30k, 50k) -> gold, [300k, 500k) -> VIP), with
// the gap to the line, closest first.
class ThresholdList
{
public:
    // band: index into policy.thresholdBands(), or -1 for every band.
    static CustomerList build(const BranchSnapshot &snapshot, const ValuePolicy &policy, int band = -1);
    // The month-end daily average if today's balance is held to the end of the month.
    static qint64 projectedMonthEndAverage(const Customer &customer, const QDate &asOf);
};
