#!/usr/bin/env bash
# Installs what the build and the tests need, skipping what is already there.
# Usage: scripts/ensure-tools.sh [wasm|browser|all]   (default: all)
#   wasm:    rustup target wasm32-unknown-unknown, trunk, wasm-bindgen-cli
#            (at the Cargo.lock version), wasm-opt (npm binaryen@132)
#   browser: Debian's chromium + chromedriver, the e2e node dependencies
# Fast when everything is present: a few version checks, no network.
set -euo pipefail
cd "$(dirname "$0")/.."

what="${1:-all}"
TOOLS="${ILO_TOOLS:-$HOME/.cache/ilo-factsheet}"
TRUNK_VERSION=0.21.14
BINARYEN_VERSION=132.0.0
export PATH="$HOME/.cargo/bin:$TOOLS/binaryen/node_modules/.bin:$PATH"

say() { printf '%-8s %s\n' "$1" "$2"; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "need root to run: $*" >&2; return 1; fi
}

wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/,""); print; exit}' Cargo.lock
}

ensure_wasm() {
  if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say ok "rust target wasm32-unknown-unknown"
  else
    say install "rust target wasm32-unknown-unknown"; rustup target add wasm32-unknown-unknown
  fi

  if trunk --version 2>/dev/null | grep -q " $TRUNK_VERSION"; then
    say ok "trunk $TRUNK_VERSION"
  else
    say install "trunk $TRUNK_VERSION (about 6 minutes)"
    cargo install trunk --version "$TRUNK_VERSION" --locked
  fi

  local wbg; wbg="$(wasm_bindgen_version)"
  if wasm-bindgen --version 2>/dev/null | grep -q " $wbg"; then
    say ok "wasm-bindgen-cli $wbg"
  else
    say install "wasm-bindgen-cli $wbg (about 2 minutes)"
    # --locked fails on this registry (see shared TOOLCHAIN notes): fall back.
    cargo install wasm-bindgen-cli --version "$wbg" --locked || cargo install wasm-bindgen-cli --version "$wbg"
  fi

  if wasm-opt --version 2>/dev/null | grep -q "version ${BINARYEN_VERSION%%.*}"; then
    say ok "wasm-opt ${BINARYEN_VERSION%%.*} ($(command -v wasm-opt))"
  else
    say install "wasm-opt from npm binaryen@$BINARYEN_VERSION"
    mkdir -p "$TOOLS/binaryen"
    npm install --silent --no-audit --no-fund --prefix "$TOOLS/binaryen" "binaryen@$BINARYEN_VERSION"
  fi
}

ensure_browser() {
  if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
    say ok "chromium $(/usr/bin/chromium --version 2>/dev/null | awk '{print $2}')"
  else
    say install "chromium and chromedriver (apt)"
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq chromium chromium-driver
  fi

  local stamp=tests/e2e/node_modules/.package-lock.json
  if [ -f "$stamp" ] && [ "$stamp" -nt tests/e2e/package-lock.json ]; then
    say ok "e2e node modules"
  else
    say install "e2e node modules (npm ci)"
    (cd tests/e2e && npm ci --silent --no-audit --no-fund)
  fi
}

case "$what" in
  wasm) ensure_wasm ;;
  browser) ensure_browser ;;
  all) ensure_wasm; ensure_browser ;;
  *) echo "usage: $0 [wasm|browser|all]" >&2; exit 2 ;;
esac
