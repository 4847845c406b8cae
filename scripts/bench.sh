#!/usr/bin/env bash
# `make bench`: the built files' raw and gzip -9 sizes; a 10,000-project
# synthetic sheet and the core's timings over it (criterion, bench/); then the
# time from navigation to the first section rendered, and to the map drawn, and
# the large sheet's load and filter repaint, in headless Chromium
# (tests/e2e/bench.mjs; RUNS=5, medians printed); then the race against a
# static HTML page of the same text on a throttled phone (tests/e2e/race.mjs);
# and Lighthouse's scores (tests/e2e/lighthouse.mjs). Numbers to read, not pass/fail. Usage: scripts/bench.sh [dist]
set -euo pipefail
cd "$(dirname "$0")/.."
dir="${1:-dist}"
[ -f "$dir/index.html" ] || { echo "bench.sh: no $dir/index.html, run 'make dist' first" >&2; exit 1; }
echo "== sizes (bytes)"
scripts/sizes.sh "$dir"
echo "== what the wasm's bytes are spent on, by crate (twiggy, before wasm-opt)"
if command -v twiggy >/dev/null; then node scripts/wasm-shares.mjs; else echo "(cargo install twiggy to see this)"; fi
echo "== a synthetic sheet of 10,000 projects (gen-synthetic)"
synthetic=target/synthetic-10000.json
cargo run --quiet --release -p ilo-factsheet-tools --bin gen-synthetic -- --projects 10000 --out "$synthetic"
ls -l "$synthetic" | awk '{print $5 " bytes"}'
echo "== the core over it (criterion; bench/benches/core.rs)"
CARGO_TARGET_DIR=target/bench cargo bench --quiet --manifest-path bench/Cargo.toml --bench core
echo "== load in headless Chromium (the bundled sheet, then the 10,000-project sheet)"
DIST="$dir" SYNTHETIC="$synthetic" node tests/e2e/bench.mjs
echo "== the race: the app against a static HTML page of the same text, on a throttled phone"
css=$(cd "$dir" && ls ilo-factsheet-*.css | head -1)
cargo run --quiet --features ssr --bin snapshot -- data/china.json --css "$css" > target/static-page.html
DIST="$dir" STATIC_HTML=target/static-page.html node tests/e2e/race.mjs
echo "== Lighthouse 12, mobile preset (the full page and ?view=map)"
DIST="$dir" LIGHTHOUSE="${ILO_TOOLS:-$HOME/.cache/ilo-factsheet}/lighthouse/node_modules/.bin/lighthouse" node tests/e2e/lighthouse.mjs
