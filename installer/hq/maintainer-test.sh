#!/bin/sh
# The HQ package's maintainer scripts against a stand-in systemctl (ctest hq_maintainer_scripts):
# removing the package stops the main unit and every node of the template
# (branchdesk-hq@PORT.service), an upgrade restarts the running ones, and a machine without
# systemd gets no systemctl call. The real deb-systemd-invoke runs; only systemctl is
# replaced, and /run/systemd/system is a directory of the test's own. Nothing on the
# machine is touched: prerm and postrm "remove" only call systemd.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

mkdir -p "$work/bin" "$work/run/systemd/system"
cat >"$work/bin/systemctl" <<STUB
#!/bin/sh
echo "systemctl \$*" >>"$work/calls"
STUB
chmod +x "$work/bin/systemctl"
# A copy of each script that looks for systemd in the test's directory.
for script in prerm postrm; do
    sed "s#/run/systemd/system#$work/run/systemd/system#g" "$here/$script" >"$work/$script"
    chmod +x "$work/$script"
done
# DPKG_ROOT: deb-systemd-invoke asks $DPKG_ROOT/usr/sbin/policy-rc.d, absent here (a
# container's own policy-rc.d may refuse every action).
run() { PATH="$work/bin:$PATH" DPKG_ROOT="$work" "$@"; }

command -v deb-systemd-invoke >/dev/null || { echo "skipped: no deb-systemd-invoke (init-system-helpers)"; exit 77; }

: >"$work/calls"
run "$work/prerm" remove
cat "$work/calls"
grep -q "^systemctl stop branchdesk-hq.service branchdesk-hq@\*.service$" "$work/calls" \
    || fail "prerm remove does not stop the main unit and every branchdesk-hq@ node"

: >"$work/calls"
run "$work/prerm" upgrade 1.0
[ ! -s "$work/calls" ] || fail "prerm upgrade stopped something: $(cat "$work/calls")"

: >"$work/calls"
run "$work/postrm" remove
grep -q "daemon-reload" "$work/calls" || fail "postrm remove does not reload systemd"

# postinst's upgrade branch, alone (the rest of postinst adds a user and changes /etc).
sed -n '/if \[ -n "\$2" \]; then/,/^        fi/p' "$here/postinst" >"$work/upgrade"
[ -s "$work/upgrade" ] || fail "postinst has no upgrade branch"
: >"$work/calls"
run sh -c "set -- configure 1.0; . '$work/upgrade'"
grep -q "^systemctl try-restart branchdesk-hq.service branchdesk-hq@\*.service$" "$work/calls" \
    || fail "postinst upgrade does not restart the running branchdesk-hq@ nodes: $(cat "$work/calls")"

# Without systemd: not one call.
rm -rf "$work/run/systemd/system"
: >"$work/calls"
run "$work/prerm" remove
[ ! -s "$work/calls" ] || fail "prerm called systemctl without systemd"
echo "maintainer scripts: ok"
