#!/usr/bin/env bash
# Prints raw, gzip -9 and brotli (when available) sizes of a built site's assets.
set -euo pipefail
dir="${1:-dist}"
printf '%-44s %10s %10s\n' file raw gzip
for f in "$dir"/*.wasm "$dir"/*.js "$dir"/*.css "$dir"/data/*.json "$dir"/data/map/*.json; do
  [ -f "$f" ] || continue
  printf '%-44s %10d %10d\n' "${f#"$dir"/}" "$(wc -c <"$f")" "$(gzip -9 -c "$f" | wc -c)"
done
