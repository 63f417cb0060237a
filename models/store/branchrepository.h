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

    int customerCount();
    QString metaValue(const QString &key);
    void setMetaValue(const QString &key, const QString &value);

private:
    Database &m_db;
};
