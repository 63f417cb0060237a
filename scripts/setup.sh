#!/usr/bin/env bash
# Installs what is missing (Debian 12 packages only), then configures and
# builds BranchDesk into ./build. Sourced by run-demo.sh and test.sh.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${BUILD_DIR:-$ROOT/build}"

PACKAGES=(
    cmake ninja-build g++ ccache pkg-config
    qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    qt6-translations-l10n qt6-qpa-plugins
    libqcustomplot-dev libqcustomplot2.1-qt6
    libsqlcipher-dev libicu-dev libsodium-dev
    qt6-httpserver-dev qt6-websockets-dev libpq-dev postgresql-15
    fonts-noto-cjk xvfb xauth faketime
    # issue 16: screenshots of the whole screen under a window manager
    openbox tint2 x11-utils imagemagick
    dpkg-dev lintian desktop-file-utils appstream librsvg2-bin
    libxlsxwriter-dev libminizip-dev poppler-utils unzip
    # issue 8 (hostile input): zlib for bounded inflating, the nginx front-end test,
    # throwaway certificates
    zlib1g-dev nginx-light openssl
    # SHA-256 of pull pages through libcrypto (decisions §35); libpq-dev pulls it in too
    libssl-dev
)

missing=()
for p in "${PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$p")
    fi
done
if ((${#missing[@]})); then
    echo "== Installing: ${missing[*]}"
    SUDO=""
    if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# ccache: paths below the checkout are hashed relative to it and the working directory is
# left out, so a fresh clone in another folder (CI) reuses what an earlier build compiled.
export CCACHE_BASEDIR="$ROOT"
export CCACHE_NOHASHDIR=1

echo "== Building into $BUILD_DIR"
if [ ! -f "$BUILD_DIR/build.ninja" ]; then
    cmake -S "$ROOT" -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
fi
cmake --build "$BUILD_DIR" --parallel "$(nproc)"
