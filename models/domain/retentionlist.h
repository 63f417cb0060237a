#pragma once

#include "cadencepolicy.h"

#include <array>
#include <optional>
#include <vector>

class ActivityLog;
class BranchSnapshot;

// VIP retention warning list (高端客户防流失): VIP-and-above customers whose
// AUM fell more than the policy's share against their 3-month average, who
// dropped a tier, or who cover fewer of the four triangles than policy wants.
class RetentionList
{
public:
    enum Reason : quint8 { AumFall = 1, TierDrop = 2, LowCoverage = 4 };
    enum Triangle { Product, Settlement, Service, Referral, TriangleCount };

    struct Member
    {
        int customer = -1;
        quint8 reasons = 0;
        qint64 threeMonthAvgFen = 0; // mean of the last three monthly averages
        qint64 nowFen = 0;           // today's balance
        double changePct = 0;
        int fromTier = -1;           // highest tier of the three months before last
        int toTier = -1;             // tier now (policy basis)
        std::array<int, TriangleCount> triangleItems{};
        int trianglesCovered = 0;
    };
    // Share of VIP-and-above customers covering each triangle, against policy targets.
    struct Coverage
    {
        int customers = 0;
        std::array<int, TriangleCount> covered{};
        double rate(int triangle) const { return customers ? double(covered[size_t(triangle)]) / customers : 0.0; }
    };

    static std::optional<Member> evaluate(const BranchSnapshot &snapshot, const CadencePolicy &policy, int customer);
    // Members, largest fall first.
    static std::vector<Member> build(const BranchSnapshot &snapshot, const CadencePolicy &policy);
    static Coverage coverage(const BranchSnapshot &snapshot, const CadencePolicy &policy);
    // Items per triangle: product categories among the active holdings (demand and time
    // deposits are one category: deposits), settlement products, service experiences in 12
    // months, referrals. With the desktop's activity, face-to-face contacts that reached the
    // customer in the 12 months before the snapshot's day (visit, branch appointment, event)
    // count as service experiences beside HQ's figure.
    static std::array<int, TriangleCount> triangleItems(const BranchSnapshot &snapshot, int customer,
                                                        const ActivityLog *activity = nullptr);
    static QString triangleName(int triangle); // translated
    // "AUM 3-month average 612,000 → now 498,000, −18.6%; …" in the current language.
    static QString reason(const BranchSnapshot &snapshot, const CadencePolicy &policy, const Member &m);
};
