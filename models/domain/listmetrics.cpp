#include "listmetrics.h"

#include "branchsnapshot.h"

#include <QSet>

ListMetrics ListMetrics::compute(const BranchSnapshot &snapshot, const std::vector<CampaignList> &frozen,
                                 const std::vector<IssuedList> &issued, qint64 activationLineFen, const QDate &since)
{
    ListMetrics out;
    out.m_rms.assign(snapshot.staff().size(), {});
    const auto count = [&](int customer, Metric m, bool hit) {
        out.m_branch.metric[m].add(hit);
        const int rm = snapshot.rmOf(customer);
        if (rm >= 0)
            out.m_rms[size_t(rm)].metric[m].add(hit);
    };

    QSet<int> seen;
    for (const CampaignList &list : frozen) {
        if (list.kind != CustomerList::Kind::LowEfficiency)
            continue;
        for (const CampaignList::Member &m : list.members) {
            const int c = snapshot.indexOfCustomer(m.customerNo);
            if (c < 0 || seen.contains(c))
                continue;
            seen.insert(c);
            const Customer &cu = snapshot.customer(c);
            const bool lifted = snapshot.tierPolicy().basisAmount(cu) >= activationLineFen;
            const bool active = cu.lastActivity.isValid() && cu.lastActivity > list.frozenOn;
            count(c, Activation, lifted || active);
        }
    }

    seen.clear();
    for (const IssuedList &list : issued) {
        if (list.withdrawn || list.kind != QLatin1String("conversion"))
            continue;
        const QDate since = list.issuedAt.date();
        for (const IssuedList::Share &s : list.shares) {
            const int c = snapshot.indexOfCustomer(s.customerNo);
            if (c < 0 || seen.contains(c))
                continue;
            seen.insert(c);
            bool converted = false;
            for (const Holding &h : snapshot.holdingsOf(c)) {
                if (h.productType != Holding::ProductType::DemandDeposit && h.openDate.isValid() && h.openDate >= since)
                    converted = true;
            }
            count(c, Conversion, converted);
        }
    }

    for (int c = 0; c < snapshot.customerCount(); ++c) {
        const Customer &cu = snapshot.customer(c);
        if (!cu.payroll)
            continue;
        const auto &h = cu.aumHistoryFen;
        if (!since.isValid()) {
            count(c, PayrollRetention, h[h.size() - 1] >= h[h.size() - 2]);
            continue;
        }
        const qint64 baseline = monthlyAverage(cu, since.addMonths(-1), h[h.size() - 2]);
        count(c, PayrollRetention, snapshot.tierPolicy().basisAmount(cu) >= baseline);
    }
    return out;
}

qint64 ListMetrics::monthlyAverage(const Customer &customer, const QDate &month, qint64 fallback)
{
    const QDate end = QDate::fromString(customer.historyEndMonth + QStringLiteral("-01"), Qt::ISODate);
    if (!end.isValid() || !month.isValid())
        return fallback;
    const int back = (end.year() - month.year()) * 12 + end.month() - month.month();
    if (back < 0 || back >= Customer::kHistoryMonths)
        return fallback;
    return customer.aumHistoryFen[size_t(Customer::kHistoryMonths - 1 - back)];
}
