#pragma once

#include <QString>

#include <array>
#include <vector>

class BranchSnapshot;
class ValueScores;

// The value quadrant of DOMAIN.md (seed 001): current value across, potential
// value up. A score at or above a cut point counts as high.
class Quadrant
{
public:
    enum Id { A, B, C, D }; // A growth, B cultivation, C potential, D general
    static constexpr int kCount = 4;

    struct Cuts
    {
        double current = 50;
        double potential = 50;
    };
    struct Summary
    {
        std::array<int, kCount> customers{};
        std::array<qint64, kCount> aumFen{}; // today's balances
    };

    static Id classify(double current, double potential, const Cuts &cuts)
    {
        // Compared as float, the precision scores are kept in, so this agrees with summarize().
        const bool highCurrent = float(current) >= float(cuts.current);
        const bool highPotential = float(potential) >= float(cuts.potential);
        if (highPotential)
            return highCurrent ? B : A;
        return highCurrent ? C : D;
    }
    // The cuts the policy asks for: its fixed points, or the branch medians.
    static Cuts defaultCuts(const ValueScores &scores);
    static Summary summarize(const BranchSnapshot &snapshot, const ValueScores &scores, const Cuts &cuts);
    // Customers of one quadrant, highest potential first (what the CLI and the UI list).
    static std::vector<int> members(const ValueScores &scores, const Cuts &cuts, Id quadrant);

    static QString letter(Id q) { return QString(QChar(u'A' + int(q))); }
    static bool fromLetter(const QString &letter, Id *out);
    // Translated texts of DOMAIN.md.
    static QString name(Id q);     // 成长期客户 ...
    static QString profile(Id q);
    static QString strategy(Id q);
};
