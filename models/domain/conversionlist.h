#pragma once

#include "cadencepolicy.h"

#include <QDate>
#include <optional>
#include <vector>

class BranchSnapshot;

// Cross-line conversion list (内部综拓): corporate executives, customers with a
// personal loan opened in the last 90 days, and active credit-card holders,
// who hold no retail deposits or wealth products here. Working definition of
// "none": no term deposit or investment product at all, and demand deposits
// under the policy's line (default 10,000: a settlement account only).
class ConversionList
{
public:
    enum Reason : quint8 { Executive = 1, NewLoan = 2, CreditCard = 4 };
    struct Member
    {
        int customer = -1;
        quint8 reasons = 0;
        qint64 retailFen = 0; // demand deposits held here
        QDate loanStart;
    };

    static std::optional<Member> evaluate(const BranchSnapshot &snapshot, const CadencePolicy &policy, int customer,
                                          const QDate &asOf);
    // Members, executives first, then new loans, then card holders.
    static std::vector<Member> build(const BranchSnapshot &snapshot, const CadencePolicy &policy, const QDate &asOf);
    static QString reason(const Member &m); // translated
};
