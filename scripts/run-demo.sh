#!/usr/bin/env bash
# First quick-start command: set up, build, and open the app on the demo
# branch (created on first run; the app asks for a passphrase twice).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/setup.sh"
exec "$BUILD_DIR/app/branchdesk" --demo "$@"
