#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# fresh-install-check.sh: installs an influx-explorer .deb on a freshly bootstrapped, minimal
# Debian 12 (bookworm) and checks that it installs, finds all its libraries, ships its files and
# opens its window. A build machine has every -dev package installed, so installing there proves
# little; this catches a missing Depends, a missing file or a start-up that needs more than the
# package pulls in.
#
# Usage:  sudo fresh-install-check.sh path/to/influx-explorer_<version>_amd64.deb [out-dir]
#
#   out-dir (default ./fresh-install-check-out) receives the logs (apt, the app's stderr) and
#   shot.png, a screenshot of the window under Xvfb with the demo data loaded.
#
# Needs: root (debootstrap, chroot, mounts), network to a Debian mirror, ~700 MB in $TMPDIR.
# Takes about 4 minutes (more on a slow mirror), mostly downloads: debootstrap (~90 packages),
# then ~105 packages (74 MB) for the app, influxdb from its Recommends, and ~35 packages for Xvfb.
#
# What it does, in a throw-away chroot under $TMPDIR (removed on exit, mounts undone by a trap):
#   1. debootstrap --variant=minbase bookworm (+ bookworm-updates and bookworm-security)
#   2. apt-get install --no-install-recommends ./the.deb: Depends alone must be enough for
#      the files, the libraries (ldd), --version, --help, and the window (offscreen platform)
#   3. the same install with Recommends (influxdb): --demo --ping runs a private influxd
#   4. Xvfb: the window on the demo data, a screenshot, the app must still be running
# Each check prints PASS or FAIL; the exit status is the number of failures (at most 99), 100
# when the package did not install at all, 101 when the check could not run (usage, no root,
# debootstrap failed...).
#
# Environment: MIRROR (default http://deb.debian.org/debian), SECURITY_MIRROR (default
# http://deb.debian.org/debian-security), SUITE (default bookworm), KEEP_ROOT=1 keeps the chroot
# for inspection (its mounts are still undone), SHOT_DELAY seconds between the start of the
# window and the screenshot (default 20: the demo data is loaded by then).
# The check functions are called through check(), which shellcheck does not follow.
# shellcheck disable=SC2317
set -euo pipefail

MIRROR=${MIRROR:-http://deb.debian.org/debian}
SECURITY_MIRROR=${SECURITY_MIRROR:-http://deb.debian.org/debian-security}
SUITE=${SUITE:-bookworm}
KEEP_ROOT=${KEEP_ROOT:-0}
SHOT_DELAY=${SHOT_DELAY:-20}

die() { echo "fresh-install-check: $*" >&2; exit 101; }

{ [ $# -ge 1 ] && [ $# -le 2 ]; } || die "usage: $0 path/to/influx-explorer_<version>_<arch>.deb [out-dir]"
deb=$(realpath -e "$1") || die "no such file: $1"
[ "$(id -u)" -eq 0 ] || die "needs root (debootstrap, chroot, mount)"
dpkg-deb --info "$deb" >/dev/null 2>&1 || die "not a .deb: $deb"
pkg=$(dpkg-deb -f "$deb" Package)
out=$(realpath -m "${2:-./fresh-install-check-out}")
mkdir -p "$out"

if ! command -v debootstrap >/dev/null; then
    echo "Installing debootstrap on the host" >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends debootstrap >/dev/null \
        || die "cannot install debootstrap"
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/fresh-install-check.XXXXXX")
root=$work/root
mounts=()

# Processes whose root directory is the chroot: the app, influxd, Xvfb. Killed before unmounting.
chroot_pids() {
    local p
    for p in /proc/[0-9]*; do
        [ "$(readlink "$p/root" 2>/dev/null)" = "$root" ] && echo "${p#/proc/}"
    done
    return 0
}

cleanup() {
    local status=$? pids i
    set +e
    pids=$(chroot_pids)
    if [ -n "$pids" ]; then
        # shellcheck disable=SC2086 # one pid a word
        kill $pids 2>/dev/null
        sleep 2
        pids=$(chroot_pids)
        # shellcheck disable=SC2086
        [ -n "$pids" ] && kill -KILL $pids 2>/dev/null
    fi
    for ((i = ${#mounts[@]} - 1; i >= 0; i--)); do
        umount "${mounts[i]}" 2>/dev/null || umount -l "${mounts[i]}"
    done
    if [ "$KEEP_ROOT" = 1 ]; then
        echo "Kept the chroot: $root" >&2
    else
        rm -rf --one-file-system "$work"
    fi
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

mount_in() { # mount_in <mount args...> <target under the chroot>
    mount "$@"
    mounts+=("${!#}")
}

failures=0
pass() { printf 'PASS  %s\n' "$1"; }
fail() { printf 'FAIL  %s\n' "$1"; failures=$((failures + 1)); }
check() { # check <description> <command...>: PASS when the command succeeds
    local what=$1
    shift
    if "$@"; then pass "$what"; else fail "$what"; fi
}

# Runs a command in the chroot as root, or with in_chroot_user as the unprivileged desktop user.
in_chroot() {
    chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 \
        DEBIAN_FRONTEND=noninteractive "$@"
}
in_chroot_user() {
    chroot --userspec=4242:4242 "$root" /usr/bin/env -i PATH=/usr/bin:/bin \
        HOME=/home/tester USER=tester LANG=C.UTF-8 XDG_RUNTIME_DIR=/tmp/runtime-tester "$@"
}

# apt-get install that logs, and reports how many packages it added and how much it downloaded.
apt_install() { # apt_install <log name> <apt-get install args...>
    local log=$out/$1.log
    shift
    if in_chroot apt-get install -y -q "$@" >"$log" 2>&1; then
        printf '      %s\n      %s\n' \
            "$(grep -m1 -E '^[0-9]+ upgraded, [0-9]+ newly installed' "$log" || echo '?')" \
            "$(grep -m1 -E '^Need to get' "$log" || echo 'nothing to download')"
        return 0
    fi
    tail -n 20 "$log" | sed 's/^/      /'
    return 1
}

echo "== $pkg $(dpkg-deb -f "$deb" Version) on a fresh $SUITE (chroot $root)"
echo "   Depends: $(dpkg-deb -f "$deb" Depends)"
echo "   Recommends: $(dpkg-deb -f "$deb" Recommends)"

# 1. The fresh system.
debootstrap --variant=minbase "$SUITE" "$root" "$MIRROR" >"$out/debootstrap.log" 2>&1 \
    || { tail -n 20 "$out/debootstrap.log" >&2; die "debootstrap failed (log: $out/debootstrap.log)"; }
cat >"$root/etc/apt/sources.list" <<EOF
deb $MIRROR $SUITE main
deb $MIRROR $SUITE-updates main
deb $SECURITY_MIRROR $SUITE-security main
EOF
# Packages must not start services in the chroot (influxdb would start a system-wide server).
printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d"
chmod +x "$root/usr/sbin/policy-rc.d"
cp /etc/resolv.conf "$root/etc/resolv.conf"
mount_in -t proc proc "$root/proc"
mount_in -t sysfs sysfs "$root/sys"
# A /dev of its own rather than a bind of the host's: a mount under a bind of a shared /dev
# would propagate to the host's.
mount_in -t tmpfs -o mode=755,nosuid tmpfs "$root/dev"
mknod -m 666 "$root/dev/null" c 1 3
mknod -m 666 "$root/dev/zero" c 1 5
mknod -m 666 "$root/dev/full" c 1 7
mknod -m 666 "$root/dev/random" c 1 8
mknod -m 666 "$root/dev/urandom" c 1 9
mknod -m 666 "$root/dev/tty" c 5 0
ln -s /proc/self/fd "$root/dev/fd"
ln -s /proc/self/fd/0 "$root/dev/stdin"
ln -s /proc/self/fd/1 "$root/dev/stdout"
ln -s /proc/self/fd/2 "$root/dev/stderr"
mkdir "$root/dev/pts" "$root/dev/shm"
ln -s pts/ptmx "$root/dev/ptmx"
mount_in -t devpts -o newinstance,ptmxmode=0666 devpts "$root/dev/pts"
mount_in -t tmpfs -o mode=1777 tmpfs "$root/dev/shm"
mount_in -t tmpfs tmpfs "$root/tmp"
in_chroot useradd --create-home --uid 4242 --user-group tester
mkdir -m 700 "$root/tmp/runtime-tester"
in_chroot chown tester:tester /tmp/runtime-tester
in_chroot apt-get update -q >"$out/apt-update.log" 2>&1 || die "apt-get update failed in the chroot"
pass "debootstrap $SUITE minbase ($(in_chroot dpkg-query -W -f='.\n' | wc -l) packages)"
cp "$deb" "$root/tmp/"
debname=/tmp/$(basename "$deb")

# 2. Depends alone.
echo "== Install without Recommends"
check "apt-get install --no-install-recommends ./$(basename "$deb")" \
    apt_install install-no-recommends --no-install-recommends "$debname"
# shellcheck disable=SC2016 # dpkg-query's format, not the shell's
in_chroot dpkg-query -W -f='${Package} ${Version}\n' | sort >"$out/packages-after-install.txt"
# shellcheck disable=SC2016
if ! in_chroot dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
    fail "the package is not installed: no further checks"
    exit 100
fi
bin=/usr/bin/influx-explorer
missing_libs() { ! in_chroot ldd "$bin" | grep 'not found'; }
check "ldd $bin: every library found" missing_libs
plugins_ok() { # the Qt platform plugins the window needs, and their libraries
    local p ok=0
    for p in libqxcb.so libqoffscreen.so; do
        p=/usr/lib/x86_64-linux-gnu/qt6/plugins/platforms/$p
        [ -e "$root$p" ] || { echo "      missing $p"; ok=1; continue; }
        in_chroot ldd "$p" | grep 'not found' && ok=1
    done
    return "$ok"
}
check "Qt platform plugins xcb and offscreen present, their libraries found" plugins_ok
version=$(in_chroot_user influx-explorer --version 2>"$out/version.stderr") || version=""
check "influx-explorer --version: '$version'" test -n "$version"
help_ok() { in_chroot_user influx-explorer --help >"$out/help.txt" 2>&1 && grep -q -- '--demo' "$out/help.txt"; }
check "influx-explorer --help (lists --demo)" help_ok
file_check() { # file_check <description> <glob under the chroot>: at least one match
    local matches
    matches=$(cd "$root" && { compgen -G "${2#/}" || true; })
    if [ -n "$matches" ]; then
        pass "$1: $(echo "$matches" | head -n 3 | paste -sd ' ')"
    else
        fail "$1: nothing matches $2"
    fi
}
file_check "man page" "/usr/share/man/man1/influx-explorer.1.gz"
file_check "desktop entry" "/usr/share/applications/*.desktop"
file_check "AppStream metainfo" "/usr/share/metainfo/*.metainfo.xml"
file_check "hicolor icons" "/usr/share/icons/hicolor/*/apps/*InfluxExplorer*"
file_check "copyright" "/usr/share/doc/$pkg/copyright"
desktop_exec() {
    local exec
    exec=$(sed -n 's/^Exec=\([^ ]*\).*/\1/p' "$root"/usr/share/applications/*.desktop | head -n 1)
    [ -n "$exec" ] && in_chroot sh -c "command -v '$exec'" >/dev/null
}
check "the desktop entry's Exec is on PATH" desktop_exec

# The window without a display server and without influxd: it shows the connection dialog and
# must stay up. Only the package's Depends are installed at this point.
offscreen_window() {
    local rc=0
    in_chroot_user env QT_QPA_PLATFORM=offscreen timeout -s TERM 6 influx-explorer \
        >"$out/offscreen.stdout" 2>"$out/offscreen.stderr" || rc=$?
    [ "$rc" -eq 124 ] # still running when timeout ended it
}
check "window starts and stays up (offscreen, no influxd)" offscreen_window

# 3. With Recommends: influxdb, which --demo runs as a private server.
echo "== Install with Recommends"
in_chroot apt-get remove -y -q "$pkg" >"$out/remove.log" 2>&1
check "apt-get install ./$(basename "$deb") (with Recommends)" apt_install install-recommends "$debname"
# shellcheck disable=SC2016
comm -13 "$out/packages-after-install.txt" \
    <(in_chroot dpkg-query -W -f='${Package} ${Version}\n' | sort) >"$out/packages-from-recommends.txt"
demo_ping() {
    in_chroot_user timeout 120 influx-explorer --demo --ping >"$out/demo-ping.stdout" 2>"$out/demo-ping.stderr" \
        && [ -s "$out/demo-ping.stdout" ]
}
check "influx-explorer --demo --ping: $(in_chroot_user sh -c 'command -v influxd' || echo 'no influxd')" demo_ping
demo_query() {
    in_chroot_user timeout 180 influx-explorer --demo -f csv -e 'SHOW DATABASES' \
        >"$out/demo-query.stdout" 2>"$out/demo-query.stderr" \
        && grep -q '^databases,demo$' "$out/demo-query.stdout"
}
check "influx-explorer --demo -e 'SHOW DATABASES' lists demo" demo_query

# 4. The real window under Xvfb, with the demo data, and a screenshot.
echo "== Window under Xvfb"
check "install xvfb, xauth, x11-apps, netpbm (for the screenshot)" \
    apt_install install-xvfb --no-install-recommends xvfb xauth x11-apps netpbm
cat >"$root/tmp/shot.sh" <<'EOF'
#!/bin/sh
# Runs under xvfb-run: the app on the demo data, a screenshot once it has settled.
influx-explorer --demo >/tmp/app.stdout 2>/tmp/app.stderr &
app=$!
sleep "$1"
if kill -0 "$app" 2>/dev/null; then echo running >/tmp/app.state; else echo exited >/tmp/app.state; fi
xwd -root -silent >/tmp/shot.xwd
xwdtopnm </tmp/shot.xwd 2>/dev/null | pnmtopng >/tmp/shot.png
xwdtopnm </tmp/shot.xwd 2>/dev/null | ppmhist -noheader | wc -l >/tmp/shot.colours
kill "$app" 2>/dev/null
wait "$app" 2>/dev/null
exit 0
EOF
chmod +x "$root/tmp/shot.sh"
# The chroot shares the host's network namespace, so also its abstract X sockets: xvfb-run -a
# only sees the chroot's lock files, so pick a display that is free on the host too.
display=147
while grep -q "@/tmp/.X11-unix/X$display\$" /proc/net/unix || [ -e "/tmp/.X$display-lock" ]; do
    display=$((display + 1))
done
in_chroot_user timeout 300 xvfb-run -n "$display" -s "-screen 0 1280x800x24" /tmp/shot.sh "$SHOT_DELAY" \
    >"$out/xvfb-run.log" 2>&1 || true
cp "$root/tmp/app.stderr" "$out/app.stderr" 2>/dev/null || true
check "window on the demo data still running after $SHOT_DELAY s" \
    grep -qx running "$root/tmp/app.state"
if [ -s "$root/tmp/shot.png" ]; then
    cp "$root/tmp/shot.png" "$out/shot.png"
    colours=$(cat "$root/tmp/shot.colours" 2>/dev/null || echo 0)
    # An empty root window has one colour; a window with text, icons and a chart has hundreds.
    check "screenshot $out/shot.png shows a window ($colours colours)" test "$colours" -gt 50
else
    fail "screenshot: none taken (see $out/xvfb-run.log)"
fi
if [ -s "$out/app.stderr" ]; then
    echo "      the app's stderr at start-up ($out/app.stderr):"
    head -n 20 "$out/app.stderr" | sed 's/^/        /'
fi

echo "== $failures check(s) failed; logs in $out"
exit $((failures > 99 ? 99 : failures))
