#pragma once

#include <QString>
#include <algorithm>
#include <vector>

class BranchSnapshot;

// Payroll list (代发工资留存), by employer. The core-banking extract carries no
// salary credits yet, so "share of last month's salary still here" is
// approximated by the share of the month before's average balance that was
// still there last month (balance kept); salary inflow replaces it once HQ
// sends it.
class PayrollList
{
public:
    struct Employer
    {
        QString name;
        std::vector<int> customers; // snapshot indexes, largest AUM first
        qint64 aumFen = 0;          // today's balances
        qint64 lastMonthAvgFen = 0; // sum of last month's daily averages
        qint64 monthBeforeAvgFen = 0;
        int assigned = 0;           // customers with an RM
        // Last month's average over the month before's, capped at 100%.
        double keptShare() const
        {
            return monthBeforeAvgFen > 0 ? std::min(1.0, double(lastMonthAvgFen) / double(monthBeforeAvgFen)) : 0.0;
        }
    };

    // Employers with payroll customers, most customers first.
    static std::vector<Employer> build(const BranchSnapshot &snapshot);
};
