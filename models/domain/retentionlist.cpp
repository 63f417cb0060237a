#include "retentionlist.h"

#include "activitylog.h"
#include "branchsnapshot.h"
#include "moneyformat.h"

#include <QCoreApplication>
#include <QLocale>

#include <algorithm>

std::array<int, RetentionList::TriangleCount> RetentionList::triangleItems(const BranchSnapshot &snapshot, int customer,
                                                                           const ActivityLog *activity)
{
    const Customer &c = snapshot.customer(customer);
    quint32 categories = 0;
    for (const Holding &h : snapshot.holdingsOf(customer)) {
        if (h.status != Holding::Status::Active)
            continue; // a matured or closed product is no longer held
        const auto type = h.productType == Holding::ProductType::TimeDeposit ? Holding::ProductType::DemandDeposit
                                                                             : h.productType;
        categories |= 1u << int(type);
    }
    int service = c.serviceEvents12m;
    if (activity && snapshot.asOf().isValid()) {
        const QDate from = snapshot.asOf().addYears(-1);
        for (const Contact &k : activity->contactsOf(customer)) {
            const QDate day = k.contactedAt.date();
            if (Contact::isFaceToFace(k.channel) && k.outcome != Contact::Outcome::NoAnswer && day > from && day <= snapshot.asOf()
                && !activity->isSuperseded(k.contactId))
                ++service;
        }
    }
    return {int(qPopulationCount(categories)), c.settlementProducts, service, c.referralLinks};
}

std::optional<RetentionList::Member> RetentionList::evaluate(const BranchSnapshot &snapshot,
                                                             const CadencePolicy &policy, int customer)
{
    const TierPolicy &tiers = snapshot.tierPolicy();
    const int vip = tiers.indexOfId(policy.retentionMinTier);
    if (vip < 0)
        return std::nullopt;
    const Customer &c = snapshot.customer(customer);
    const auto &hist = c.aumHistoryFen;
    constexpr size_t n = Customer::kHistoryMonths;
    Member m;
    m.customer = customer;
    m.toTier = snapshot.tierOf(customer);
    m.fromTier = std::max({tiers.tierOfAmount(hist[n - 4]), tiers.tierOfAmount(hist[n - 3]),
                           tiers.tierOfAmount(hist[n - 2])});
    if (m.toTier < vip && m.fromTier < vip)
        return std::nullopt;
    m.threeMonthAvgFen = (hist[n - 3] + hist[n - 2] + hist[n - 1]) / 3;
    m.nowFen = c.aumFen;
    m.changePct = m.threeMonthAvgFen > 0 ? 100.0 * double(m.nowFen - m.threeMonthAvgFen) / double(m.threeMonthAvgFen)
                                         : 0.0;
    if (m.threeMonthAvgFen > 0 && m.changePct < -double(policy.retentionFallPct))
        m.reasons |= AumFall;
    if (m.toTier < m.fromTier)
        m.reasons |= TierDrop;
    m.triangleItems = triangleItems(snapshot, customer);
    for (int items : m.triangleItems)
        m.trianglesCovered += items >= policy.triangleItems ? 1 : 0;
    if (m.toTier >= vip && m.trianglesCovered < policy.retentionMinTriangles)
        m.reasons |= LowCoverage;
    if (!m.reasons)
        return std::nullopt;
    return m;
}

std::vector<RetentionList::Member> RetentionList::build(const BranchSnapshot &snapshot, const CadencePolicy &policy)
{
    std::vector<Member> out;
    for (int i = 0; i < snapshot.customerCount(); ++i) {
        if (auto m = evaluate(snapshot, policy, i))
            out.push_back(*m);
    }
    std::stable_sort(out.begin(), out.end(), [](const Member &a, const Member &b) { return a.changePct < b.changePct; });
    return out;
}

RetentionList::Coverage RetentionList::coverage(const BranchSnapshot &snapshot, const CadencePolicy &policy)
{
    Coverage cov;
    const int vip = snapshot.tierPolicy().indexOfId(policy.retentionMinTier);
    if (vip < 0)
        return cov;
    for (int i = 0; i < snapshot.customerCount(); ++i) {
        if (snapshot.tierOf(i) < vip)
            continue;
        ++cov.customers;
        const auto items = triangleItems(snapshot, i);
        for (int t = 0; t < TriangleCount; ++t)
            cov.covered[size_t(t)] += items[size_t(t)] >= policy.triangleItems ? 1 : 0;
    }
    return cov;
}

QString RetentionList::triangleName(int triangle)
{
    static const char *const names[] = {
        QT_TRANSLATE_NOOP("RetentionList", "Products"),
        QT_TRANSLATE_NOOP("RetentionList", "Transaction settlement"),
        QT_TRANSLATE_NOOP("RetentionList", "Service experience"),
        QT_TRANSLATE_NOOP("RetentionList", "Customer referral"),
    };
    return QCoreApplication::translate("RetentionList", names[qBound(0, triangle, 3)]);
}

QString RetentionList::reason(const BranchSnapshot &snapshot, const CadencePolicy &policy, const Member &m)
{
    QStringList parts;
    const QLocale locale;
    if (m.reasons & AumFall) {
        parts << QCoreApplication::translate("RetentionList", "AUM 3-month average %1 → now %2, %3%")
                     .arg(MoneyFormat::readable(m.threeMonthAvgFen), MoneyFormat::readable(m.nowFen),
                          locale.toString(m.changePct, 'f', 1));
    }
    if (m.reasons & TierDrop) {
        parts << QCoreApplication::translate("RetentionList", "dropped from %1 to %2")
                     .arg(snapshot.tierPolicy().displayName(m.fromTier), snapshot.tierPolicy().displayName(m.toTier));
    }
    if (m.reasons & LowCoverage) {
        parts << QCoreApplication::translate("RetentionList", "covers %1 of 4 triangles (policy: %2)")
                     .arg(m.trianglesCovered)
                     .arg(policy.retentionMinTriangles);
    }
    return parts.join(QCoreApplication::translate("RetentionList", "; "));
}
