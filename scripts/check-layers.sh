#!/usr/bin/env bash
# The layers the compiler cannot see: the pure core and the native tools have
# no web dependency in their tree (every feature on). Prints what it checked.
set -euo pipefail
cd "$(dirname "$0")/.."
web='^(leptos|wasm-bindgen|web-sys|js-sys|gloo-|reactive_graph|tachys)'
for crate in ilo-factsheet-core ilo-factsheet-tools; do
  deps="$(cargo tree -q -p "$crate" --all-features -e normal,build --prefix none | awk '{print $1}' | sort -u)"
  if bad="$(grep -E "$web" <<<"$deps")"; then
    echo "check-layers: $crate depends on web crates:" >&2
    echo "$bad" >&2
    exit 1
  fi
  echo "ok $crate: $(wc -l <<<"$deps") crates in its tree, none of them web"
done
