#pragma once

class Database;

// BEGIN IMMEDIATE on construction; ROLLBACK on destruction unless commit()
// was called. A failed unit of work therefore leaves no trace.
class Transaction
{
public:
    explicit Transaction(Database &db);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    void commit();

private:
    Database &m_db;
    bool m_done = false;
};
