#pragma once

#include "branchdata.h"

#include <QDate>
#include <functional>

// Builds a deterministic, realistic demo branch: the same seed, size and date
// give byte-identical data. Used for the demo store, the HQ extract and tests.
class DemoGenerator
{
public:
    struct Options
    {
        int customers = 20000;
        quint64 seed = 1;
        QDate today;           // generation date; maturities are counted from it
    };
    // progress(done, total) is called now and then; returning false cancels.
    using Progress = std::function<bool(int done, int total)>;

    static constexpr int kMinCustomers = 1;
    static constexpr int kMaxCustomers = 200000;
    static constexpr int kMaturityWindowDays = 120;

    // Returns false when cancelled; `out` is then left empty.
    static bool generate(const Options &options, BranchData *out, const Progress &progress = {});
};
