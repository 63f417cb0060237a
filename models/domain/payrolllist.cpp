#include "payrolllist.h"

#include "branchsnapshot.h"

#include <QHash>
#include <algorithm>

std::vector<PayrollList::Employer> PayrollList::build(const BranchSnapshot &snapshot)
{
    std::vector<Employer> out;
    QHash<QString, size_t> byName;
    constexpr size_t n = Customer::kHistoryMonths;
    for (int i = 0; i < snapshot.customerCount(); ++i) {
        const Customer &c = snapshot.customer(i);
        if (!c.payroll)
            continue;
        const QString name = c.employer.isEmpty() ? QString() : c.employer;
        auto it = byName.constFind(name);
        if (it == byName.cend()) {
            it = byName.insert(name, out.size());
            out.push_back(Employer{name, {}, 0, 0, 0, 0});
        }
        Employer &e = out[*it];
        e.customers.push_back(i);
        e.aumFen += c.aumFen;
        e.lastMonthAvgFen += c.aumHistoryFen[n - 1];
        e.monthBeforeAvgFen += c.aumHistoryFen[n - 2];
        e.assigned += snapshot.rmOf(i) >= 0 ? 1 : 0;
    }
    for (Employer &e : out) {
        std::stable_sort(e.customers.begin(), e.customers.end(),
                         [&](int a, int b) { return snapshot.customer(a).aumFen > snapshot.customer(b).aumFen; });
    }
    std::stable_sort(out.begin(), out.end(), [](const Employer &a, const Employer &b) {
        return a.customers.size() != b.customers.size() ? a.customers.size() > b.customers.size() : a.name < b.name;
    });
    return out;
}
