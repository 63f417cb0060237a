#include "campaign.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

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
    return true;
}
