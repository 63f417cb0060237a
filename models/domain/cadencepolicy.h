#pragma once

#include "cadencetemplate.h"
#include "contact.h"
#include "holding.h"
#include "momentrules.h"

#include <QByteArray>
#include <QString>
#include <array>
#include <vector>

class TierPolicy;
class ValuePolicy;

// Everything about cadences and their lists that HQ policy may change, from
// resources/policy/cadence_policy.json: the 731 and 4+1 templates, the
// maturity window, the retention / conversion rules. The threshold bands that
// put customers on 4+1 are not set here: they are the value policy's (one
// source for the Lists page, the 4+1 roster and the dashboard), adopted with
// adoptThresholdBands() wherever a cadence policy meets a branch.
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
    int convertedMinPct = 90;      // a maturity counts as converted (retained) when this share of it was reinvested (stayed)
    int cycleStaggerDays = 7;      // first 4+1 cycles start spread over this many days
    quint32 nonSatisfyingOutcomes = 0; // bit per Contact::Outcome

    QString retentionMinTier = QStringLiteral("vip");
    int retentionFallPct = 10;
    int retentionMinTriangles = 2;
    int triangleItems = 3;
    std::array<int, 4> triangleTargetsPct{80, 40, 60, 30}; // product, settlement, service, referral

    int conversionNewLoanDays = 90;
    qint64 conversionMaxRetailFen = 1000000;

    std::vector<Band> thresholdBands; // from the value policy: see adoptThresholdBands()

    // Issue 17: the planned day and the curated lists.
    // A product runs 731 when its amount is at or above minFen, or the
    // customer's tier is at or above minTier (a tier id; empty: no tier rule).
    struct MaturityFloor
    {
        qint64 minFen = 5000000; // 50,000 yuan
        QString minTier = QStringLiteral("gold");
    };
    MaturityFloor defaultFloor;
    std::vector<std::pair<Holding::ProductType, MaturityFloor>> floorsByType; // overrides per product type
    int dailyCapacity = 40;       // steps an RM plans for a day (the RM may lower it for a day)
    int planHorizonDays = 10;     // working days the plan looks ahead (the manager's load view)
    bool cycleNeedsIssuedList = true; // 4+1 runs only for customers on an issued list
    bool declinedEndsCycle = true;    // outcome "declined" ends the customer's 4+1 plan

    // Issue 18: the new-customer, loss-recovery and MOT lists, and how they feed Today.
    MomentRules moments;

    const MaturityFloor &floorFor(Holding::ProductType type) const;

    // The shipped cadence policy with the shipped value policy's bands.
    static CadencePolicy defaultPolicy();
    // Takes the value policy's threshold bands: each runs from its from_fen up to the
    // lower bound of the tier it leads to (a band whose tier the ladder lacks is dropped).
    void adoptThresholdBands(const ValuePolicy &value, const TierPolicy &tiers);
    static bool fromJson(const QByteArray &json, CadencePolicy *out, QString *error);

    bool satisfies(Contact::Outcome outcome) const { return !(nonSatisfyingOutcomes & (1u << int(outcome))); }
    bool isMaturityType(Holding::ProductType type) const;
};
