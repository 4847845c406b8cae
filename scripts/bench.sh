#!/usr/bin/env bash
# `make bench`: the wasm's raw and gzip -9 size, then the time from navigation to
# the first section rendered, and of the map drawn, in headless Chromium
# (tests/e2e/bench.mjs; RUNS=5, medians printed). Numbers to read, not pass/fail. Usage: scripts/bench.sh [dist]
set -euo pipefail
cd "$(dirname "$0")/.."
dir="${1:-dist}"
[ -f "$dir/index.html" ] || { echo "bench.sh: no $dir/index.html, run 'make dist' first" >&2; exit 1; }
echo "== sizes (bytes)"
scripts/sizes.sh "$dir"
echo "== load in headless Chromium"
DIST="$dir" node tests/e2e/bench.mjs
