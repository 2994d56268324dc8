#!/bin/sh
# SPDX-License-Identifier: MIT
# The man page documents exactly the flags that --help lists: each option line of --help
# ("  -e, --execute <query>") against the tags of the man page's option paragraphs (the line
# after each .TP that starts with a dash).
# Usage: manpage.sh INFLUX_EXPLORER_BINARY MAN_PAGE
set -eu
binary=$1 page=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The synopsis ends where two spaces start the description.
"$binary" --help | grep -E '^  --?[a-z]' | sed -E 's/^  //; s/  .*//' \
    | grep -oE '(^|[ ,])--?[a-z][a-z-]*' | tr -d ' ,' | sort -u >"$work/help"
awk 'tag { print; tag = 0 } /^\.TP/ { tag = 1 }' "$page" | sed 's/\\-/-/g' \
    | grep -oE '(^|[ "])--?[a-z][a-z-]*' | tr -d ' "' | sort -u >"$work/man"

[ -s "$work/help" ] || { echo "FAIL: no options found in --help" >&2; exit 1; }
status=0
missing=$(comm -23 "$work/help" "$work/man")
extra=$(comm -13 "$work/help" "$work/man")
if [ -n "$missing" ]; then
    echo "FAIL: in --help but not in the man page:" "$(printf '%s ' "$missing" | tr '\n' ' ')" >&2
    status=1
fi
if [ -n "$extra" ]; then
    echo "FAIL: in the man page but not in --help:" "$(printf '%s ' "$extra" | tr '\n' ' ')" >&2
    status=1
fi
[ $status -eq 0 ] && echo "PASS: $(wc -l <"$work/help") flags documented in both"
exit $status
