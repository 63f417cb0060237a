#pragma once

#include "staff.h"

#include <QString>
#include <vector>

struct BranchData;

// Who is signed in, and so what the domain hands out. A manager (or a store
// nobody signed in to yet, such as a fresh demo) sees the whole branch; an RM
// sees their own customers and the unassigned pool, and of other RMs'
// customers only the name and the owner. The snapshot is built through
// restrict(), so no page, list or model below it can show more.
class StaffScope
{
public:
    // The other RMs' customers an RM may know exist: name and owner, nothing else.
    struct OtherCustomer
    {
        QString customerNo;
        QString name;
        QString ownerId;
    };

    StaffScope() = default; // the whole branch (manager)
    StaffScope(QString staffId, Staff::Role role) : m_staffId(std::move(staffId)), m_role(role) {}
    static StaffScope manager(const QString &staffId = {}) { return StaffScope(staffId, Staff::Role::Manager); }
    static StaffScope rm(const QString &staffId) { return StaffScope(staffId, Staff::Role::RelationshipManager); }
    // The scope of `staffId` in `data`'s roster; the whole branch when unknown.
    static StaffScope of(const BranchData &data, const QString &staffId);
    // The staff ID of the roster's first manager; empty when there is none.
    static QString firstManager(const BranchData &data);

    const QString &staffId() const { return m_staffId; }
    Staff::Role role() const { return m_role; }
    bool seesWholeBranch() const { return m_role == Staff::Role::Manager; }
    // Whether a customer owned by `ownerId` ("" = unassigned pool) is in full view.
    bool seesCustomerOf(const QString &ownerId) const
    {
        return seesWholeBranch() || ownerId.isEmpty() || ownerId == m_staffId;
    }

    // Moves the customers outside the scope out of `data` (with their holdings)
    // and returns what of them remains visible.
    std::vector<OtherCustomer> restrict(BranchData *data) const;

private:
    QString m_staffId;
    Staff::Role m_role = Staff::Role::Manager;
};
