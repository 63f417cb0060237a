#!/bin/sh
# Builds the libFuzzer targets with clang (ASan + UBSan) and runs each for a set time.
#   fuzz/run.sh [SECONDS_PER_TARGET=60] [TARGET...]
# Environment: BUILD_DIR (default build-fuzz), JOBS (default 2).
# Prints per target "fuzz TARGET: N executions, C crashes, T s" and writes the same lines
# to $BUILD_DIR/fuzz-summary.txt (scripts/hostile-figures.sh reads it). A crash leaves its
# input in $BUILD_DIR/artifacts/TARGET/; replay it with `$BUILD_DIR/fuzz/TARGET FILE`.
# Exit status: 0 when no target crashed.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-60}
[ $# -gt 0 ] && shift
targets=${*:-"fuzz_extractcsv fuzz_syncpage fuzz_holidaycalendar fuzz_hqrequest"}
build=${BUILD_DIR:-$here/build-fuzz}
jobs=${JOBS:-2}

# clang and its libFuzzer runtime are only needed here, so the test command does not install them.
if [ ! -x /usr/bin/clang++ ] || [ -z "$(find /usr/lib/llvm-14 -name 'libclang_rt.fuzzer-x86_64.a' 2>/dev/null | head -n 1)" ]; then
    sudo=""; [ "$(id -u)" -ne 0 ] && sudo=sudo
    $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends clang libclang-rt-14-dev
fi
mkdir -p "$build"
cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Debug \
      -DCMAKE_CXX_COMPILER=/usr/bin/clang++ -DBRANCHDESK_FUZZ=ON >"$build/configure.log" 2>&1 \
    || { cat "$build/configure.log"; exit 1; }
cmake --build "$build" -j"$jobs" --target $targets

summary=$build/fuzz-summary.txt
touch "$summary"
# Keep the lines of targets not run this time; replace those that are.
for t in $targets; do
    grep -v "^fuzz $t:" "$summary" >"$summary.tmp" || true
    mv "$summary.tmp" "$summary"
done
failed=0
export QT_QPA_PLATFORM=offscreen
# Leaks are reported too; a UBSan finding stops the run like a crash does.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
for t in $targets; do
    work=$build/corpus-work/$t
    artifacts=$build/artifacts/$t
    mkdir -p "$work" "$artifacts"
    log=$build/$t.log
    touch "$log.start"
    start=$(date +%s)
    status=0
    # The repository's seeds are read, new inputs go to the work corpus only.
    "$build/fuzz/$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
        -print_final_stats=1 -artifact_prefix="$artifacts/" "$work" "$here/fuzz/corpus/$t" >"$log" 2>&1 || status=$?
    end=$(date +%s)
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
    [ -n "$runs" ] || runs=$(sed -n 's/^Done \([0-9]*\) runs.*/\1/p' "$log" | tail -n 1)
    [ -n "$runs" ] || runs=0
    crashes=$(find "$artifacts" -type f \( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' -o -name 'oom-*' \) \
              -newer "$log.start" 2>/dev/null | wc -l || true)
    if [ "$status" -ne 0 ] && [ "$crashes" -eq 0 ]; then crashes=1; fi
    line="fuzz $t: $runs executions, $crashes crashes, $((end - start)) s"
    echo "$line" | tee -a "$summary"
    if [ "$crashes" -ne 0 ]; then
        failed=1
        grep -m 3 -E 'ERROR: |runtime error|SUMMARY' "$log" || true
        echo "  log: $log"
    fi
done
exit $failed
