#include "valuepolicy.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <stdexcept>

namespace {

struct IndicatorInfo
{
    const char *key;
    const char *name;
    const char *description;
};

const IndicatorInfo kIndicators[ValuePolicy::kIndicatorCount] = {
    {"aum", QT_TRANSLATE_NOOP("ValuePolicy", "AUM"),
     QT_TRANSLATE_NOOP("ValuePolicy", "Financial assets here, on the tier basis (last month's daily average)")},
    {"contribution", QT_TRANSLATE_NOOP("ValuePolicy", "Contribution"),
     QT_TRANSLATE_NOOP("ValuePolicy", "Yearly revenue the bank earns from the customer")},
    {"product_categories", QT_TRANSLATE_NOOP("ValuePolicy", "Product categories"),
     QT_TRANSLATE_NOOP("ValuePolicy", "Number of product types held (deposit, wealth, fund, insurance...)")},
    {"tenure", QT_TRANSLATE_NOOP("ValuePolicy", "Tenure"),
     QT_TRANSLATE_NOOP("ValuePolicy", "Days since the relationship started")},
    {"youth", QT_TRANSLATE_NOOP("ValuePolicy", "Age (younger ranks higher)"),
     QT_TRANSLATE_NOOP("ValuePolicy", "Younger customers have more earning years ahead")},
    {"transactions_90d", QT_TRANSLATE_NOOP("ValuePolicy", "Transactions, 90 days"),
     QT_TRANSLATE_NOOP("ValuePolicy", "Account transactions in the last 90 days")},
    {"mobile_logins_90d", QT_TRANSLATE_NOOP("ValuePolicy", "Mobile-banking logins, 90 days"),
     QT_TRANSLATE_NOOP("ValuePolicy", "Mobile-banking logins in the last 90 days")},
    {"aum_growth_6m", QT_TRANSLATE_NOOP("ValuePolicy", "AUM growth, 6 months"),
     QT_TRANSLATE_NOOP("ValuePolicy", "Last month's average against the average six months before")},
    {"payroll", QT_TRANSLATE_NOOP("ValuePolicy", "Payroll"),
     QT_TRANSLATE_NOOP("ValuePolicy", "Salary paid into an account here")},
    {"credit_card", QT_TRANSLATE_NOOP("ValuePolicy", "Active credit card"),
     QT_TRANSLATE_NOOP("ValuePolicy", "Holds and uses a credit card of the bank")},
};

bool readWeights(const QJsonObject &root, const char *field, bool potential, ValuePolicy *p, QString *error)
{
    const QJsonValue v = root.value(QLatin1String(field));
    if (v.isUndefined())
        return true;
    if (!v.isArray()) {
        *error = QStringLiteral("value policy: field %1 must be an array").arg(QLatin1String(field));
        return false;
    }
    const QJsonArray items = v.toArray();
    // An array lists the whole score: indicators it leaves out weigh nothing.
    for (int i = 0; i < ValuePolicy::kIndicatorCount; ++i) {
        if (ValuePolicy::isPotential(ValuePolicy::Indicator(i)) == potential)
            p->setWeight(ValuePolicy::Indicator(i), 0);
    }
    for (int i = 0; i < items.size(); ++i) {
        const QJsonObject item = items.at(i).toObject();
        const auto indicator = ValuePolicy::indicatorFromKey(item.value(QLatin1String("id")).toString());
        const QJsonValue weight = item.value(QLatin1String("weight"));
        if (!indicator || ValuePolicy::isPotential(*indicator) != potential) {
            *error = QStringLiteral("value policy: %1[%2].id is not an indicator of this score")
                         .arg(QLatin1String(field))
                         .arg(i);
            return false;
        }
        if (!weight.isDouble() || weight.toDouble() < 0) {
            *error = QStringLiteral("value policy: %1[%2].weight must be a number >= 0").arg(QLatin1String(field)).arg(i);
            return false;
        }
        p->setWeight(*indicator, weight.toDouble());
    }
    return true;
}

bool readCut(const QJsonObject &cuts, const char *field, std::optional<double> *out, QString *error)
{
    const QJsonValue v = cuts.value(QLatin1String(field));
    if (v.isUndefined() || v.toString() == QLatin1String("median")) {
        out->reset();
        return true;
    }
    if (!v.isDouble() || v.toDouble() < 0 || v.toDouble() > 100) {
        *error = QStringLiteral("value policy: quadrantCuts.%1 must be \"median\" or a number from 0 to 100")
                     .arg(QLatin1String(field));
        return false;
    }
    *out = v.toDouble();
    return true;
}

} // namespace

ValuePolicy ValuePolicy::defaultPolicy()
{
    static const ValuePolicy policy = [] {
        QFile f(QStringLiteral(":/policy/value_policy.json"));
        if (!f.open(QIODevice::ReadOnly))
            throw std::runtime_error("value policy resource missing");
        ValuePolicy p;
        QString error;
        if (!fromJson(f.readAll(), &p, &error))
            throw std::runtime_error(error.toStdString());
        return p;
    }();
    return policy;
}

bool ValuePolicy::fromJson(const QByteArray &json, ValuePolicy *out, QString *error)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &pe);
    if (doc.isNull() || !doc.isObject()) {
        *error = QStringLiteral("value policy: JSON error at offset %1: %2").arg(pe.offset).arg(pe.errorString());
        return false;
    }
    const QJsonObject root = doc.object();
    ValuePolicy p;
    if (!readWeights(root, "currentValue", false, &p, error) || !readWeights(root, "potentialValue", true, &p, error))
        return false;
    const QJsonObject cuts = root.value(QLatin1String("quadrantCuts")).toObject();
    if (!readCut(cuts, "current", &p.m_currentCut, error) || !readCut(cuts, "potential", &p.m_potentialCut, error))
        return false;

    const QJsonValue population = root.value(QLatin1String("quadrantPopulation"));
    if (population.isString() && population.toString() == QLatin1String("all")) {
        p.m_quadrantBelowTier.clear();
    } else if (population.isObject()) {
        p.m_quadrantBelowTier = population.toObject().value(QLatin1String("below_tier")).toString();
        if (p.m_quadrantBelowTier.isEmpty()) {
            *error = QStringLiteral("value policy: quadrantPopulation needs \"all\" or {\"below_tier\": TIER}");
            return false;
        }
    } else if (!population.isUndefined()) {
        *error = QStringLiteral("value policy: quadrantPopulation needs \"all\" or {\"below_tier\": TIER}");
        return false;
    }

    const QJsonArray bands = root.value(QLatin1String("thresholdBands")).toArray();
    for (int i = 0; i < bands.size(); ++i) {
        const QJsonObject b = bands.at(i).toObject();
        ThresholdBand band;
        band.tierId = b.value(QLatin1String("tier")).toString();
        const QJsonValue from = b.value(QLatin1String("from_fen"));
        if (band.tierId.isEmpty() || !from.isDouble() || from.toDouble() < 0) {
            *error = QStringLiteral("value policy: thresholdBands[%1] needs a tier and a from_fen >= 0").arg(i);
            return false;
        }
        band.fromFen = qint64(from.toDouble());
        p.m_bands.append(band);
    }

    const QJsonObject low = root.value(QLatin1String("lowEfficiency")).toObject();
    const QJsonValue line = low.value(QLatin1String("line_fen"));
    const QJsonValue wide = low.value(QLatin1String("wide_line_fen"));
    if (!line.isUndefined())
        p.m_lowLine = qint64(line.toDouble(-1));
    if (!wide.isUndefined())
        p.m_wideLowLine = qint64(wide.toDouble(-1));
    if (p.m_lowLine <= 0 || p.m_wideLowLine < p.m_lowLine) {
        *error = QStringLiteral("value policy: lowEfficiency.line_fen must be > 0 and wide_line_fen >= line_fen");
        return false;
    }
    const QJsonValue target = root.value(QLatin1String("upliftTarget"));
    if (!target.isUndefined()) {
        if (!target.isDouble() || target.toDouble() < 0 || target.toDouble() > 1) {
            *error = QStringLiteral("value policy: upliftTarget must be a share from 0 to 1");
            return false;
        }
        p.m_upliftTarget = target.toDouble();
    }
    *out = p;
    return true;
}

QByteArray ValuePolicy::toJson() const
{
    QJsonObject root;
    root.insert(QStringLiteral("version"), 1);
    QJsonArray current;
    QJsonArray potential;
    for (int i = 0; i < kIndicatorCount; ++i) {
        QJsonObject item;
        item.insert(QStringLiteral("id"), indicatorKey(Indicator(i)));
        item.insert(QStringLiteral("weight"), m_weights[size_t(i)]);
        (isPotential(Indicator(i)) ? potential : current).append(item);
    }
    root.insert(QStringLiteral("currentValue"), current);
    root.insert(QStringLiteral("potentialValue"), potential);
    QJsonObject cuts;
    cuts.insert(QStringLiteral("current"), m_currentCut ? QJsonValue(*m_currentCut) : QJsonValue(QStringLiteral("median")));
    cuts.insert(QStringLiteral("potential"),
                m_potentialCut ? QJsonValue(*m_potentialCut) : QJsonValue(QStringLiteral("median")));
    root.insert(QStringLiteral("quadrantCuts"), cuts);
    if (m_quadrantBelowTier.isEmpty()) {
        root.insert(QStringLiteral("quadrantPopulation"), QStringLiteral("all"));
    } else {
        QJsonObject population;
        population.insert(QStringLiteral("below_tier"), m_quadrantBelowTier);
        root.insert(QStringLiteral("quadrantPopulation"), population);
    }
    QJsonArray bands;
    for (const ThresholdBand &b : m_bands) {
        QJsonObject band;
        band.insert(QStringLiteral("from_fen"), double(b.fromFen));
        band.insert(QStringLiteral("tier"), b.tierId);
        bands.append(band);
    }
    root.insert(QStringLiteral("thresholdBands"), bands);
    QJsonObject low;
    low.insert(QStringLiteral("line_fen"), double(m_lowLine));
    low.insert(QStringLiteral("wide_line_fen"), double(m_wideLowLine));
    root.insert(QStringLiteral("lowEfficiency"), low);
    root.insert(QStringLiteral("upliftTarget"), m_upliftTarget);
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

QString ValuePolicy::indicatorKey(Indicator i)
{
    return QString::fromLatin1(kIndicators[int(i)].key);
}

std::optional<ValuePolicy::Indicator> ValuePolicy::indicatorFromKey(const QString &key)
{
    for (int i = 0; i < kIndicatorCount; ++i) {
        if (key == QLatin1String(kIndicators[i].key))
            return Indicator(i);
    }
    return std::nullopt;
}

QString ValuePolicy::indicatorName(Indicator i)
{
    return QCoreApplication::translate("ValuePolicy", kIndicators[int(i)].name);
}

QString ValuePolicy::indicatorDescription(Indicator i)
{
    return QCoreApplication::translate("ValuePolicy", kIndicators[int(i)].description);
}
