#pragma once

#include <QByteArray>
#include <QString>
#include <QVector>

#include <array>
#include <optional>

// The rules behind value scores, the quadrant and the working lists, as data:
// resources/policy/value_policy.json by default, a manager's edited copy from
// the store when there is one. docs/quadrant-and-lists.md explains each field.
class ValuePolicy
{
public:
    // Every indicator the scores know. The first four make the current value,
    // the rest the potential value.
    enum class Indicator {
        Aum,               // AUM on the tier basis (default: last month's daily average)
        Contribution,      // yearly revenue the bank earns from the customer
        ProductCategories, // distinct product types held (active holdings)
        Tenure,            // days since the relationship started
        Youth,             // younger ranks higher
        Transactions90d,
        MobileLogins90d,
        AumGrowth6m,       // last month's average against the one six months before
        Payroll,
        CreditCard,
    };
    static constexpr int kIndicatorCount = 10;
    static constexpr int kFirstPotential = int(Indicator::Youth);

    struct ThresholdBand
    {
        qint64 fromFen = 0;  // inclusive; the band ends at the tier's lower bound
        QString tierId;      // the tier the band leads to
        bool operator==(const ThresholdBand &) const = default;
    };

    // Shipped defaults (resources/policy/value_policy.json).
    static ValuePolicy defaultPolicy();
    // Parses a policy document; fields left out keep their defaults. On failure
    // returns false and names the field.
    static bool fromJson(const QByteArray &json, ValuePolicy *out, QString *error);
    QByteArray toJson() const;

    static bool isPotential(Indicator i) { return int(i) >= kFirstPotential; }
    static QString indicatorKey(Indicator i);
    static std::optional<Indicator> indicatorFromKey(const QString &key);
    static QString indicatorName(Indicator i);        // translated
    static QString indicatorDescription(Indicator i); // translated, one line

    double weight(Indicator i) const { return m_weights[size_t(i)]; }
    void setWeight(Indicator i, double w) { m_weights[size_t(i)] = w < 0 ? 0 : w; }

    // A cut point on the 0-100 scale, or empty for "the branch median".
    std::optional<double> currentCut() const { return m_currentCut; }
    std::optional<double> potentialCut() const { return m_potentialCut; }
    void setCurrentCut(std::optional<double> cut) { m_currentCut = cut; }
    void setPotentialCut(std::optional<double> cut) { m_potentialCut = cut; }

    // Who is scored and placed on the quadrant: customers whose tier is below this
    // tier (seed 001 scores the mass under the VIP line; VIP and private customers
    // are served by the retention list). Empty: every customer.
    QString quadrantBelowTier() const { return m_quadrantBelowTier; }
    void setQuadrantBelowTier(const QString &tierId) { m_quadrantBelowTier = tierId; }

    const QVector<ThresholdBand> &thresholdBands() const { return m_bands; }
    void setThresholdBands(const QVector<ThresholdBand> &bands) { m_bands = bands; }

    qint64 lowEfficiencyLineFen() const { return m_lowLine; }
    qint64 wideLowEfficiencyLineFen() const { return m_wideLowLine; }
    void setLowEfficiencyLines(qint64 line, qint64 wide) { m_lowLine = line; m_wideLowLine = wide; }

    double upliftTarget() const { return m_upliftTarget; }
    void setUpliftTarget(double share) { m_upliftTarget = share; }

    bool operator==(const ValuePolicy &other) const = default;

private:
    std::array<double, kIndicatorCount> m_weights{};
    std::optional<double> m_currentCut;
    std::optional<double> m_potentialCut;
    QString m_quadrantBelowTier = QStringLiteral("vip");
    QVector<ThresholdBand> m_bands;
    qint64 m_lowLine = 1000000;
    qint64 m_wideLowLine = 5000000;
    double m_upliftTarget = 0.3;
};
