#include "cadencepolicy.h"

#include "tierpolicy.h"
#include "valuepolicy.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <stdexcept>

namespace {

CadencePolicy::MaturityFloor floorFromJson(const QJsonObject &o, const CadencePolicy::MaturityFloor &fallback)
{
    CadencePolicy::MaturityFloor f;
    f.minFen = qint64(o.value(QLatin1String("min_fen")).toDouble(double(fallback.minFen)));
    f.minTier = o.value(QLatin1String("min_tier")).toString(fallback.minTier);
    return f;
}

// The issue-17 keys: "day_plan" (capacity, horizon), "maturity.floor" (and
// per product type), "four_plus_one" (issued lists only, declined ends it).
bool readDayPlan(const QJsonObject &root, CadencePolicy *p, QString *error)
{
    const QJsonObject plan = root.value(QLatin1String("day_plan")).toObject();
    p->dailyCapacity = plan.value(QLatin1String("daily_capacity")).toInt(40);
    p->planHorizonDays = plan.value(QLatin1String("horizon_working_days")).toInt(10);
    if (p->dailyCapacity < 1 || p->planHorizonDays < 1) {
        *error = QStringLiteral("cadence policy: day_plan.daily_capacity and horizon_working_days must be >= 1");
        return false;
    }
    const QJsonObject floor = root.value(QLatin1String("maturity")).toObject().value(QLatin1String("floor")).toObject();
    p->defaultFloor = floorFromJson(floor, CadencePolicy::MaturityFloor{});
    const QJsonObject byType = floor.value(QLatin1String("by_product_type")).toObject();
    for (auto it = byType.begin(); it != byType.end(); ++it) {
        Holding::ProductType type;
        if (!Holding::productTypeFromKey(it.key(), &type)) {
            *error = QStringLiteral("cadence policy: maturity.floor.by_product_type has unknown type '%1'").arg(it.key());
            return false;
        }
        p->floorsByType.emplace_back(type, floorFromJson(it.value().toObject(), p->defaultFloor));
    }
    const QJsonObject cycle = root.value(QLatin1String("four_plus_one")).toObject();
    p->cycleNeedsIssuedList = cycle.value(QLatin1String("issued_lists_only")).toBool(true);
    p->declinedEndsCycle = cycle.value(QLatin1String("declined_ends_plan")).toBool(true);
    return true;
}

// "templates": one maturity and one cycle template.
bool readTemplates(const QJsonObject &root, CadencePolicy *p, QString *error)
{
    bool haveMaturity = false;
    bool haveCycle = false;
    for (const QJsonValue &v : root.value(QLatin1String("templates")).toArray()) {
        CadenceTemplate t;
        if (!CadenceTemplate::fromJson(v.toObject(), &t, error))
            return false;
        if (t.anchor == CadenceTemplate::Anchor::Maturity) {
            p->maturity = t;
            haveMaturity = true;
        } else {
            p->cycle = t;
            haveCycle = true;
        }
    }
    if (!haveMaturity || !haveCycle) {
        *error = QStringLiteral("cadence policy: templates needs one maturity and one cycle template");
        return false;
    }
    return true;
}

// "maturity": the list's window, the conversion target and the product types that mature.
bool readMaturity(const QJsonObject &root, CadencePolicy *p, QString *error)
{
    const QJsonObject maturity = root.value(QLatin1String("maturity")).toObject();
    p->maturityWindowDays = maturity.value(QLatin1String("window_days")).toInt(30);
    p->maturityLookbackDays = maturity.value(QLatin1String("lookback_days")).toInt(30);
    p->conversionTargetPct = maturity.value(QLatin1String("conversion_target_pct")).toInt(90);
    p->convertedMinPct = maturity.value(QLatin1String("converted_min_pct")).toInt(90);
    if (p->convertedMinPct < 1 || p->convertedMinPct > 100) {
        *error = QStringLiteral("cadence policy: maturity.converted_min_pct must be 1-100");
        return false;
    }
    const QJsonArray types = maturity.value(QLatin1String("product_types"))
                                 .toArray({QStringLiteral("time_deposit"), QStringLiteral("wealth"),
                                           QStringLiteral("insurance")});
    for (const QJsonValue &t : types) {
        Holding::ProductType type;
        if (!Holding::productTypeFromKey(t.toString(), &type)) {
            *error = QStringLiteral("cadence policy: maturity.product_types has unknown type '%1'").arg(t.toString());
            return false;
        }
        p->maturityTypes.push_back(type);
    }
    if (p->maturityWindowDays < 1 || p->maturityLookbackDays < 0) {
        *error = QStringLiteral("cadence policy: maturity.window_days must be >= 1 and lookback_days >= 0");
        return false;
    }
    return true;
}

// "cycle_stagger_days" and the outcomes that do not satisfy a step.
bool readCycleOutcomes(const QJsonObject &root, CadencePolicy *p, QString *error)
{
    p->cycleStaggerDays = std::max(1, root.value(QLatin1String("cycle_stagger_days")).toInt(7));
    for (const QJsonValue &o : root.value(QLatin1String("non_satisfying_outcomes")).toArray()) {
        Contact::Outcome outcome;
        if (!Contact::outcomeFromKey(o.toString(), &outcome)) {
            *error = QStringLiteral("cadence policy: non_satisfying_outcomes has unknown outcome '%1'").arg(o.toString());
            return false;
        }
        p->nonSatisfyingOutcomes |= 1u << int(outcome);
    }
    return true;
}

// "retention" (the VIP warning list, the triangle targets) and "conversion" (the cross-line list).
void readRetentionAndConversion(const QJsonObject &root, CadencePolicy *p)
{
    const QJsonObject retention = root.value(QLatin1String("retention")).toObject();
    p->retentionMinTier = retention.value(QLatin1String("min_tier")).toString(QStringLiteral("vip"));
    p->retentionFallPct = retention.value(QLatin1String("aum_fall_pct")).toInt(10);
    p->retentionMinTriangles = retention.value(QLatin1String("min_triangles")).toInt(2);
    p->triangleItems = retention.value(QLatin1String("triangle_items")).toInt(3);
    const QJsonObject targets = retention.value(QLatin1String("targets_pct")).toObject();
    const char *const triangleKeys[] = {"product", "settlement", "service", "referral"};
    for (int i = 0; i < 4; ++i)
        p->triangleTargetsPct[size_t(i)] = targets.value(QLatin1String(triangleKeys[i])).toInt(p->triangleTargetsPct[size_t(i)]);

    const QJsonObject conversion = root.value(QLatin1String("conversion")).toObject();
    p->conversionNewLoanDays = conversion.value(QLatin1String("new_loan_days")).toInt(90);
    p->conversionMaxRetailFen = qint64(conversion.value(QLatin1String("max_retail_aum_fen")).toDouble(1000000));
}

// Issue 18: the new-customer, loss-recovery and MOT lists (absent: the working definitions).
bool readMoments(const QJsonObject &root, CadencePolicy *p, QString *error)
{
    const QJsonObject moments = root.value(QLatin1String("moments")).toObject();
    MomentRules &r = p->moments;
    r.inToday = moments.value(QLatin1String("in_today")).toBool(r.inToday);
    r.newCustomerDays = moments.value(QLatin1String("new_customer_days")).toInt(r.newCustomerDays);
    r.firstMeetingDays = moments.value(QLatin1String("first_meeting_days")).toInt(r.firstMeetingDays);
    r.lossFallPct = moments.value(QLatin1String("loss_fall_pct")).toInt(r.lossFallPct);
    r.lossMinFen = qint64(moments.value(QLatin1String("loss_min_fen")).toDouble(double(r.lossMinFen)));
    r.recontactDays = moments.value(QLatin1String("recontact_days")).toInt(r.recontactDays);
    r.momentDays = moments.value(QLatin1String("moment_days")).toInt(r.momentDays);
    if (r.newCustomerDays < 1 || r.firstMeetingDays < 0 || r.recontactDays < 1 || r.momentDays < 0) {
        *error = QStringLiteral("cadence policy: moments.new_customer_days and recontact_days must be >= 1");
        return false;
    }
    return true;
}

} // namespace

CadencePolicy CadencePolicy::defaultPolicy()
{
    static const CadencePolicy policy = [] {
        QFile f(QStringLiteral(":/policy/cadence_policy.json"));
        if (!f.open(QIODevice::ReadOnly))
            throw std::runtime_error("cadence policy resource missing");
        CadencePolicy p;
        QString error;
        if (!fromJson(f.readAll(), &p, &error))
            throw std::runtime_error(error.toStdString());
        p.adoptThresholdBands(ValuePolicy::defaultPolicy(), TierPolicy::defaultPolicy());
        return p;
    }();
    return policy;
}

void CadencePolicy::adoptThresholdBands(const ValuePolicy &value, const TierPolicy &tiers)
{
    thresholdBands.clear();
    for (const ValuePolicy::ThresholdBand &b : value.thresholdBands()) {
        const int tier = tiers.indexOfId(b.tierId);
        if (tier < 0 || tiers.tier(tier).minFen <= b.fromFen)
            continue;
        thresholdBands.push_back(Band{b.fromFen, tiers.tier(tier).minFen});
    }
}

bool CadencePolicy::fromJson(const QByteArray &json, CadencePolicy *out, QString *error)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &pe);
    if (!doc.isObject()) {
        *error = QStringLiteral("cadence policy: JSON error at offset %1: %2").arg(pe.offset).arg(pe.errorString());
        return false;
    }
    const QJsonObject root = doc.object();
    CadencePolicy p;
    if (!readTemplates(root, &p, error) || !readMaturity(root, &p, error) || !readCycleOutcomes(root, &p, error))
        return false;
    readRetentionAndConversion(root, &p);
    if (root.contains(QLatin1String("threshold_bands"))) {
        // One source per setting: two band settings once showed two different rosters.
        *error = QStringLiteral("cadence policy: threshold_bands belong to the value policy (thresholdBands), not here");
        return false;
    }
    if (!readDayPlan(root, &p, error) || !readMoments(root, &p, error))
        return false;
    *out = p;
    return true;
}

const CadencePolicy::MaturityFloor &CadencePolicy::floorFor(Holding::ProductType type) const
{
    for (const auto &[t, floor] : floorsByType) {
        if (t == type)
            return floor;
    }
    return defaultFloor;
}

bool CadencePolicy::isMaturityType(Holding::ProductType type) const
{
    return std::find(maturityTypes.begin(), maturityTypes.end(), type) != maturityTypes.end();
}
