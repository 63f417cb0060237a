#pragma once

#include "branchdata.h"
#include "staffscope.h"
#include "tierpolicy.h"

#include <QDate>
#include <QHash>
#include <memory>
#include <optional>
#include <span>

// An immutable, indexed copy of the branch, built off the UI thread and then
// shared read-only by every model and page. Rows are addressed by customer
// index (position in customers()).
class BranchSnapshot
{
public:
    BranchSnapshot(BranchData data, TierPolicy policy, QDate asOf, const StaffScope &scope = {});

    // What the signed-in staff member may read of a customer: a customer in
    // scope comes with `detail`; another RM's customer with its name and owner only.
    struct CustomerView
    {
        QString customerNo;
        QString name;
        QString ownerId;
        const Customer *detail = nullptr; // null outside the scope
    };
    // Looks a customer up by number within the scope; nullopt when unknown.
    std::optional<CustomerView> lookup(const QString &customerNo) const;
    const StaffScope &scope() const { return m_scope; }
    // Other RMs' customers, name and owner only (empty for a manager).
    const std::vector<StaffScope::OtherCustomer> &otherCustomers() const { return m_others; }
    // Issue 15: the unassigned pool as HQ masked it for this RM (pool policy): customer
    // number, masked name and the tier when the policy shows it (-1 otherwise). Kept out of
    // customers(), so no list, score or count ever takes them for real customers.
    struct PoolCustomer
    {
        QString customerNo;
        QString name; // already masked by HQ
        int tier = -1;
    };
    const std::vector<PoolCustomer> &pool() const { return m_pool; }

    const QString &branchCode() const { return m_data.branchCode; }
    const QString &branchName() const { return m_data.branchName; }
    const std::vector<Staff> &staff() const { return m_data.staff; }
    const std::vector<Customer> &customers() const { return m_data.customers; }
    int customerCount() const { return int(m_data.customers.size()); }
    const Customer &customer(int index) const { return m_data.customers[size_t(index)]; }
    std::span<const Holding> holdingsOf(int index) const;
    int holdingCount() const { return int(m_data.holdings.size()); }
    const std::vector<Holding> &holdings() const { return m_data.holdings; }

    const TierPolicy &tierPolicy() const { return m_policy; }
    int tierOf(int index) const { return m_tier[size_t(index)]; }
    // Age in whole years on asOf(); -1 when the birth date is not known (an imported list).
    int ageOf(int index) const { return m_age[size_t(index)] == kUnknownAge ? -1 : m_age[size_t(index)]; }
    // Index into staff() of the customer's RM, or -1 when unassigned.
    int rmOf(int index) const { return m_rm[size_t(index)]; }
    QString staffName(const QString &staffId) const;
    int indexOfCustomer(const QString &customerNo) const { return m_byNumber.value(customerNo, -1); }
    QDate asOf() const { return m_asOf; }

private:
    static constexpr quint8 kUnknownAge = 255;
    BranchData m_data;
    TierPolicy m_policy;
    QDate m_asOf;
    std::vector<quint8> m_tier;
    std::vector<quint8> m_age;
    std::vector<qint8> m_rm;
    std::vector<int> m_holdingStart; // customers()+1 offsets into holdings (sorted by customer)
    QHash<QString, int> m_byNumber;
    StaffScope m_scope;
    std::vector<StaffScope::OtherCustomer> m_others;
    QHash<QString, int> m_otherByNumber;
    std::vector<PoolCustomer> m_pool;
};

using SnapshotPtr = std::shared_ptr<const BranchSnapshot>;
