#pragma once

// Helpers shared by the bench executables: a stopwatch, medians, and the
// RESULT lines that bench/run.sh turns into its table.

#include <QByteArray>
#include <QtGlobal>

#include <algorithm>
#include <chrono>
#include <cstdarg>
#include <cstdio>
#include <vector>

namespace bench {

// Wall-clock milliseconds on the monotonic clock (what the user waits for).
class Stopwatch
{
public:
    Stopwatch() { restart(); }
    void restart() { m_start = std::chrono::steady_clock::now(); }
    double ms() const
    {
        return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - m_start).count();
    }

private:
    std::chrono::steady_clock::time_point m_start;
};

// The machine is shared and drifts: figures are medians of several runs.
inline double median(std::vector<double> v)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    const size_t mid = v.size() / 2;
    return v.size() % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

inline double maximum(const std::vector<double> &v)
{
    return v.empty() ? 0 : *std::max_element(v.begin(), v.end());
}

// Number of customers: --customers wins, then BENCH_CUSTOMERS, then 100k.
inline int customersFromEnvironment()
{
    bool ok = false;
    const int n = qEnvironmentVariableIntValue("BENCH_CUSTOMERS", &ok);
    return ok && n > 0 ? n : 100000;
}

// How a figure is judged in run.sh's table.
enum class Target {
    RatioToRaw, // ok when measured <= target * raw
    Absolute,   // ok when measured <= target
    AtLeast,    // ok when measured >= target (rates)
    Info,       // context only, never judged
};

// One machine-readable line per figure, tab separated, for run.sh:
//   RESULT  key  label  measured  unit  kind  target  raw
inline void result(const char *key, const char *label, double measured, const char *unit, Target kind,
                   double target = 0, double raw = 0)
{
    const char *k = kind == Target::RatioToRaw ? "ratio"
                    : kind == Target::Absolute ? "abs"
                    : kind == Target::AtLeast  ? "min"
                                               : "info";
    std::printf("RESULT\t%s\t%s\t%.1f\t%s\t%s\t%g\t%.1f\n", key, label, measured, unit, k, target, raw);
    std::fflush(stdout);
}

// Human-readable progress and per-run numbers; run.sh echoes them as they come.
inline void detail(const char *format, ...)
{
    std::va_list args;
    va_start(args, format);
    std::fputs("  ", stdout);
    std::vprintf(format, args);
    std::fputc('\n', stdout);
    std::fflush(stdout);
    va_end(args);
}

} // namespace bench
