#pragma once

#include "customer.h"
#include "holding.h"
#include "staff.h"

#include <QString>
#include <vector>

// Everything the store holds about one branch, as plain rows. The generator
// produces it, the repository writes and reads it, the snapshot indexes it.
struct BranchData
{
    QString branchCode;
    QString branchName;
    std::vector<Staff> staff;
    std::vector<Customer> customers;
    std::vector<Holding> holdings;
};
