#!/usr/bin/env bash
# Builds, checks and installs the Debian packages; run by ctest (packages_build,
# packages_lint, packages_install) or by hand:
#   installer/package-test.sh build   BUILD_DIR   cpack -> BUILD_DIR/packages/*.deb
#   installer/package-test.sh lint    BUILD_DIR   desktop-file-validate, appstreamcli, lintian
#   installer/package-test.sh install BUILD_DIR   apt-get install, run the installed programs,
#                                                 apt-get purge (root only: CI's throwaway machine)
# Exit code 77 means "skipped" (ctest SKIP_RETURN_CODE).
set -euo pipefail

step="${1:?build|lint|install}"
BUILD="$(cd "${2:?BUILD_DIR}" && pwd)"
OUT="$BUILD/packages"
SRC="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
APP_ID=cn.branchdesk.BranchDesk

skip() { echo "skipped: $*"; exit 77; }
fail() { echo "FAIL: $*" >&2; exit 1; }
seconds() { echo "$(( $(date +%s) - START ))s"; }
START=$(date +%s)

debs() {
    DESKTOP_DEB=$(ls "$OUT"/branchdesk_*_*.deb 2>/dev/null | head -1)
    HQ_DEB=$(ls "$OUT"/branchdesk-hq_*_*.deb 2>/dev/null | head -1)
    [ -n "$DESKTOP_DEB" ] && [ -n "$HQ_DEB" ] || fail "no packages in $OUT: run the build step first"
}

build() {
    command -v cpack >/dev/null || fail "cpack not found"
    command -v dpkg-shlibdeps >/dev/null || skip "dpkg-shlibdeps (dpkg-dev) is not installed"
    rm -rf "$OUT"
    mkdir -p "$OUT"
    if ! (cd "$BUILD" && cpack -G DEB -B "$OUT") >"$OUT/cpack.log" 2>&1; then
        cat "$OUT/cpack.log"
        fail "cpack failed"
    fi
    rm -rf "$OUT/_CPack_Packages"
    debs
    version=$(dpkg-deb -f "$DESKTOP_DEB" Version)
    arch=$(dpkg --print-architecture)
    [ "$(basename "$DESKTOP_DEB")" = "branchdesk_${version}_${arch}.deb" ] || fail "unexpected name $DESKTOP_DEB"
    [ "$(basename "$HQ_DEB")" = "branchdesk-hq_${version}_${arch}.deb" ] || fail "unexpected name $HQ_DEB"
    for deb in "$DESKTOP_DEB" "$HQ_DEB"; do
        echo "== $(basename "$deb") ($(du -h "$deb" | cut -f1))"
        dpkg-deb -f "$deb" Package Version Architecture Depends Recommends
    done
    echo "packages built in $(seconds)"
}

lint() {
    debs
    for tool in desktop-file-validate appstreamcli lintian; do
        command -v "$tool" >/dev/null || skip "$tool is not installed (scripts/setup.sh installs it)"
    done
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
    dpkg-deb -x "$DESKTOP_DEB" "$work/desktop"
    desktop-file-validate "$work/desktop/usr/share/applications/$APP_ID.desktop"
    echo "desktop-file-validate: clean"
    # --no-net: the test must not depend on the network. Pedantic notes are printed, not fatal
    # (the only one is the upper-case letters of the id, fixed by the desktop file name).
    appstreamcli validate --no-net "$work/desktop/usr/share/metainfo/$APP_ID.metainfo.xml"
    appstreamcli validate --no-net --pedantic "$work/desktop/usr/share/metainfo/$APP_ID.metainfo.xml" || true
    # Every remaining tag is overridden with its reason in installer/debian/*.lintian-overrides.
    lintian --fail-on error,warning --info --display-level ">=info" --show-overrides \
        "$DESKTOP_DEB" "$HQ_DEB" 2>&1 | tee "$work/lintian.txt"
    rc=${PIPESTATUS[0]}
    [ "$rc" -eq 0 ] || fail "lintian reported errors or warnings"
    echo "lint done in $(seconds)"
}

install_test() {
    debs
    [ "$(id -u)" -eq 0 ] || skip "not root (the install test installs the packages into this machine)"
    command -v apt-get >/dev/null || skip "no apt-get on this machine"
    for pkg in branchdesk branchdesk-hq; do
        if dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed"; then
            skip "$pkg is already installed here; the test only installs into a machine without it"
        fi
    done
    export DEBIAN_FRONTEND=noninteractive
    APT=(apt-get -y -q -o DPkg::Lock::Timeout=120 -o Dpkg::Use-Pty=0)
    work=$(mktemp -d)
    chmod 755 "$work"
    cleanup() {
        "${APT[@]}" purge branchdesk branchdesk-hq >/dev/null 2>&1 || true
        rm -rf "$work"
    }
    trap cleanup EXIT

    echo "== apt-get install $(basename "$DESKTOP_DEB") $(basename "$HQ_DEB")"
    # apt needs paths it can tell from package names; recommends (an input method, a
    # PostgreSQL server) would be downloaded, so they are left to the real installation.
    cp "$DESKTOP_DEB" "$HQ_DEB" "$work/"
    "${APT[@]}" --no-install-recommends install "$work/$(basename "$DESKTOP_DEB")" "$work/$(basename "$HQ_DEB")" \
        >"$work/apt-install.log" 2>&1 || { cat "$work/apt-install.log"; fail "apt-get install failed"; }
    grep -E "^(Setting up|The following NEW)" "$work/apt-install.log" || true

    echo "== the installed files"
    for f in /usr/bin/branchdesk /usr/bin/branchdesk-cli /usr/bin/branchdesk-hq /usr/sbin/branchdesk-hq-admin \
             /usr/share/applications/$APP_ID.desktop /usr/share/metainfo/$APP_ID.metainfo.xml \
             /usr/share/icons/hicolor/scalable/apps/$APP_ID.svg /usr/share/icons/hicolor/48x48/apps/$APP_ID.png \
             /usr/share/man/man1/branchdesk-cli.1.gz /usr/share/man/man1/branchdesk-hq.1.gz \
             /lib/systemd/system/branchdesk-hq.service /etc/branchdesk-hq/branchdesk-hq.env \
             /usr/share/doc/branchdesk/user-guide.md /usr/share/doc/branchdesk-hq/README.Debian; do
        [ -e "$f" ] || fail "$f is missing after installation"
    done
    echo "all present"

    echo "== branchdesk-cli --version"
    version=$(dpkg-deb -f "$DESKTOP_DEB" Version)
    out=$(/usr/bin/branchdesk-cli --version)
    echo "$out"
    [ "$out" = "branchdesk-cli $version" ] || fail "unexpected version line"
    out=$(/usr/bin/branchdesk-hq --version)
    echo "$out"
    [ "$out" = "branchdesk-hq $version" ] || fail "unexpected hq version line"

    echo "== the HQ service's user, settings and unit"
    getent passwd branchdesk-hq || fail "no branchdesk-hq system user"
    perms=$(stat -c '%a %U:%G' /etc/branchdesk-hq/branchdesk-hq.env)
    echo "branchdesk-hq.env: $perms"
    [ "$perms" = "640 root:branchdesk-hq" ] || fail "the settings file should be 640 root:branchdesk-hq"
    if command -v systemd-analyze >/dev/null; then
        systemd-analyze verify /lib/systemd/system/branchdesk-hq.service 2>&1 | grep -v "^$" || true
        if systemd-analyze verify /lib/systemd/system/branchdesk-hq.service 2>&1 | grep -qi "error\|invalid\|unknown"; then
            fail "systemd-analyze found problems in the unit"
        fi
    fi

    echo "== the installed GUI, offscreen, Chinese, on a demo store made by the installed CLI"
    export HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_DATA_HOME="$work/home/.local/share"
    mkdir -p "$HOME"
    export BRANCHDESK_PASSPHRASE="package-test-pass"
    /usr/bin/branchdesk-cli demo --customers 2000 --seed 7 --store "$work/demo.db"
    out=$(QT_QPA_PLATFORM=offscreen LANG=C.UTF-8 timeout 120 /usr/bin/branchdesk --store "$work/demo.db" \
              --lang zh_CN --quit-after-paint) || fail "the installed GUI failed (exit $?)"
    echo "$out"
    grep -qx "rows 2000" <<<"$out" || fail "the GUI did not list the 2000 customers"
    # The window title comes from the Chinese translation built into the program; Qt's own
    # translations (qt6-translations-l10n) are loaded from /usr/share/qt6/translations.
    grep -q "^window_title 网点客户经营台" <<<"$out" || fail "the Chinese translation was not found"
    grep -qx "qt_translations yes" <<<"$out" || fail "Qt's Chinese translations were not found"
    unset BRANCHDESK_PASSPHRASE

    echo "== apt-get purge"
    "${APT[@]}" purge branchdesk branchdesk-hq >"$work/apt-purge.log" 2>&1 || { cat "$work/apt-purge.log"; fail "purge failed"; }
    for pkg in branchdesk branchdesk-hq; do
        if dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "installed"; then
            fail "$pkg is still installed"
        fi
    done
    for f in /usr/bin/branchdesk /usr/bin/branchdesk-cli /usr/bin/branchdesk-hq /etc/branchdesk-hq \
             /lib/systemd/system/branchdesk-hq.service /usr/share/applications/$APP_ID.desktop \
             /var/lib/branchdesk-hq /usr/share/doc/branchdesk; do
        [ ! -e "$f" ] || fail "$f is still there after purge"
    done
    echo "removed cleanly (the branchdesk-hq system user stays, as Debian keeps system users)"
    echo "install test done in $(seconds)"
}

case "$step" in
    build) build ;;
    lint) lint ;;
    install) install_test ;;
    *) fail "unknown step $step" ;;
esac
