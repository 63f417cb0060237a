#pragma once

#include "domain/assignment.h"

#include <QHash>
#include <QJsonObject>
#include <vector>

class Database;
struct BranchData;

// Assignments of customers to RMs. assign() writes the rows, their outbox
// entries and one audit entry per customer in a single transaction.
class AssignmentRepository
{
public:
    explicit AssignmentRepository(Database &db) : m_db(db) {}

    // Gives every customer in `customerNos` to `rmId` (empty: the unassigned
    // pool). Customers already with that RM are left alone. Returns how many changed.
    int assign(const QStringList &customerNos, const QString &rmId, const QString &byStaffId);
    // The same for a customer_no -> rm_id map (balance by workload), in one transaction.
    int assign(const QHash<QString, QString> &moves, const QString &byStaffId);
    // customer_no -> rm_id of every assignment in the store.
    QHash<QString, QString> all();
    std::vector<Assignment> list();
    // Puts the assignments over the RMs that HQ's extract names.
    void overlay(BranchData *data);

    static QJsonObject toJson(const Assignment &a);

private:
    Database &m_db;
};
