#pragma once

#include "cadencetemplate.h"
#include "contact.h"
#include "holding.h"

#include <QByteArray>
#include <QString>
#include <array>
#include <vector>

// Everything about cadences and their lists that HQ policy may change, from
// resources/policy/cadence_policy.json: the 731 and 4+1 templates, the
// maturity window, the retention / conversion rules and the threshold bands.
struct CadencePolicy
{
    struct Band
    {
        qint64 fromFen = 0; // inclusive
        qint64 toFen = 0;   // exclusive: the tier line
    };

    CadenceTemplate maturity; // 731
    CadenceTemplate cycle;    // 4+1
    int maturityWindowDays = 30;   // the maturity list looks this far ahead
    int maturityLookbackDays = 30; // and this far back for outcomes
    std::vector<Holding::ProductType> maturityTypes;
    int conversionTargetPct = 90;
    int cycleStaggerDays = 7;      // first 4+1 cycles start spread over this many days
    quint32 nonSatisfyingOutcomes = 0; // bit per Contact::Outcome

    QString retentionMinTier = QStringLiteral("vip");
    int retentionFallPct = 10;
    int retentionMinTriangles = 2;
    int triangleItems = 3;
    std::array<int, 4> triangleTargetsPct{80, 40, 60, 30}; // product, settlement, service, referral

    int conversionNewLoanDays = 90;
    qint64 conversionMaxRetailFen = 1000000;

    std::vector<Band> thresholdBands;

    static CadencePolicy defaultPolicy();
    static bool fromJson(const QByteArray &json, CadencePolicy *out, QString *error);

    bool satisfies(Contact::Outcome outcome) const { return !(nonSatisfyingOutcomes & (1u << int(outcome))); }
    bool isMaturityType(Holding::ProductType type) const;
};
