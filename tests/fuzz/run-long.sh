#!/bin/sh
# SPDX-License-Identifier: MIT
# A longer fuzzing run, one command: configures and builds the fuzz preset, then runs each
# fuzzer for the given seconds (default 600) on its seed corpus plus what earlier long runs
# found (build/fuzz/long/<name>/corpus, kept between runs). Prints the executions per fuzzer;
# exits non-zero when one finds a crash (the input is in build/fuzz/long/<name>/artifacts/).
#   tests/fuzz/run-long.sh [seconds per fuzzer] [fuzzer names...]
set -eu
cd "$(dirname "$0")/../.."
seconds=${1:-600}
[ $# -gt 0 ] && shift
fuzzers=${*:-decoder encoder quoting}
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz
export ASAN_OPTIONS="quarantine_size_mb=8${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
status=0
for name in $fuzzers; do
    work=build/fuzz/long/$name
    mkdir -p "$work/corpus" "$work/artifacts"
    echo "== fuzz_$name: $seconds s" >&2
    if "build/fuzz/tests/fuzz/fuzz_$name" -max_total_time="$seconds" -timeout=10 \
        -rss_limit_mb=2048 -max_len=4096 -print_final_stats=1 \
        -artifact_prefix="$work/artifacts/" "$work/corpus" "tests/fuzz/corpus/$name" \
        >"$work/log" 2>&1; then
        result=ok
    else
        result="FAILED (see $work/log)"
        status=1
    fi
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/log")
    echo "fuzz_$name: ${runs:-?} executions in $seconds s, corpus $(find "$work/corpus" -type f | wc -l) inputs: $result"
done
exit $status
