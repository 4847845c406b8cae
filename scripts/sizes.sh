#!/usr/bin/env bash
# Raw and gzip -9 sizes of a built site's assets: scripts/sizes.sh [dist]
set -euo pipefail
dir="${1:-dist}"
[ -f "$dir/index.html" ] || { echo "sizes.sh: no $dir/index.html" >&2; exit 1; }
printf '%-48s %10s %10s\n' file raw gzip-9
shopt -s nullglob
for f in "$dir"/*.wasm "$dir"/*.js "$dir"/*.css "$dir"/index.html "$dir"/data/*.json "$dir"/data/map/*.json; do
  printf '%-48s %10d %10d\n' "${f#"$dir"/}" "$(wc -c <"$f")" "$(gzip -9 -c "$f" | wc -c)"
done
