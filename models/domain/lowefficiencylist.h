#pragma once

#include "customerlist.h"
#include "valuepolicy.h"

class BranchSnapshot;
class ValueScores;

// 低效客户: AUM on the tier basis under the policy's line (10k, or 50k when a
// campaign widens it), highest potential value first, so activation starts
// with those who have upside.
class LowEfficiencyList
{
public:
    static CustomerList build(const BranchSnapshot &snapshot, const ValueScores &scores, bool wide);
};
