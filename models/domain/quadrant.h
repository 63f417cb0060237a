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
        std::array<qint64, kCount> ageSum{};
        std::array<int, kCount> ageKnown{};
        std::array<qint64, kCount> mobileLogins{}; // 90-day logins, summed
        int unscored = 0;                          // outside the policy's population
        qint64 unscoredAumFen = 0;

        qint64 averageAumFen(Id q) const { return customers[q] ? aumFen[q] / customers[q] : 0; }
        double averageAge(Id q) const { return ageKnown[q] ? double(ageSum[q]) / ageKnown[q] : 0; }
        double averageLogins(Id q) const { return customers[q] ? double(mobileLogins[q]) / customers[q] : 0; }
    };
    // What a card can truly say of a quadrant: how many of the other populated quadrants
    // are ahead of it (0: first, ties share a place) by size, by average assets, by youth
    // and by mobile-banking use.
    struct Ranks
    {
        int size = 0;
        int assets = 0;
        int youth = 0;
        int online = 0;
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
    static Ranks ranks(const Summary &summary, Id q);
    // The card's sentence, computed from the summary: "1,234 customers: the
    // largest group; lowest average assets (…); youngest (…); most active online (…)."
    static QString profileSentence(const Summary &summary, Id q);
    // Customers of one quadrant, highest potential first (what the CLI and the UI list).
    static std::vector<int> members(const ValueScores &scores, const Cuts &cuts, Id quadrant);

    static QString letter(Id q) { return QString(QChar(u'A' + int(q))); }
    static bool fromLetter(const QString &letter, Id *out);
    // Translated texts of DOMAIN.md.
    static QString name(Id q);     // 成长期客户 ...
    static QString profile(Id q); // seed 001's portrait, for the guide; cards use profileSentence()
    static QString strategy(Id q);
};
