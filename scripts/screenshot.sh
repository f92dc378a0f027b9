#!/usr/bin/env bash
# Screenshot an HTML report with headless Chromium (Debian package `chromium`), to look at it:
#   bash scripts/screenshot.sh report.html shot.png [WIDTH,HEIGHT]
set -euo pipefail
html=$(realpath "$1"); png=$(realpath -m "$2"); size=${3:-1400,2000}
chromium --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
  --disable-sync --no-first-run --hide-scrollbars --window-size="$size" --screenshot="$png" "file://$html" 2>/dev/null
test -s "$png"
