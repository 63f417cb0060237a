#pragma once

#include "../domain/customer.h"
#include "../domain/holding.h"
#include "../domain/staff.h"
#include "../domain/importmapping.h"

#include <functional>
#include <vector>

class Database;

// Writes imported customers into the branch store in one transaction: a
// customer number already there gets the mapped fields updated (the others
// are kept), a new one is inserted. A failure or a cancel rolls everything
// back, so the store is either as before or has every good row.
class CustomerImportRepository
{
public:
    using Progress = std::function<bool(int done, int total)>; // false = cancel
    struct Counts
    {
        int inserted = 0;
        int updated = 0;
        int newStaff = 0; // RM ids from the file added to a local branch's roster
        int holdingsInserted = 0;
        int holdingsUpdated = 0;
        int staffWritten = 0;
        std::vector<int> unknownCustomerHoldings; // indexes of holdings whose customer is not in the store
    };

    explicit CustomerImportRepository(Database &db) : m_db(db) {}

    // False when cancelled. Throws StoreError on a store failure (nothing written).
    // Holdings (an extract's, or a maturity list's) are written after the customers, in the same
    // transaction; one whose customer is in neither is left out and listed in Counts.
    bool write(const std::vector<Customer> &customers, const ImportMapping &mapping, Counts *counts,
               const Progress &progress = {}, const std::vector<Holding> &holdings = {},
               const std::vector<Staff> &staff = {});

private:
    void writeHoldings(const std::vector<Holding> &holdings, const std::vector<Staff> &staff, Counts *counts);
    int addUnknownRms(const std::vector<Customer> &customers, const ImportMapping &mapping);

    Database &m_db;
};
