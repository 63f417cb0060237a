#pragma once

#include <QString>

// A rough estimate of how hard a store passphrase is to guess, for the hint shown
// while it is typed. It counts the kinds of characters used and their number,
// discounts repeats and runs (aaaa, 1234, abcd), and knows the passwords that top
// every leaked list, Chinese ones included (5201314, woaini, 1qaz2wsx).
class PassphraseStrength
{
public:
    enum class Level { Empty, TooShort, Weak, Fair, Strong };
    static constexpr int kMinimumLength = 8;

    struct Estimate
    {
        Level level = Level::Empty;
        double bits = 0;        // estimated entropy
        bool common = false;    // a well-known password, or one with it at its core
        bool pattern = false;   // mostly repeats or runs
        bool oneKind = false;   // only digits, or only letters of one case
    };

    static Estimate estimate(const QString &passphrase);
};
