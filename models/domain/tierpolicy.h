#pragma once

#include "customer.h"

#include <QByteArray>
#include <QColor>
#include <QString>
#include <QVector>

// The AUM tier ladder as data: HQ may send another one. Lower bounds are
// inclusive; the basis says which AUM figure is compared with them.
class TierPolicy
{
public:
    enum class Basis { LastMonthAverage, MonthToDateAverage, CurrentBalance };
    struct Tier
    {
        QString id;
        QString nameEn;
        QString nameZh;
        qint64 minFen = 0;
    };

    // The ladder shipped in resources/policy/tier_policy.json.
    static TierPolicy defaultPolicy();
    // Parses a policy document; on failure returns false and says which field is wrong.
    static bool fromJson(const QByteArray &json, TierPolicy *out, QString *error);

    int count() const { return int(m_tiers.size()); }
    const Tier &tier(int index) const { return m_tiers.at(index); }
    int indexOfId(const QString &id) const;
    Basis basis() const { return m_basis; }

    int tierOfAmount(qint64 fen) const;
    qint64 basisAmount(const Customer &c) const;
    int tierOf(const Customer &c) const { return tierOfAmount(basisAmount(c)); }
    // Name in the language of the current default QLocale.
    QString displayName(int index) const;
    // A fixed colour per tier index, shared by tables, charts and the quadrant.
    static QColor color(int index);

private:
    QVector<Tier> m_tiers; // ascending by minFen
    Basis m_basis = Basis::LastMonthAverage;
};
