#!/bin/sh
# SPDX-License-Identifier: MIT
# Builds the .deb from the build tree with CPack and checks it as a user's system would see it:
# its control fields, its file list, the desktop files validated, the packaged binary run.
# Usage: deb.sh BUILD_DIR VERSION APP_ID
set -eu
build=$1 version=$2 id=$3
arch=$(dpkg --print-architecture)
work=$(mktemp -d "$build/packaging-deb.XXXXXX")
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

cpack --config "$build/CPackConfig.cmake" -G DEB -B "$work/out" >"$work/cpack.log" 2>&1 \
    || { cat "$work/cpack.log"; fail "cpack"; }
deb=$work/out/influx-explorer_${version}_$arch.deb
[ -f "$deb" ] || { ls "$work/out"; fail "no $deb"; }
echo "built $(basename "$deb"), $(stat -c %s "$deb") bytes"

# Control fields.
field() { dpkg-deb -f "$deb" "$1"; }
[ "$(field Package)" = influx-explorer ] || fail "Package: $(field Package)"
[ "$(field Version)" = "$version" ] || fail "Version: $(field Version)"
[ "$(field Architecture)" = "$arch" ] || fail "Architecture: $(field Architecture)"
[ "$(field Section)" = database ] || fail "Section: $(field Section)"
field Maintainer | grep -Eq '^[^<]+ <[^@ ]+@[^> ]+>$' || fail "Maintainer: $(field Maintainer)"
field Homepage | grep -q '^https://' || fail "Homepage: $(field Homepage)"
# A summary line and an extended description.
[ "$(field Description | sed -n 1p)" = "native explorer for InfluxDB 1.x" ] \
    || fail "Description summary: $(field Description | sed -n 1p)"
[ "$(field Description | wc -l)" -ge 5 ] || fail "no extended Description"
depends=$(field Depends)
echo "Depends: $depends"
# From dpkg-shlibdeps (the libraries the binary links), and the platform plugins added by hand.
for package in libc6 libstdc++6 libqt6core6 libqt6gui6 libqt6widgets6 libqt6network6 \
               libqt6charts6 qt6-qpa-plugins; do
    printf '%s\n' "$depends" | tr ',' '\n' | sed 's/^ *//' | grep -q "^$package\( \|$\)" \
        || fail "Depends lacks $package"
done

# The file list: owned by root, everything a desktop application needs, nothing for developers.
dpkg-deb -c "$deb" >"$work/contents"
awk '$2 != "root/root" { print; bad = 1 } END { exit bad }' "$work/contents" \
    || fail "files not owned by root"
awk '{ print $6 }' "$work/contents" | sed 's|/$||' >"$work/files"
expect="./usr/bin/influx-explorer
./usr/share/applications/$id.desktop
./usr/share/metainfo/$id.metainfo.xml
./usr/share/man/man1/influx-explorer.1.gz
./usr/share/doc/influx-explorer/copyright
./usr/share/doc/influx-explorer/changelog.gz
./usr/share/icons/hicolor/scalable/apps/$id.svg"
for size in 16 22 24 32 48 64 128 256; do
    expect="$expect
./usr/share/icons/hicolor/${size}x$size/apps/$id.png"
done
printf '%s\n' "$expect" | while read -r path; do
    grep -qxF "$path" "$work/files" || fail "missing $path"
done
if grep -E '^\./usr/(include|lib)/|\.a$|_p\.h$' "$work/files"; then
    fail "developer files in the runtime package"
fi

# The installed files as the system sees them.
dpkg-deb -x "$deb" "$work/root"
root=$work/root/usr
desktop-file-validate "$root/share/applications/$id.desktop" || fail "desktop-file-validate"
appstreamcli validate --no-net "$root/share/metainfo/$id.metainfo.xml" || fail "appstreamcli"
grep -qx "Icon=$id" "$root/share/applications/$id.desktop" || fail "desktop Icon is not $id"
grep -qx "Exec=influx-explorer" "$root/share/applications/$id.desktop" || fail "desktop Exec"
grep -q "<id>$id</id>" "$root/share/metainfo/$id.metainfo.xml" || fail "metainfo id"
grep -q "<release version=\"$version\"" "$root/share/metainfo/$id.metainfo.xml" \
    || fail "the metainfo has no <release> for $version"
for size in 16 22 24 32 48 64 128 256; do
    file "$root/share/icons/hicolor/${size}x$size/apps/$id.png" | grep -q "PNG image data, $size x $size," \
        || fail "icon ${size}x$size is not a $size px PNG"
done
gzip -dc "$root/share/man/man1/influx-explorer.1.gz" | grep -q "^\.TH INFLUX-EXPLORER 1 .*influx-explorer $version" \
    || fail "man page header"
file "$root/bin/influx-explorer" | grep -q ', stripped' || fail "binary not stripped"

# The packaged binary runs (headless modes need no display).
out=$("$root/bin/influx-explorer" --version) || fail "--version failed"
[ "$out" = "influx-explorer $version" ] || fail "--version printed '$out'"
"$root/bin/influx-explorer" --help | grep -q '^Usage: influx-explorer' || fail "--help"
echo "PASS"
