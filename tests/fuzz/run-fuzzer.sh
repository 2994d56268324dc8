#!/bin/sh
# SPDX-License-Identifier: MIT
# Runs one libFuzzer target for a bounded time on its seed corpus, without writing into the
# source tree: new inputs go to <workdir>/corpus, a crashing input to <workdir>/artifacts/.
# Exits non-zero when the fuzzer finds a crash, a sanitizer error, a failed check or a timeout.
#   run-fuzzer.sh <fuzzer binary> <seed corpus dir> <workdir> <seconds>
set -eu
fuzzer=$1 seeds=$2 work=$3 seconds=$4
rm -rf "$work/corpus"
mkdir -p "$work/corpus" "$work/artifacts"
# A small ASan quarantine: with the default 256 MB every allocation touches fresh pages, and
# page faults made the fuzzers 3-4 times slower on the 2-core CI VM. Use-after-free is still
# caught within the last 8 MB of freed memory.
export ASAN_OPTIONS="quarantine_size_mb=8${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
# The first directory is the one libFuzzer writes to; the seeds are only read.
exec "$fuzzer" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=4096 \
    -print_final_stats=1 -artifact_prefix="$work/artifacts/" "$work/corpus" "$seeds"
