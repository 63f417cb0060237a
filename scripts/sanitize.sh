#!/bin/sh
# Builds everything with AddressSanitizer + UndefinedBehaviorSanitizer (gcc) in a separate
# build dir and runs the test suite there. Slow (about 3x the normal build and run); not
# part of CI. docs/hostile-input.md says when to run it and what a finding looks like.
#   scripts/sanitize.sh [CTEST_ARGS...]        e.g. scripts/sanitize.sh -R 'tst_database|tst_sync'
# Environment: BUILD_DIR (default build-asan), JOBS (default 2), TARGETS (default: all).
# The package tests (packages_*) are left out: they would package sanitized binaries.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$here/build-asan}
jobs=${JOBS:-2}
flags="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined"

mkdir -p "$build"
cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Debug \
      -DCMAKE_CXX_FLAGS="$flags" \
      -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" \
      -DCMAKE_SHARED_LINKER_FLAGS="-fsanitize=address,undefined" \
      -DBRANCHDESK_TEST_TIMEOUT=1800 >"$build/configure.log" 2>&1 \
    || { cat "$build/configure.log"; exit 1; }
if [ -n "${TARGETS:-}" ]; then
    # shellcheck disable=SC2086
    cmake --build "$build" -j"$jobs" --target $TARGETS
else
    cmake --build "$build" -j"$jobs"
fi

# Every finding stops the program it is in, so a test with one fails. Leaks inside the
# system's fontconfig/GLib/D-Bus caches are not ours (scripts/lsan.supp).
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0:strict_string_checks=1:detect_stack_use_after_return=0}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$here/scripts/lsan.supp:print_suppressions=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
cd "$build"
status=0
ctest --output-on-failure -E '^packages_' "$@" || status=$?
grep -h -E "^(SUMMARY: (Address|UndefinedBehavior|Leak)Sanitizer|.*runtime error:)" Testing/Temporary/LastTest.log \
    | sort | uniq -c | sort -rn | head -n 30 || true
exit $status
