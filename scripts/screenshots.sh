#!/usr/bin/env bash
# Regenerates every picture in docs/ from the real app under Xvfb.
# Usage: scripts/screenshots.sh [BUILD_DIR]   (build first: scripts/setup.sh)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${1:-$ROOT/build}"
OUT="$ROOT/docs/images"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$OUT"

export BRANCHDESK_PASSPHRASE="screenshot-demo"
export XDG_CONFIG_HOME="$WORK/config"
STORE="$WORK/demo.db"
"$BUILD_DIR/app/branchdesk-cli" demo --customers 100000 --seed 7 --today 2026-11-23 --store "$STORE"

shot() { # name, then app arguments
    local name="$1"; shift
    xvfb-run -a -s "-screen 0 1440x900x24" \
        "$BUILD_DIR/app/branchdesk" --store "$STORE" --screenshot "$OUT/$name.png" "$@"
    echo "wrote docs/images/$name.png"
}
shot customers-zh --lang zh_CN
shot search-pinyin-zh --lang zh_CN --search "zhangs"
shot search-phone-zh --lang zh_CN --search "5678"
shot customers-en --lang en
shot tiers-zh --lang zh_CN --page tiers
shot quadrant-zh --lang zh_CN --page quadrant
shot lists-zh --lang zh_CN --page lists
