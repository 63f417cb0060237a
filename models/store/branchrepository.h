#pragma once

#include "../domain/branchdata.h"

#include <functional>

class Database;

// Reads and writes the branch's master data (branch, staff, customers,
// holdings). Widgets never see SQL: they get BranchData from here.
class BranchRepository
{
public:
    using Progress = std::function<bool(int done, int total)>; // false = cancel

    explicit BranchRepository(Database &db) : m_db(db) {}

    // Replaces the whole branch in one transaction. Returns false if cancelled
    // (the transaction is rolled back and the store is as it was).
    bool replaceAll(const BranchData &data, const Progress &progress = {});
    // Reads every row. Returns false if cancelled.
    bool loadAll(BranchData *out, const Progress &progress = {});
    // The parts of loadAll, so a load can read customers and holdings on two connections at
    // once (BranchStore::load). A RowProgress gets the rows read so far; false = cancel.
    using RowProgress = std::function<bool(int rowsDone)>;
    void loadHeader(BranchData *out); // branch and staff
    int rowEstimate();                // customers + holdings, for a progress bar
    bool loadCustomers(std::vector<Customer> *out, const RowProgress &progress = {});
    bool loadHoldings(std::vector<Holding> *out, const RowProgress &progress = {});
    void overlayAssignments(BranchData *data);

    int customerCount();

private:
    Database &m_db;
};
