#pragma once

#include "campaignlist.h"
#include "customer.h"
#include "issuedlist.h"

#include <QDate>
#include <vector>

class BranchSnapshot;

// The three list metrics issue 17 adds beside maturity conversion, threshold
// uplift, VIP churn and the triangles, for the branch and per RM (the
// customer's RM today), with a count target per RM:
//  - low-efficiency activation: members of frozen low-efficiency lists lifted
//    to the activation line (default 1万 on the tier basis) or with account
//    activity after the list was frozen;
//  - cross-line conversion: members of issued conversion lists who opened a
//    deposit or investment product (anything but a demand deposit) since issue;
//  - payroll retention: payroll customers whose AUM on the tier basis today
//    held at least at their monthly average of the month before `since` (the
//    campaign's start); without a start, the last month against the one before.
class ListMetrics
{
public:
    struct Ratio
    {
        int num = 0;
        int den = 0;
        double rate() const { return den ? double(num) / double(den) : 0.0; }
        void add(bool hit)
        {
            ++den;
            num += hit ? 1 : 0;
        }
    };
    enum Metric { Activation, Conversion, PayrollRetention, MetricCount };
    struct Figures
    {
        Ratio metric[MetricCount];
        // The count each metric should reach: ceil(target rate × members).
        int target(Metric m, int permille) const { return (metric[m].den * permille + 999) / 1000; }
    };

    static ListMetrics compute(const BranchSnapshot &snapshot, const std::vector<CampaignList> &frozen,
                               const std::vector<IssuedList> &issued, qint64 activationLineFen = 1000000,
                               const QDate &since = {});
    // The customer's monthly average of `month`'s month from the history;
    // `fallback` when the history does not reach that month.
    static qint64 monthlyAverage(const Customer &customer, const QDate &month, qint64 fallback);

    const Figures &branch() const { return m_branch; }
    const Figures &rm(int staffIndex) const { return m_rms.at(size_t(staffIndex)); }
    size_t rmCount() const { return m_rms.size(); }

private:
    Figures m_branch;
    std::vector<Figures> m_rms;
};
