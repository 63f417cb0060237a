#pragma once

#include "cadencepolicy.h"

#include <optional>

class BranchSnapshot;

// Threshold-list (临界客户) membership for 4+1: AUM on the tier basis in a
// band just under a tier line, default [30k, 50k) and [300k, 500k).
// A small stand-in kept here so cadences do not wait on the threshold-list
// work; to be unified with ThresholdList once both have landed.
class ThresholdBands
{
public:
    struct Position
    {
        int band = -1;
        qint64 basisFen = 0;
        qint64 lineFen = 0; // the band's upper bound: the tier line
        qint64 gapFen = 0;
        int targetTier = -1;
    };
    static std::optional<Position> position(const BranchSnapshot &snapshot, const CadencePolicy &policy, int customer);
    // "threshold 47,500 → 50,000 (gold)" in the current language.
    static QString reason(const BranchSnapshot &snapshot, const Position &p);
};
