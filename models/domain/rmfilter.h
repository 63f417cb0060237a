#pragma once

#include "branchsnapshot.h"

// Which customers a page shows when the branch manager narrows it to one RM:
// every customer, those without an RM, or one RM's (an index into
// BranchSnapshot::staff()). The values match CustomerTableModel's filter.
class RmFilter
{
public:
    static constexpr int kAll = -2;
    static constexpr int kUnassigned = -1;

    RmFilter() = default;
    explicit RmFilter(int rm) : m_rm(rm) {}

    int rm() const { return m_rm; }
    bool isAll() const { return m_rm == kAll; }
    bool keeps(const BranchSnapshot &snapshot, int customer) const
    {
        return m_rm == kAll || snapshot.rmOf(customer) == m_rm;
    }

private:
    int m_rm = kAll;
};
