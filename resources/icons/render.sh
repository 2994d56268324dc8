#!/bin/sh
# SPDX-License-Identifier: MIT
# Renders the application icon's PNG sizes from the SVG into hicolor/, the layout they are
# installed in. The PNGs are committed, so that building needs no SVG renderer; run this after
# changing the SVG (needs rsvg-convert, package librsvg2-bin).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
id=io.github.influx_explorer.InfluxExplorer
for size in 16 22 24 32 48 64 128 256; do
    mkdir -p "$here/hicolor/${size}x${size}/apps"
    rsvg-convert -w "$size" -h "$size" "$here/$id.svg" -o "$here/hicolor/${size}x${size}/apps/$id.png"
done
