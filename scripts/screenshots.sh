#!/usr/bin/env bash
# Regenerates every picture in docs/ from the real app under Xvfb, with branchdesk-screenshots
# (app/screenshots/: the app's own start and window, plus the picture-taking the shipped
# branchdesk does not carry).
# Usage: scripts/screenshots.sh [BUILD_DIR]   (build first: scripts/setup.sh)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${1:-$ROOT/build}"
OUT="$ROOT/docs/images"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$OUT"

export BRANCHDESK_PASSPHRASE="screenshot-demo"
export XDG_CONFIG_HOME="$WORK/config" # each run starts from the default window layout
STORE="$WORK/demo.db"
"$BUILD_DIR/app/branchdesk-cli" demo --customers 100000 --seed 7 --today 2026-11-23 --store "$STORE"
# The Today page gets the demo branch the app creates by default (20,000 customers, about
# 2,500 per RM), in its own store: the app enrols lists the first time it sees them.
"$BUILD_DIR/app/branchdesk-cli" demo --customers 20000 --seed 7 --today 2026-11-23 --store "$WORK/today.db"

# Issue 16: the pictures are of the whole *screen* of a 1366x768 bank laptop, under a window
# manager (openbox, which maximizes the window) with a 40 px taskbar (tint2) at the bottom, so
# what does not fit shows. One X server on display :96 for every picture.
DISPLAY_NO="${SCREENSHOT_DISPLAY:-:96}"
mkdir -p "$WORK/openbox"
cat >"$WORK/openbox/rc.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<openbox_config xmlns="http://openbox.org/3.4/rc">
  <applications><application class="*" type="normal"><maximized>yes</maximized></application></applications>
</openbox_config>
XML
cat >"$WORK/tint2rc" <<'RC'
panel_items = T
panel_size = 100% 40
panel_position = bottom center horizontal
panel_background_id = 1
strut_policy = follow_size
panel_layer = top
background_color = #2b2b2b 100
task_maximum_size = 220 32
task_font_color = #ffffff 100
RC
Xvfb "$DISPLAY_NO" -screen 0 1366x768x24 -nolisten tcp >/dev/null 2>&1 &
XVFB_PID=$!
trap 'kill "$XVFB_PID" 2>/dev/null; rm -rf "$WORK"' EXIT
export DISPLAY="$DISPLAY_NO"
for _ in $(seq 50); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done
openbox --config-file "$WORK/openbox/rc.xml" >/dev/null 2>&1 &
tint2 -c "$WORK/tint2rc" >/dev/null 2>&1 &
sleep 2 # the taskbar reserves its 40 px (_NET_WORKAREA 1366x728) before the app asks
on_screen() { # the app with its arguments, shown the way a user's screen would show it
    "$BUILD_DIR/app/branchdesk-screenshots" "$@"
}

shot() { # name, then app arguments
    local name="$1"; shift
    on_screen --store "$STORE" --out "$OUT/$name.png" "$@"
    echo "wrote docs/images/$name.png"
}
shot customers-zh --lang zh_CN --page customers
shot search-pinyin-zh --lang zh_CN --page customers --search "zhangs"
shot search-phone-zh --lang zh_CN --page customers --search "5678"
shot customers-en --lang en --page customers
shot tiers-zh --lang zh_CN --page tiers
shot quadrant-zh --lang zh_CN --page quadrant
shot lists-zh --lang zh_CN --page lists

# Issue 17, batch work: the quadrant's D customers in one batch touch, the batch's phone list for
# the SMS platform, a list row's context menu, and a name list from the card centre imported.
shot batch-touch-zh --lang zh_CN --page quadrant --open batch-touch
shot phone-list-zh --lang zh_CN --page quadrant --open phone-list
shot row-menu-zh --lang zh_CN --page lists --open row-menu
# The card centre's list: a title line, 序号/客户号/手机号, 40 threshold customers by number, two
# numbers and a phone that match nobody, one customer twice.
{
    printf '信用卡中心 2026年12月 分期推荐名单\r\n序号,客户号,手机号\r\n'
    "$BUILD_DIR/app/branchdesk-cli" list threshold --store "$STORE" --format csv |
        awk -F, 'NR > 1 && NR <= 41 { printf "%d,%s,\r\n", NR - 1, $2 }'
    printf '41,600199999901,\r\n42,600199999902,\r\n43,,13900000000\r\n'
    "$BUILD_DIR/app/branchdesk-cli" list threshold --store "$STORE" --format csv |
        awk -F, 'NR == 2 { printf "44,%s,\r\n", $2 }'
} >"$WORK/信用卡分期推荐名单.csv"
shot list-import-zh --lang zh_CN --page lists --open "import-list:$WORK/信用卡分期推荐名单.csv"

# Today (issue 5): the first day (2026-11-23) enrols the lists; two days later, with a
# few of RM01's steps done that morning, the page shows done, due and overdue rows.
on_screen --store "$WORK/today.db" --lang zh_CN \
    --page today --today 2026-11-23 --out "$WORK/first-day.png"
"$BUILD_DIR/app/branchdesk-cli" tasks --store "$WORK/today.db" --rm RM01 --date 2026-11-25 |
    awk -F, 'NR > 1 && $8 == "due" { print $2 }' | head -n 6 | sort -u | while read -r customer; do
        "$BUILD_DIR/app/branchdesk-cli" log-contact --store "$WORK/today.db" --customer "$customer" \
            --channel phone --outcome interested --at 2026-11-25T09:30:00+08:00 >/dev/null
    done
STORE="$WORK/today.db" shot today-zh --lang zh_CN --page today --today 2026-11-25

# The manager's dashboard and one table per RM (issue 6), four weeks into the season: the
# lists are enrolled on 2026-11-23; for 60 of the products maturing in the next four weeks the
# RM calls on T-7 and records what the customer did on maturity (two in three roll over).
"$BUILD_DIR/app/branchdesk-cli" demo --customers 20000 --seed 7 --today 2026-11-23 --store "$WORK/dash.db"
on_screen --store "$WORK/dash.db" --lang zh_CN \
    --page today --today 2026-11-23 --out "$WORK/dash-first-day.png"
"$BUILD_DIR/app/branchdesk-cli" list maturity --store "$WORK/dash.db" --date 2026-11-23 --days 28 --format csv \
    >"$WORK/maturing.csv"
awk -F, 'NR > 1 && $1 >= "2026-12-01" && $9 != "" && NR % 80 == 0 && n++ < 60 { print $1, $3, $6 }' \
    "$WORK/maturing.csv" >"$WORK/called.txt"
n=0
while read -r day holding customer; do
    n=$((n + 1))
    call=$(date -d "$day - 7 days" +%F)
    "$BUILD_DIR/app/branchdesk-cli" log-contact --store "$WORK/dash.db" --customer "$customer" --holding "$holding" \
        --channel phone --outcome reached --at "${call}T10:00:00+08:00" >/dev/null
    outcome=rolled_over
    if ((n % 3 == 0)); then outcome=withdrawn; fi
    "$BUILD_DIR/app/branchdesk-cli" log-contact --store "$WORK/dash.db" --customer "$customer" --holding "$holding" \
        --channel branch --outcome "$outcome" --at "${day}T15:00:00+08:00" >/dev/null
done <"$WORK/called.txt"
STORE="$WORK/dash.db" shot dashboard-zh --lang zh_CN --page dashboard --today 2026-12-21
STORE="$WORK/dash.db" shot rm-table-zh --lang zh_CN --page dashboard --today 2026-12-21 --widget rmTable

# The first-run guide (issue 7): its pages with sample answers, drawn by the real program.
guide() { # name, page of the guide
    on_screen --lang zh_CN --guide "$2" --out "$OUT/$1.png"
    echo "wrote docs/images/$1.png"
}
guide first-run-language-zh language
guide first-run-start-zh start
guide first-run-import-zh import
guide first-run-passphrase-zh passphrase
guide first-run-cadences-zh cadences
