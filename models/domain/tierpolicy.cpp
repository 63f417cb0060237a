#include "tierpolicy.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

#include <stdexcept>

TierPolicy TierPolicy::defaultPolicy()
{
    static const TierPolicy policy = [] {
        QFile f(QStringLiteral(":/policy/tier_policy.json"));
        if (!f.open(QIODevice::ReadOnly))
            throw std::runtime_error("default tier policy resource missing");
        TierPolicy p;
        QString error;
        if (!fromJson(f.readAll(), &p, &error))
            throw std::runtime_error(error.toStdString());
        return p;
    }();
    return policy;
}

bool TierPolicy::fromJson(const QByteArray &json, TierPolicy *out, QString *error)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &pe);
    if (doc.isNull()) {
        *error = QStringLiteral("policy: JSON error at offset %1: %2").arg(pe.offset).arg(pe.errorString());
        return false;
    }
    const QJsonObject root = doc.object();
    TierPolicy p;
    const QString basis = root.value(QLatin1String("tierBasis")).toString(QStringLiteral("last_month_avg"));
    if (basis == QLatin1String("last_month_avg"))
        p.m_basis = Basis::LastMonthAverage;
    else if (basis == QLatin1String("mtd_avg"))
        p.m_basis = Basis::MonthToDateAverage;
    else if (basis == QLatin1String("balance"))
        p.m_basis = Basis::CurrentBalance;
    else {
        *error = QStringLiteral("policy: field tierBasis has unknown value '%1'").arg(basis);
        return false;
    }
    const QJsonArray tiers = root.value(QLatin1String("tiers")).toArray();
    if (tiers.isEmpty()) {
        *error = QStringLiteral("policy: field tiers is missing or empty");
        return false;
    }
    qint64 previous = -1;
    for (int i = 0; i < tiers.size(); ++i) {
        const QJsonObject t = tiers.at(i).toObject();
        Tier tier;
        tier.id = t.value(QLatin1String("id")).toString();
        tier.nameEn = t.value(QLatin1String("name_en")).toString(tier.id);
        tier.nameZh = t.value(QLatin1String("name_zh")).toString(tier.nameEn);
        const QJsonValue min = t.value(QLatin1String("min_fen"));
        if (tier.id.isEmpty() || !min.isDouble()) {
            *error = QStringLiteral("policy: tiers[%1] needs an id and a numeric min_fen").arg(i);
            return false;
        }
        tier.minFen = qint64(min.toDouble());
        if (tier.minFen <= previous) {
            *error = QStringLiteral("policy: tiers[%1].min_fen must be above the previous tier's").arg(i);
            return false;
        }
        previous = tier.minFen;
        p.m_tiers.append(tier);
    }
    *out = p;
    return true;
}

int TierPolicy::indexOfId(const QString &id) const
{
    for (int i = 0; i < m_tiers.size(); ++i) {
        if (m_tiers.at(i).id == id)
            return i;
    }
    return -1;
}

int TierPolicy::tierOfAmount(qint64 fen) const
{
    // The lowest tier also takes negative balances (overdrawn), so every customer has a tier.
    int index = 0;
    for (int i = 1; i < m_tiers.size(); ++i) {
        if (fen >= m_tiers.at(i).minFen)
            index = i;
        else
            break;
    }
    return index;
}

qint64 TierPolicy::basisAmount(const Customer &c) const
{
    switch (m_basis) {
    case Basis::LastMonthAverage:
        return c.lastMonthAvgFen();
    case Basis::MonthToDateAverage:
        return c.aumMtdAvgFen;
    case Basis::CurrentBalance:
        return c.aumFen;
    }
    return c.aumFen;
}

QString TierPolicy::displayName(int index) const
{
    const Tier &t = m_tiers.at(index);
    return QLocale().language() == QLocale::Chinese ? t.nameZh : t.nameEn;
}

QColor TierPolicy::color(int index)
{
    static const QColor colors[] = {
        QColor(0x9e, 0x9e, 0x9e), // low-efficiency: grey
        QColor(0x42, 0x85, 0xf4), // mass: blue
        QColor(0xf4, 0xb4, 0x00), // gold
        QColor(0xdb, 0x44, 0x37), // VIP: red
        QColor(0x6a, 0x1b, 0x9a), // private banking: purple
    };
    constexpr int n = int(sizeof(colors) / sizeof(colors[0]));
    return colors[qBound(0, index, n - 1)];
}
