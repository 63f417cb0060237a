#pragma once

#include <QDate>
#include <QDateTime>
#include <QString>

#include <array>
#include <vector>

// A peak-season campaign (开门红 and the like): a name, its dates, the frozen
// lists it works (their baselines) and a target per metric. HQ may send it
// through sync; a manager may enter or change it offline. Targets are kept in
// per mille so that 90% is exactly 900.
struct Campaign
{
    enum Metric {
        MaturityCount,    // maturity conversion by count (DOMAIN.md: 90%)
        MaturityAmount,   // ... by amount (90%)
        ThresholdUplift,  // share of the frozen threshold lists reaching their tier (30%)
        VipChurn,         // VIP customers at the start who fell below VIP (at most 10%)
        TriangleProduct,  // four-triangles coverage of VIP customers: 80 / 40 / 60 / 30%
        TriangleSettlement,
        TriangleService,
        TriangleReferral,
        OnTime731,        // 731 steps done on time (working default 90%)
        Complete41,       // 4+1 cycles ended with every step done (working default 80%)
        // The three lists issue 17 measures (ListMetrics), with working default targets:
        LowEfficiencyActivation, // frozen low-efficiency members lifted over 1万 or active (30%)
        CrossLineConversion,     // issued conversion-list members who opened a product (30%)
        PayrollRetention,        // payroll customers whose AUM held since the campaign began (90%)
        MetricCount
    };

    QString campaignId;
    QString name;
    QDate startsOn;
    QDate endsOn;
    std::array<int, MetricCount> targetPermille{900, 900, 300, 100, 800, 400, 600, 300, 900, 800, 300, 300, 900};
    // 一人一表: the campaign's count and amount targets split per RM (issue 17).
    // Count: customers converted; amount: money kept or brought in, fen.
    struct RmTarget
    {
        QString rmId;
        int count = 0;
        qint64 amountFen = 0;
    };
    std::vector<RmTarget> rmTargets;
    std::vector<qint64> listIds; // local frozen lists (campaign_list.list_id)
    QString updatedBy;
    QDateTime updatedAt;

    // VIP churn is the one metric where lower is better.
    static bool lowerIsBetter(Metric m) { return m == VipChurn; }
    static QString metricKey(Metric m);
    static QString metricName(Metric m); // translated
    // The RM's target, or a zero one.
    RmTarget rmTarget(const QString &rmId) const;
    // Splits a branch total across RMs in proportion to `weights` (e.g. each
    // RM's customers), largest remainders first so the shares add up to the
    // total exactly; equal weights when they are all zero. Deterministic.
    static std::vector<RmTarget> splitTargets(int count, qint64 amountFen, const std::vector<QString> &rmIds,
                                              const std::vector<qint64> &weights);
    QString targetsJson() const;
    // The per-RM targets travel in the same JSON, under "rm_targets".
    // Unknown keys are ignored, missing ones keep their default; false on bad JSON.
    bool setTargetsJson(const QString &json);
};
