#!/bin/sh
# Prints the one figure of issue 8's hostile-input work:
#   "N hostile inputs tried, M faults injected, L records lost, C crashes"
# N: fuzz executions (fuzz/run.sh's summary) plus hostile requests the tests sent;
# M: faults the tests injected (kill -9, full disk, damaged answers, replays, wrong
#    certificates, HQ kills, lost and doubled requests); L and C from the same runs.
# Each fault test prints "HOSTILE test=NAME faults=M inputs=N lost=L crashes=C".
#   scripts/hostile-figures.sh [BUILD_DIR=build]        runs the fault tests, then prints
#   NO_RUN=1 scripts/hostile-figures.sh                 reads the last ctest log instead
# Environment: FUZZ_SUMMARY (default build-fuzz/fuzz-summary.txt), TESTS (ctest regex).
# Exit status 1 when a test failed, a figure is missing, or anything was lost or crashed.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$here/build}" && pwd)
fuzz=${FUZZ_SUMMARY:-$here/build-fuzz/fuzz-summary.txt}
tests=${TESTS:-'^(tst_crashsafety|tst_tlspinning|tst_nginxfront|tst_syncfaults)$'}
status=0

if [ -z "${NO_RUN:-}" ]; then
    (cd "$build" && ctest -R "$tests" --output-on-failure -V >"$build/hostile-tests.log" 2>&1) || status=1
    log=$build/hostile-tests.log
else
    log=$build/Testing/Temporary/LastTest.log
fi

if [ ! -s "$fuzz" ]; then
    echo "no fuzz summary at $fuzz: run fuzz/run.sh first" >&2
    status=1
    fuzz=/dev/null
fi
# "fuzz TARGET: N executions, C crashes, T s"
set -- $(awk '/^fuzz .*executions/ { n += $3; c += $5; t += 1 } END { print n + 0, c + 0, t + 0 }' "$fuzz")
fuzzRuns=$1 fuzzCrashes=$2 fuzzTargets=$3
set -- $(grep -o 'HOSTILE test=[^ ]* faults=[0-9]* inputs=[0-9]* lost=[0-9]* crashes=[0-9]*' "$log" 2>/dev/null \
         | sort -u | awk -F'[ =]' '{ f += $5; i += $7; l += $9; c += $11; t += 1 } END { print f + 0, i + 0, l + 0, c + 0, t + 0 }')
faults=$1 inputs=$2 lost=$3 crashes=$4 reporting=$5

echo "fuzzing: $fuzzRuns executions over $fuzzTargets targets, $fuzzCrashes crashes ($fuzz)"
echo "fault tests reporting: $reporting ($log)"
echo "$((fuzzRuns + inputs)) hostile inputs tried, $faults faults injected, $lost records lost, $((fuzzCrashes + crashes)) crashes"
[ "$lost" -eq 0 ] && [ "$((fuzzCrashes + crashes))" -eq 0 ] && [ "$reporting" -gt 0 ] || status=1
exit $status
