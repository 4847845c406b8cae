#!/usr/bin/env bash
# Installs what the build and the tests need, skipping whatever is already there.
#
#   scripts/ensure-tools.sh [rust|wasm|browser|fuzz|bench|all]...  (default: all but fuzz and bench)
#
#   rust     rustup target wasm32-unknown-unknown and components clippy and
#            rustfmt (for `make check`); trunk 0.21.14,
#            wasm-bindgen-cli at the exact version Cargo.lock pins (built
#            from scripts/tools/wasm-bindgen-cli and its lockfile) and
#            wasm-split-cli (crates.io wasm_split_cli_support 0.2.4, feature
#            build-binary) (cargo install --locked)
#   wasm     wasm-opt from the npm package binaryen 132, `npm ci` from
#            scripts/tools/binaryen/package-lock.json under
#            ${ILO_TOOLS:-$HOME/.cache/ilo-factsheet}/binaryen (never Debian's
#            binaryen: its wasm-opt 108 silently breaks the module)
#   fuzz     the dated nightly of fuzz/rust-toolchain.toml (minimal profile) and
#            cargo-fuzz 0.13.2 (--locked), for `make fuzz` only
#   bench    Lighthouse 12.2.3 (13 needs a newer Node), `npm ci` from
#            scripts/tools/lighthouse/package-lock.json under
#            ${ILO_TOOLS}/lighthouse, for `make bench` only
#   browser  Debian's chromium + chromium-driver (apt, as root or with sudo) and
#            the e2e node modules (npm ci in tests/e2e when missing or when
#            package.json / package-lock.json changed)
#
# Supply chain: what writes the files users download (wasm-bindgen, the wasm
# splitter, wasm-opt) and the other tools install only at pinned versions
# from lockfiles; an install that cannot be locked fails, never falls back
# to a fresh resolution.
#
# One line per tool: "ok <tool> <version>" or "installing <tool> ...".
# Fast (well under 2 s) when everything is present: file and version checks only,
# no network. Safe to run concurrently (an flock serialises installs).
set -euo pipefail
cd "$(dirname "$0")/.."

TOOLS="${ILO_TOOLS:-$HOME/.cache/ilo-factsheet}"
TRUNK_VERSION=0.21.14
WASM_SPLIT_VERSION=0.2.4
# The versions of the npm tools are in scripts/tools/*/package-lock.json.
BINARYEN_MAJOR=132
BINARYEN_DIR="$TOOLS/binaryen"
LIGHTHOUSE_DIR="$TOOLS/lighthouse"
CARGO_FUZZ_VERSION=0.13.2
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

# The dated nightly `make fuzz` runs on (fuzz/rust-toolchain.toml's channel).
fuzz_nightly() {
  sed -n 's/^channel = "\(.*\)"$/\1/p' fuzz/rust-toolchain.toml
}

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

  # `make check`'s linters; rustup's minimal profile leaves them out.
  local component
  for component in clippy rustfmt; do
    if rustup component list --installed | grep -q "^$component-"; then
      ok "rust component $component"
    else
      installing "rust component $component"
      rustup component add "$component"
    fi
  done

  if trunk --version 2>/dev/null | grep -qx "trunk $TRUNK_VERSION"; then
    ok "trunk $TRUNK_VERSION"
  else
    installing "trunk $TRUNK_VERSION (cargo install, about 6 minutes on 2 cores)"
    cargo install trunk --version "$TRUNK_VERSION" --locked
  fi

  # wasm-bindgen-cli from our own lockfile (scripts/tools/wasm-bindgen-cli:
  # the crate's packaged one cannot resolve here), at the version Cargo.lock pins.
  local wbg pinned
  wbg="$(wasm_bindgen_version)"
  [ -n "$wbg" ] || die "no wasm-bindgen in Cargo.lock"
  pinned="$(sed -n 's/^version = "\(.*\)"$/\1/p' scripts/tools/wasm-bindgen-cli/Cargo.toml | head -n 1)"
  [ "$pinned" = "$wbg" ] ||
    die "scripts/tools/wasm-bindgen-cli pins wasm-bindgen-cli $pinned but Cargo.lock has wasm-bindgen $wbg: change its versions and run cargo update there"
  if wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $wbg" &&
     cargo install --list | grep -q "^ilo-factsheet-wasm-bindgen v$wbg "; then
    ok "wasm-bindgen-cli $wbg (locked)"
  else
    installing "wasm-bindgen-cli $wbg (cargo install --locked from scripts/tools/wasm-bindgen-cli, about 3 minutes)"
    # Built outside the source tree (cargo would build a --path install in its own target/).
    cargo install --path scripts/tools/wasm-bindgen-cli --locked --force --target-dir "$TOOLS/build/wasm-bindgen-cli"
  fi

  # wasm-split-cli has no --version: cargo's own record of what it installed.
  if command -v wasm-split-cli >/dev/null 2>&1 &&
     cargo install --list | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
    ok "wasm-split-cli (wasm_split_cli_support $WASM_SPLIT_VERSION)"
  else
    installing "wasm-split-cli (wasm_split_cli_support $WASM_SPLIT_VERSION, cargo install, about 2 minutes)"
    cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary --locked --force
  fi
}

# npm packages installed from a committed lockfile, scripts/tools/NAME/, into
# DIR with `npm ci` (exact versions and integrity hashes, never a fresh
# resolution): npm_locked NAME DIR BIN. Current when DIR was installed from
# this very package.json + lockfile (a stamp), so the check runs no Node.
npm_locked() {
  local name=$1 dir=$2 bin=$3 from="scripts/tools/$1" want
  want="$(cat "$from/package.json" "$from/package-lock.json" | sha256sum | cut -d' ' -f1)"
  if [ -x "$dir/node_modules/.bin/$bin" ] && [ "$(cat "$dir/.ilo-installed-from" 2>/dev/null)" = "$want" ]; then
    ok "$bin (npm ci from $from/package-lock.json, $dir/node_modules/.bin/$bin)"
  else
    need npm "install Node.js 20 and npm"
    installing "$bin (npm ci from $from/package-lock.json) into $dir"
    rm -rf "$dir"
    mkdir -p "$dir"
    cp "$from/package.json" "$from/package-lock.json" "$dir/"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
    echo "$want" >"$dir/.ilo-installed-from"
  fi
}

ensure_wasm() {
  npm_locked binaryen "$BINARYEN_DIR" wasm-opt
  grep -q "\"version\": \"$BINARYEN_MAJOR\." "$BINARYEN_DIR/node_modules/binaryen/package.json" ||
    die "the lockfile's binaryen is not $BINARYEN_MAJOR (Trunk.toml pins wasm_opt = \"version_$BINARYEN_MAJOR\")"
}

ensure_bench() {
  npm_locked lighthouse "$LIGHTHOUSE_DIR" lighthouse
}

ensure_fuzz() {
  need rustup "install Rust with rustup first"
  local nightly
  nightly="$(fuzz_nightly)"
  [ -n "$nightly" ] || die "no channel in fuzz/rust-toolchain.toml"
  if rustup run "$nightly" rustc --version >/dev/null 2>&1; then
    ok "rust $nightly ($(rustup run "$nightly" rustc --version))"
  else
    installing "rust $nightly (minimal profile)"
    rustup toolchain install "$nightly" --profile minimal
  fi
  if cargo fuzz --version 2>/dev/null | grep -qx "cargo-fuzz $CARGO_FUZZ_VERSION"; then
    ok "cargo-fuzz $CARGO_FUZZ_VERSION"
  else
    installing "cargo-fuzz $CARGO_FUZZ_VERSION (cargo install --locked, about 2 minutes)"
    cargo install cargo-fuzz --version "$CARGO_FUZZ_VERSION" --locked --force
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
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
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
