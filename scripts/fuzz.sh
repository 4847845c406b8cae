#!/usr/bin/env bash
# Fuzzes reading, checking and every pure derivation of a data file
# (fuzz/fuzz_targets/sheet.rs -> ilo_factsheet::harness::run) with cargo-fuzz.
#
#   scripts/fuzz.sh [SECONDS]      (default 600; `make fuzz FUZZ_SECONDS=N`)
#
# Seeds: the bundled sheet, every test fixture and the hostile corpus, each
# also with a filter line in front (the target reads a first line starting
# with `?` as the URL query). The corpus grows in fuzz/corpus/sheet (not
# committed); a crash or hang is written to fuzz/artifacts/sheet/ and the run
# stops non-zero. Keep a finding as a regression case in tests/fixtures/fuzz/.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-600}"
corpus=fuzz/corpus/sheet
mkdir -p "$corpus"
n=0
for f in data/china.json tests/fixtures/*.json tests/fixtures/hostile/* tests/fixtures/fuzz/*; do
  [ -f "$f" ] || continue
  [ "$(stat -c %s "$f")" -le 200000 ] || continue
  n=$((n + 1))
  cp "$f" "$corpus/seed-$n"
  { echo '?view=map&country=KEN&q=skills&from=2018&to=2022'; cat "$f"; } >"$corpus/seed-$n-filtered"
done
echo "fuzz: $n seed files, ${seconds}s"
# The dated nightly of fuzz/rust-toolchain.toml (scripts/ensure-tools.sh installs it).
nightly="$(sed -n 's/^channel = "\(.*\)"$/\1/p' fuzz/rust-toolchain.toml)"
exec cargo "+$nightly" fuzz run --fuzz-dir fuzz sheet "$corpus" -- \
  -dict=fuzz/sheet.dict -max_len=131072 -timeout=10 -rss_limit_mb=4096 \
  -max_total_time="$seconds" -print_final_stats=1
