#include "campaign.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace {
const char *const kKeys[Campaign::MetricCount] = {
    "maturity_conversion", "maturity_conversion_amount", "threshold_uplift", "vip_churn",
    "triangle_product",    "triangle_settlement",        "triangle_service", "triangle_referral",
    "steps_731_on_time",   "plans_41_complete",          "low_efficiency_activation", "cross_line_conversion",
    "payroll_retention",
};
const char *const kNames[Campaign::MetricCount] = {
    QT_TRANSLATE_NOOP("Campaign", "Maturity conversion (count)"),
    QT_TRANSLATE_NOOP("Campaign", "Maturity conversion (amount)"),
    QT_TRANSLATE_NOOP("Campaign", "Threshold uplift"),
    QT_TRANSLATE_NOOP("Campaign", "VIP churn"),
    QT_TRANSLATE_NOOP("Campaign", "Triangle: products"),
    QT_TRANSLATE_NOOP("Campaign", "Triangle: transaction settlement"),
    QT_TRANSLATE_NOOP("Campaign", "Triangle: service experience"),
    QT_TRANSLATE_NOOP("Campaign", "Triangle: customer referral"),
    QT_TRANSLATE_NOOP("Campaign", "731 steps on time"),
    QT_TRANSLATE_NOOP("Campaign", "4+1 plans complete"),
    QT_TRANSLATE_NOOP("Campaign", "Low-efficiency activation"),
    QT_TRANSLATE_NOOP("Campaign", "Cross-line conversion"),
    QT_TRANSLATE_NOOP("Campaign", "Payroll retention"),
};
} // namespace

QString Campaign::metricKey(Metric m)
{
    return QString::fromLatin1(kKeys[qBound(0, int(m), MetricCount - 1)]);
}

QString Campaign::metricName(Metric m)
{
    return QCoreApplication::translate("Campaign", kNames[qBound(0, int(m), MetricCount - 1)]);
}

QString Campaign::targetsJson() const
{
    QJsonObject o;
    for (int m = 0; m < MetricCount; ++m)
        o.insert(metricKey(Metric(m)), targetPermille[size_t(m)]);
    if (!rmTargets.empty()) {
        QJsonArray rms;
        for (const RmTarget &t : rmTargets)
            rms.append(QJsonObject{{QStringLiteral("rm"), t.rmId},
                                   {QStringLiteral("count"), t.count},
                                   {QStringLiteral("amount_fen"), double(t.amountFen)}}); // exact below 2^53
        o.insert(QStringLiteral("rm_targets"), rms);
    }
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

bool Campaign::setTargetsJson(const QString &json)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return false;
    const QJsonObject o = doc.object();
    for (int m = 0; m < MetricCount; ++m) {
        const QJsonValue v = o.value(metricKey(Metric(m)));
        if (v.isDouble())
            targetPermille[size_t(m)] = qBound(0, v.toInt(), 1000);
    }
    const QJsonValue rms = o.value(QStringLiteral("rm_targets"));
    if (rms.isArray()) {
        rmTargets.clear();
        for (const QJsonValue &v : rms.toArray()) {
            const QJsonObject t = v.toObject();
            const QString rm = t.value(QStringLiteral("rm")).toString();
            if (rm.isEmpty())
                continue;
            rmTargets.push_back({rm, qMax(0, t.value(QStringLiteral("count")).toInt()),
                                 qMax<qint64>(0, qint64(t.value(QStringLiteral("amount_fen")).toDouble()))});
        }
    }
    return true;
}

Campaign::RmTarget Campaign::rmTarget(const QString &rmId) const
{
    for (const RmTarget &t : rmTargets) {
        if (t.rmId == rmId)
            return t;
    }
    return {rmId, 0, 0};
}

namespace {

// Largest-remainder apportionment of `total` by `weights`.
std::vector<qint64> apportion(qint64 total, const std::vector<qint64> &weights)
{
    const size_t n = weights.size();
    std::vector<qint64> out(n, 0);
    if (n == 0 || total <= 0)
        return out;
    qint64 sum = 0;
    for (qint64 w : weights)
        sum += qMax<qint64>(0, w);
    std::vector<qint64> w(weights);
    if (sum == 0) {
        std::fill(w.begin(), w.end(), 1);
        sum = qint64(n);
    }
    std::vector<std::pair<qint64, size_t>> remainders; // (remainder, index)
    qint64 given = 0;
    for (size_t i = 0; i < n; ++i) {
        const qint64 wi = qMax<qint64>(0, w[i]);
        // total * wi may overflow for amounts in fen: divide in 128 bits.
        const __int128 product = __int128(total) * wi;
        out[i] = qint64(product / sum);
        remainders.push_back({qint64(product % sum), i});
        given += out[i];
    }
    std::stable_sort(remainders.begin(), remainders.end(),
                     [](const auto &a, const auto &b) { return a.first > b.first; });
    for (size_t k = 0; given < total && k < remainders.size(); ++k, ++given)
        ++out[remainders[k].second];
    return out;
}

} // namespace

std::vector<Campaign::RmTarget> Campaign::splitTargets(int count, qint64 amountFen, const std::vector<QString> &rmIds,
                                                       const std::vector<qint64> &weights)
{
    std::vector<qint64> w(weights);
    w.resize(rmIds.size(), 0);
    const std::vector<qint64> counts = apportion(count, w);
    const std::vector<qint64> amounts = apportion(amountFen, w);
    std::vector<RmTarget> out;
    for (size_t i = 0; i < rmIds.size(); ++i)
        out.push_back({rmIds[i], int(counts[i]), amounts[i]});
    return out;
}
