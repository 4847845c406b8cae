#!/usr/bin/env bash
# Installs what the build and the tests need, skipping whatever is already there.
#
#   scripts/ensure-tools.sh [rust|wasm|browser|fuzz|bench|all]...  (default: all but fuzz and bench)
#
#   rust     rustup target wasm32-unknown-unknown; trunk 0.21.14,
#            wasm-bindgen-cli at the exact version Cargo.lock pins and
#            wasm-split-cli (crates.io wasm_split_cli_support 0.2.4, feature
#            build-binary) (cargo install)
#   wasm     wasm-opt from the npm package binaryen@132.0.0, installed under
#            ${ILO_TOOLS:-$HOME/.cache/ilo-factsheet}/binaryen (never Debian's
#            binaryen: its wasm-opt 108 silently breaks the module)
#   fuzz     nightly Rust (minimal profile) and cargo-fuzz, for `make fuzz` only
#   bench    Lighthouse from npm lighthouse@12.2.3 (13 needs a newer Node), under
#            ${ILO_TOOLS}/lighthouse, for `make bench` only
#   browser  Debian's chromium + chromium-driver (apt, as root or with sudo) and
#            the e2e node modules (npm ci in tests/e2e when missing or when
#            package.json / package-lock.json changed)
#
# One line per tool: "ok <tool> <version>" or "installing <tool> ...".
# Fast (well under 2 s) when everything is present: file and version checks only,
# no network. Safe to run concurrently (an flock serialises installs).
set -euo pipefail
cd "$(dirname "$0")/.."

TOOLS="${ILO_TOOLS:-$HOME/.cache/ilo-factsheet}"
TRUNK_VERSION=0.21.14
WASM_SPLIT_VERSION=0.2.4
BINARYEN_VERSION=132.0.0
BINARYEN_DIR="$TOOLS/binaryen"
LIGHTHOUSE_VERSION=12.2.3
LIGHTHOUSE_DIR="$TOOLS/lighthouse"
export PATH="$HOME/.cargo/bin:$BINARYEN_DIR/node_modules/.bin:$PATH"

ok() { echo "ok $*"; }
installing() { echo "installing $*"; }
die() { echo "ensure-tools: $*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else die "need root (or sudo) to run: $*"; fi
}

need() { command -v "$1" >/dev/null 2>&1 || die "$1 is not installed: $2"; }

# The wasm-bindgen version Cargo.lock pins; the CLI must match it exactly.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/,""); print; exit}' Cargo.lock
}

ensure_rust() {
  need rustup "install Rust with rustup first"
  need cargo "install Rust with rustup first"

  if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    ok "rust target wasm32-unknown-unknown"
  else
    installing "rust target wasm32-unknown-unknown"
    rustup target add wasm32-unknown-unknown
  fi

  if trunk --version 2>/dev/null | grep -qx "trunk $TRUNK_VERSION"; then
    ok "trunk $TRUNK_VERSION"
  else
    installing "trunk $TRUNK_VERSION (cargo install, about 6 minutes on 2 cores)"
    cargo install trunk --version "$TRUNK_VERSION" --locked
  fi

  local wbg
  wbg="$(wasm_bindgen_version)"
  [ -n "$wbg" ] || die "no wasm-bindgen in Cargo.lock"
  if wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $wbg"; then
    ok "wasm-bindgen-cli $wbg"
  else
    installing "wasm-bindgen-cli $wbg (cargo install, about 2 minutes)"
    # With --locked it fails on this registry (its lockfile wants a webpki-roots
    # release the registry does not serve): fall back to a fresh resolution.
    cargo install wasm-bindgen-cli --version "$wbg" --locked --force ||
      cargo install wasm-bindgen-cli --version "$wbg" --force
  fi

  # wasm-split-cli has no --version: cargo's own record of what it installed.
  if command -v wasm-split-cli >/dev/null 2>&1 &&
     cargo install --list | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
    ok "wasm-split-cli (wasm_split_cli_support $WASM_SPLIT_VERSION)"
  else
    installing "wasm-split-cli (wasm_split_cli_support $WASM_SPLIT_VERSION, cargo install, about 2 minutes)"
    cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary --locked --force ||
      cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary --force
  fi
}

# An npm package at an exact version under DIR, by the binary it installs:
# npm_tool NAME VERSION DIR BIN. Reads the installed package.json (running a
# Node program to ask its version costs 0.4 s).
npm_tool() {
  local name=$1 version=$2 dir=$3 bin=$4
  if [ -x "$dir/node_modules/.bin/$bin" ] &&
     grep -q "\"version\": \"$version\"" "$dir/node_modules/$name/package.json" 2>/dev/null; then
    ok "$bin $name@$version ($dir/node_modules/.bin/$bin)"
  else
    need npm "install Node.js 20 and npm"
    installing "$bin from npm $name@$version into $dir"
    mkdir -p "$dir"
    npm install --no-audit --no-fund --loglevel=error --prefix "$dir" "$name@$version"
  fi
}

ensure_wasm() {
  npm_tool binaryen "$BINARYEN_VERSION" "$BINARYEN_DIR" wasm-opt
}

ensure_bench() {
  npm_tool lighthouse "$LIGHTHOUSE_VERSION" "$LIGHTHOUSE_DIR" lighthouse
}

ensure_fuzz() {
  need rustup "install Rust with rustup first"
  if rustup run nightly rustc --version >/dev/null 2>&1; then
    ok "rust nightly ($(rustup run nightly rustc --version))"
  else
    installing "rust nightly (minimal profile)"
    rustup toolchain install nightly --profile minimal
  fi
  if cargo fuzz --version >/dev/null 2>&1; then
    ok "$(cargo fuzz --version)"
  else
    installing "cargo-fuzz (cargo install, about 2 minutes)"
    cargo install cargo-fuzz --locked || cargo install cargo-fuzz
  fi
}

ensure_browser() {
  local missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  [ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
  if [ ${#missing[@]} -eq 0 ]; then
    ok "chromium $(dpkg-query -W -f='${Version}' chromium 2>/dev/null || echo '(not from apt)')"
    ok "chromedriver $(dpkg-query -W -f='${Version}' chromium-driver 2>/dev/null || echo '(not from apt)')"
  else
    installing "${missing[*]} (apt)"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi

  # node_modules is current when it was installed from this very package.json + lock.
  need npm "install Node.js 20 and npm"
  local dir=tests/e2e stamp=tests/e2e/node_modules/.ilo-installed-from want
  want="$(cat "$dir/package.json" "$dir/package-lock.json" | sha256sum | cut -d' ' -f1)"
  if [ -d "$dir/node_modules/playwright-core" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$want" ]; then
    ok "e2e node modules (playwright-core $(sed -n 's/^  "version": "\(.*\)",$/\1/p' "$dir/node_modules/playwright-core/package.json"))"
  else
    installing "e2e node modules (npm ci in $dir)"
    (cd "$dir" && { npm ci --no-audit --no-fund --loglevel=error || npm install --no-audit --no-fund --loglevel=error; })
    echo "$want" >"$stamp"
  fi
}

[ $# -gt 0 ] || set -- all
for what in "$@"; do
  case "$what" in
    rust | wasm | browser | fuzz | bench | all) ;;
    *) echo "usage: $0 [rust|wasm|browser|fuzz|bench|all]..." >&2; exit 2 ;;
  esac
done

# Serialise concurrent runs (e.g. make -j): two cargo installs of one tool would clash.
mkdir -p "$TOOLS"
if command -v flock >/dev/null 2>&1; then
  exec 9>"$TOOLS/.ensure-tools.lock"
  flock 9
fi

for what in "$@"; do
  case "$what" in
    rust) ensure_rust ;;
    wasm) ensure_wasm ;;
    browser) ensure_browser ;;
    fuzz) ensure_fuzz ;;
    bench) ensure_bench ;;
    all) ensure_rust; ensure_wasm; ensure_browser ;;
  esac
done
