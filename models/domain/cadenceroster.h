#pragma once

#include "cadencepolicy.h"
#include "issuedlist.h"

#include <QDate>
#include <QHash>
#include <vector>

class BranchSnapshot;

// Which customers run a 4+1 cycle and why: threshold-list and conversion-list
// members assigned to an RM, and the VIP retention warning list. (Every
// maturing product runs 731; that needs no roster.) Built once per snapshot,
// over the whole branch, in a few milliseconds at 100k customers.
class CadenceRoster
{
public:
    enum List : quint8 { Threshold = 1, Conversion = 2, Retention = 4, Issued = 8 };

    CadenceRoster() = default;
    // With policy.cycleNeedsIssuedList, only customers on one of `issued` (not
    // withdrawn) run 4+1; the screened lists then only give the reasons.
    CadenceRoster(const BranchSnapshot &snapshot, const CadencePolicy &policy, const QDate &asOf,
                  const std::vector<IssuedList> &issued = {});

    quint8 listsOf(int customer) const { return m_lists.empty() ? 0 : m_lists[size_t(customer)]; }
    // On a 4+1 list and assigned to an RM.
    bool onFourPlusOne(int customer) const
    {
        return listsOf(customer) != 0 && m_assigned[size_t(customer)] && (!m_needsIssued || (listsOf(customer) & Issued));
    }
    // The name of the issued list the customer is on, or empty.
    QString issuedListOf(int customer) const { return m_issuedName.value(customer); }
    // Customers of the RM at snapshot.staff()[staffIndex], in snapshot order.
    const std::vector<int> &customersOf(int staffIndex) const;
    int memberCount(List list) const;
    int fourPlusOneCount() const { return m_fourPlusOne; }
    QDate asOf() const { return m_asOf; }

    // "threshold 47,500 → 50,000 (gold); active credit card, …" for the customer's lists.
    static QString reasons(const BranchSnapshot &snapshot, const CadencePolicy &policy, quint8 lists, int customer,
                           const QDate &asOf);

private:
    std::vector<quint8> m_lists;
    std::vector<bool> m_assigned;
    std::vector<std::vector<int>> m_byRm;
    QHash<int, QString> m_issuedName;
    bool m_needsIssued = false;
    int m_counts[3] = {0, 0, 0};
    int m_fourPlusOne = 0;
    QDate m_asOf;
};
