#include "cadenceroster.h"

#include "branchsnapshot.h"
#include "conversionlist.h"
#include "retentionlist.h"
#include "thresholdbands.h"

#include <QCoreApplication>

CadenceRoster::CadenceRoster(const BranchSnapshot &snapshot, const CadencePolicy &policy, const QDate &asOf,
                             const std::vector<IssuedList> &issued)
    : m_needsIssued(policy.cycleNeedsIssuedList), m_asOf(asOf)
{
    const int n = snapshot.customerCount();
    m_lists.assign(size_t(n), 0);
    for (const IssuedList &list : issued) {
        if (list.withdrawn)
            continue;
        for (const IssuedList::Share &share : list.shares) {
            const int c = snapshot.indexOfCustomer(share.customerNo);
            if (c >= 0 && !m_issuedName.contains(c)) {
                m_lists[size_t(c)] |= Issued;
                m_issuedName.insert(c, list.name);
            }
        }
    }
    m_assigned.assign(size_t(n), false);
    m_byRm.assign(snapshot.staff().size(), {});
    for (int i = 0; i < n; ++i) {
        quint8 lists = m_lists[size_t(i)];
        if (ThresholdBands::position(snapshot, policy, i))
            lists |= Threshold;
        if (ConversionList::evaluate(snapshot, policy, i, asOf))
            lists |= Conversion;
        if (RetentionList::evaluate(snapshot, policy, i))
            lists |= Retention;
        m_lists[size_t(i)] = lists;
        const int rm = snapshot.rmOf(i);
        m_assigned[size_t(i)] = rm >= 0;
        if (rm >= 0)
            m_byRm[size_t(rm)].push_back(i);
        for (int b = 0; b < 3; ++b)
            m_counts[b] += (lists >> b) & 1;
        m_fourPlusOne += onFourPlusOne(i) ? 1 : 0;
    }
}

const std::vector<int> &CadenceRoster::customersOf(int staffIndex) const
{
    static const std::vector<int> none;
    return staffIndex >= 0 && size_t(staffIndex) < m_byRm.size() ? m_byRm[size_t(staffIndex)] : none;
}

int CadenceRoster::memberCount(List list) const
{
    return list == Threshold ? m_counts[0] : list == Conversion ? m_counts[1] : m_counts[2];
}

QString CadenceRoster::reasons(const BranchSnapshot &snapshot, const CadencePolicy &policy, quint8 lists, int customer,
                               const QDate &asOf)
{
    QStringList parts;
    if ((lists & Issued) && !(lists & (Threshold | Conversion | Retention)))
        parts << QCoreApplication::translate("CadenceRoster", "on an issued list");
    if (lists & Threshold) {
        if (const auto p = ThresholdBands::position(snapshot, policy, customer))
            parts << ThresholdBands::reason(snapshot, *p);
    }
    if (lists & Retention) {
        if (const auto m = RetentionList::evaluate(snapshot, policy, customer))
            parts << QCoreApplication::translate("CadenceRoster", "retention: %1").arg(RetentionList::reason(snapshot, policy, *m));
    }
    if (lists & Conversion) {
        if (const auto m = ConversionList::evaluate(snapshot, policy, customer, asOf))
            parts << QCoreApplication::translate("CadenceRoster", "conversion: %1").arg(ConversionList::reason(*m));
    }
    return parts.join(QCoreApplication::translate("CadenceRoster", "; "));
}
