#!/usr/bin/env bash
# The issue-7 acceptance on a clean system: a fresh Debian 12 (bookworm) minbase root made with
# debootstrap, `apt install ./branchdesk_*.deb` (and the HQ package) inside it, then the
# installed `branchdesk-cli --version`, a demo store made by the installed CLI and an offscreen
# launch of the installed GUI in Chinese, as packages_install does on the build machine.
#
#   installer/clean-root-test.sh BUILD_DIR        (root; needs the network for debootstrap/apt)
#
# Not part of the test command: it downloads ~250 MB and takes minutes (decisions.md §26).
# The packages are taken from BUILD_DIR/packages (installer/package-test.sh build BUILD_DIR).
# The root is kept in CLEAN_ROOT_CACHE as a tarball so later runs start from the same clean
# base without downloading it again; each run unpacks a fresh copy and deletes it at the end.
set -euo pipefail

BUILD="$(cd "${1:?BUILD_DIR}" && pwd)"
OUT="$BUILD/packages"
CACHE="${CLEAN_ROOT_CACHE:-/var/tmp/branchdesk-bookworm-minbase.tar}"
MIRROR="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
START=$(date +%s)
fail() { echo "FAIL: $*" >&2; exit 1; }

[ "$(id -u)" -eq 0 ] || fail "run as root (debootstrap and chroot)"
DESKTOP_DEB=$(ls "$OUT"/branchdesk_*_*.deb 2>/dev/null | head -1)
HQ_DEB=$(ls "$OUT"/branchdesk-hq_*_*.deb 2>/dev/null | head -1)
[ -n "$DESKTOP_DEB" ] && [ -n "$HQ_DEB" ] || fail "no packages in $OUT: run installer/package-test.sh build $BUILD"
if ! command -v debootstrap >/dev/null; then
    echo "== installing debootstrap"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends debootstrap
fi

ROOT=$(mktemp -d /var/tmp/branchdesk-clean-root.XXXXXX)
cleanup() {
    for m in dev/pts dev proc sys; do
        mountpoint -q "$ROOT/$m" && umount -l "$ROOT/$m"
    done
    rm -rf "$ROOT"
}
trap cleanup EXIT

if [ -f "$CACHE" ]; then
    echo "== clean bookworm root from $CACHE"
    tar -xf "$CACHE" -C "$ROOT"
else
    echo "== debootstrap --variant=minbase bookworm (kept in $CACHE for later runs)"
    debootstrap --variant=minbase bookworm "$ROOT" "$MIRROR" >"$ROOT.debootstrap.log" 2>&1 \
        || { tail -30 "$ROOT.debootstrap.log"; fail "debootstrap failed"; }
    rm -f "$ROOT.debootstrap.log"
    tar -cf "$CACHE" -C "$ROOT" .
fi
mount -t proc proc "$ROOT/proc"
mount -t sysfs sys "$ROOT/sys"
mount --bind /dev "$ROOT/dev"
mount --bind /dev/pts "$ROOT/dev/pts"
cp /etc/resolv.conf "$ROOT/etc/resolv.conf"
mkdir -p "$ROOT/tmp/debs"
cp "$DESKTOP_DEB" "$HQ_DEB" "$ROOT/tmp/debs/"
desktop=/tmp/debs/$(basename "$DESKTOP_DEB")
hq=/tmp/debs/$(basename "$HQ_DEB")
version=$(dpkg-deb -f "$DESKTOP_DEB" Version)
in_root() { chroot "$ROOT" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 "$@"; }

echo "== what the clean root has: $(in_root dpkg-query -W | wc -l) packages, no Qt"
in_root dpkg-query -W -f='${Package}\n' | grep -q '^libqt6core6' && fail "the root is not clean: Qt is installed"

echo "== apt install ./$(basename "$DESKTOP_DEB") ./$(basename "$HQ_DEB")"
in_root apt-get update -qq
in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$desktop" "$hq" >"$ROOT/tmp/apt.log" 2>&1 \
    || { tail -40 "$ROOT/tmp/apt.log"; fail "apt install failed"; }
echo "installed: $(grep -c '^Setting up' "$ROOT/tmp/apt.log") packages set up"

echo "== branchdesk-cli --version"
out=$(in_root branchdesk-cli --version)
echo "$out"
[ "$out" = "branchdesk-cli $version" ] || fail "unexpected version line"
out=$(in_root branchdesk-hq --version)
echo "$out"
[ "$out" = "branchdesk-hq $version" ] || fail "unexpected hq version line"

echo "== the installed GUI, offscreen, Chinese, on a demo store made by the installed CLI"
in_root mkdir -p /root/work
in_root mkdir -p -m 700 /root/run
in_root env BRANCHDESK_PASSPHRASE=clean-root-pass branchdesk-cli demo --customers 2000 --seed 7 --store /root/work/demo.db
out=$(in_root env BRANCHDESK_PASSPHRASE=clean-root-pass QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR=/root/run \
          timeout 120 branchdesk --store /root/work/demo.db --lang zh_CN --quit-after-paint) \
    || fail "the installed GUI failed (exit $?)"
echo "$out"
grep -qx "rows 2000" <<<"$out" || fail "the GUI did not list the 2000 customers"
grep -q "^window_title 网点客户经营台" <<<"$out" || fail "the Chinese translation was not found"
grep -qx "qt_translations yes" <<<"$out" || fail "Qt's Chinese translations were not found"

echo "== apt purge"
in_root env DEBIAN_FRONTEND=noninteractive apt-get purge -y -q branchdesk branchdesk-hq >"$ROOT/tmp/purge.log" 2>&1 \
    || { tail -20 "$ROOT/tmp/purge.log"; fail "purge failed"; }
for f in /usr/bin/branchdesk /usr/bin/branchdesk-cli /usr/bin/branchdesk-hq /etc/branchdesk-hq; do
    [ ! -e "$ROOT$f" ] || fail "$f is still there after purge"
done
echo "clean-root test passed in $(( $(date +%s) - START ))s"
