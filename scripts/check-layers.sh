#!/usr/bin/env bash
# The layers the compiler cannot see. The pure core and the native tools
# have no web dependency in their tree (every feature on); each view crate
# (map, funding) depends on the core and the shared shell, never on another
# view or on the widget crate. Prints what it checked.
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

for view in ilo-factsheet-map ilo-factsheet-funding; do
  deps="$(cargo tree -q -p "$view" --features web -e normal --prefix none | awk '{print $1}' | sort -u)"
  if bad="$(grep -xE 'ilo-factsheet(-map|-funding)?' <<<"$deps" | grep -vx "$view")"; then
    echo "check-layers: $view depends on another view or the widget crate:" >&2
    echo "$bad" >&2
    exit 1
  fi
  echo "ok $view: $(grep -c '^ilo-factsheet' <<<"$deps") workspace crates in its tree ($(grep '^ilo-factsheet' <<<"$deps" | tr '\n' ' '))"
done
