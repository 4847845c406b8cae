#!/usr/bin/env bash
# Raw, gzip -9 and brotli sizes of a built site's assets: scripts/sizes.sh [dist]
# (brotli: the build's own .br copy, where it wrote one).
set -euo pipefail
dir="${1:-dist}"
[ -f "$dir/index.html" ] || { echo "sizes.sh: no $dir/index.html" >&2; exit 1; }
printf '%-48s %10s %10s %10s\n' file raw gzip-9 brotli
shopt -s nullglob
for f in "$dir"/*.wasm "$dir"/*.js "$dir"/*.css "$dir"/index.html "$dir"/embed.html "$dir"/preview.html "$dir"/data/*.json "$dir"/data/map/*.json; do
  br=-
  [ -f "$f.br" ] && br=$(wc -c <"$f.br")
  printf '%-48s %10d %10d %10s\n' "${f#"$dir"/}" "$(wc -c <"$f")" "$(gzip -9 -c "$f" | wc -c)" "$br"
done
