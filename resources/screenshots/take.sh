#!/bin/sh
# SPDX-License-Identifier: MIT
# Regenerates the README's screenshots of the real window under Xvfb (package xvfb), with
# settings and history in a throw-away directory. Usage: resources/screenshots/take.sh [BUILD_DIR]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-"$here/../../build/dev"}
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
XDG_CONFIG_HOME="$scratch/config" XDG_DATA_HOME="$scratch/data" QT_QPA_PLATFORM=xcb \
    xvfb-run --auto-servernum --server-args="-screen 0 1400x900x24" \
    "$build/tests/screenshots" "$here"
