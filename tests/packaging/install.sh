#!/bin/sh
# SPDX-License-Identifier: MIT
# `cmake --install` into a DESTDIR: the installed program runs, and a small CMake project
# outside the tree builds against the installed client library with find_package(InfluxClient).
# Usage: install.sh BUILD_DIR VERSION CONSUMER_SOURCE_DIR [CONSUMER_FLAGS]
# CONSUMER_FLAGS: compiler and linker flags the consumer needs too (the sanitizers of an asan
# build, whose runtime the static library needs).
set -eu
build=$1 version=$2 consumer=$3 flags=${4:-}
work=$(mktemp -d "$build/packaging-install.XXXXXX")
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

DESTDIR=$work/root cmake --install "$build" --prefix /usr >"$work/install.log" \
    || { cat "$work/install.log"; fail "cmake --install"; }
prefix=$work/root/usr
libdir=$(sed -n 's/^CMAKE_INSTALL_LIBDIR:PATH=//p' "$build/CMakeCache.txt")
for path in bin/influx-explorer share/man/man1/influx-explorer.1.gz \
            include/influxclient/client.h include/influxclient/reply.h \
            "$libdir/libinfluxclient.a" "$libdir/cmake/InfluxClient/InfluxClientConfig.cmake" \
            "$libdir/cmake/InfluxClient/InfluxClientConfigVersion.cmake" \
            "$libdir/cmake/InfluxClient/InfluxClientTargets.cmake"; do
    [ -e "$prefix/$path" ] || fail "not installed: $path"
done
for header in "$prefix"/include/influxclient/*_p.h; do
    [ -e "$header" ] && fail "private header installed: $header"
done

out=$("$prefix/bin/influx-explorer" --version) || fail "--version failed"
[ "$out" = "influx-explorer $version" ] || fail "--version printed '$out'"
"$prefix/bin/influx-explorer" --help >"$work/help" || fail "--help failed"
grep -q '^Usage: influx-explorer' "$work/help" || fail "--help printed no usage"

# The consumer finds the staged package, not anything else on the system.
cmake -S "$consumer" -B "$work/consumer" -G Ninja -DCMAKE_BUILD_TYPE=Release \
      -DCMAKE_PREFIX_PATH="$prefix" -DINFLUX_CLIENT_VERSION="$version" \
      -DCMAKE_CXX_FLAGS="$flags" -DCMAKE_EXE_LINKER_FLAGS="$flags" \
      >"$work/configure.log" 2>&1 || { cat "$work/configure.log"; fail "consumer configure"; }
grep -qx "InfluxClient_DIR:PATH=$prefix/$libdir/cmake/InfluxClient" "$work/consumer/CMakeCache.txt" \
    || fail "the consumer did not use the staged package: $(grep InfluxClient_DIR "$work/consumer/CMakeCache.txt")"
cmake --build "$work/consumer" >"$work/build.log" 2>&1 \
    || { cat "$work/build.log"; fail "consumer build"; }
out=$("$work/consumer/consumer") || fail "the consumer failed: $out"
expected='SELECT usage_user FROM "cpu" WHERE "host" = '"'"'a b'"'"' LIMIT 10'
[ "$out" = "$expected" ] || fail "the consumer printed '$out', not '$expected'"
echo "PASS"
