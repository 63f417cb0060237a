#include "staffscope.h"

#include "branchdata.h"

#include <QSet>

StaffScope StaffScope::of(const BranchData &data, const QString &staffId)
{
    for (const Staff &s : data.staff) {
        if (s.staffId == staffId)
            return StaffScope(s.staffId, s.role);
    }
    return StaffScope();
}

QString StaffScope::firstManager(const BranchData &data)
{
    for (const Staff &s : data.staff) {
        if (s.role == Staff::Role::Manager)
            return s.staffId;
    }
    return {};
}

std::vector<StaffScope::OtherCustomer> StaffScope::restrict(BranchData *data) const
{
    std::vector<OtherCustomer> others;
    if (seesWholeBranch())
        return others;
    QSet<QString> hidden;
    std::vector<Customer> kept;
    kept.reserve(data->customers.size());
    for (Customer &c : data->customers) {
        if (seesCustomerOf(c.rmId)) {
            kept.push_back(std::move(c));
        } else {
            hidden.insert(c.customerNo);
            others.push_back({c.customerNo, c.name, c.rmId});
        }
    }
    data->customers = std::move(kept);
    std::erase_if(data->holdings, [&](const Holding &h) { return hidden.contains(h.customerNo); });
    return others;
}
