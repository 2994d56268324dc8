#!/bin/sh
# SPDX-License-Identifier: MIT
# Every .ts file holds every string of the code: lupdate (with the build's sources and options)
# runs on a copy of each and must find no new source text. Fix a failure with
#   cmake --build build/dev --target update_translations
# Usage: translations.sh LUPDATE SOURCES_LIST TS_FILE... -- LUPDATE_OPTION...
set -eu
lupdate=$1 sources=$2
shift 2
ts_files=
while [ $# -gt 0 ] && [ "$1" != -- ]; do ts_files="$ts_files $1"; shift; done
[ $# -gt 0 ] && shift # the rest are lupdate's options
[ -n "$ts_files" ] || { echo "FAIL: no .ts files" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

status=0
for ts in $ts_files; do
    copy=$work/$(basename "$ts")
    cp "$ts" "$copy"
    "$lupdate" "$@" @"$sources" -ts "$copy" >"$work/log" 2>&1 || { cat "$work/log"; exit 1; }
    # "Found 632 source text(s) (0 new and 632 already existing)"
    found=$(grep -oE 'Found [0-9]+ source text\(s\) \([0-9]+ new' "$work/log") \
        || { cat "$work/log"; echo "FAIL: unexpected lupdate output" >&2; exit 1; }
    new=$(printf '%s\n' "$found" | grep -oE '[0-9]+ new' | grep -oE '[0-9]+')
    total=$(printf '%s\n' "$found" | grep -oE 'Found [0-9]+' | grep -oE '[0-9]+')
    if [ "$new" -ne 0 ]; then
        echo "FAIL: $(basename "$ts") lacks $new of the code's $total strings, e.g.:" >&2
        diff "$ts" "$copy" | grep '^> *<source>' | head -5 >&2
        echo "Run: cmake --build <build dir> --target update_translations" >&2
        status=1
    else
        echo "$(basename "$ts"): all $total strings"
    fi
done
exit $status
