#include "conversionlist.h"

#include "branchsnapshot.h"
#include "dateformat.h"
#include "moneyformat.h"

#include <QCoreApplication>
#include <QLocale>

#include <algorithm>

std::optional<ConversionList::Member> ConversionList::evaluate(const BranchSnapshot &snapshot,
                                                               const CadencePolicy &policy, int customer,
                                                               const QDate &asOf)
{
    const Customer &c = snapshot.customer(customer);
    Member m;
    m.customer = customer;
    if (c.corporateExecutive)
        m.reasons |= Executive;
    if (c.loanStartDate.isValid() && c.loanStartDate <= asOf && c.loanStartDate.daysTo(asOf) <= policy.conversionNewLoanDays) {
        m.reasons |= NewLoan;
        m.loanStart = c.loanStartDate;
    }
    if (c.creditCardActive)
        m.reasons |= CreditCard;
    if (!m.reasons)
        return std::nullopt;
    for (const Holding &h : snapshot.holdingsOf(customer)) {
        if (h.status != Holding::Status::Active)
            continue;
        if (h.productType != Holding::ProductType::DemandDeposit)
            return std::nullopt;
        m.retailFen += h.amountFen;
    }
    if (m.retailFen >= policy.conversionMaxRetailFen)
        return std::nullopt;
    return m;
}

std::vector<ConversionList::Member> ConversionList::build(const BranchSnapshot &snapshot, const CadencePolicy &policy,
                                                          const QDate &asOf)
{
    std::vector<Member> out;
    for (int i = 0; i < snapshot.customerCount(); ++i) {
        if (auto m = evaluate(snapshot, policy, i, asOf))
            out.push_back(*m);
    }
    // Lowest bit first: executives, then new loans, then card holders.
    auto rank = [](quint8 r) { return (r & Executive) ? 0 : (r & NewLoan) ? 1 : 2; };
    std::stable_sort(out.begin(), out.end(), [&](const Member &a, const Member &b) { return rank(a.reasons) < rank(b.reasons); });
    return out;
}

QString ConversionList::reason(const Member &m)
{
    QStringList parts;
    if (m.reasons & Executive)
        parts << QCoreApplication::translate("ConversionList", "corporate executive");
    if (m.reasons & NewLoan) {
        parts << QCoreApplication::translate("ConversionList", "personal loan since %1")
                     .arg(DateFormat::date(m.loanStart));
    }
    if (m.reasons & CreditCard)
        parts << QCoreApplication::translate("ConversionList", "active credit card");
    return QCoreApplication::translate("ConversionList", "%1; no deposits or wealth here (demand %2)")
        .arg(parts.join(QCoreApplication::translate("ConversionList", ", ")), MoneyFormat::readable(m.retailFen));
}
