# ilo-factsheet: `make serve` and `make test` are the two commands; `make check`
# is the quick gate before them.
# Each target installs what it needs (scripts/ensure-tools.sh) and skips what is there.

# Where wasm-opt (npm binaryen@132) lives; scripts/ensure-tools.sh reads the same variable.
ILO_TOOLS ?= $(HOME)/.cache/ilo-factsheet
export ILO_TOOLS
export PATH := $(HOME)/.cargo/bin:$(ILO_TOOLS)/binaryen/node_modules/.bin:$(PATH)
# Headless Chromium for the browser tests (Debian's package).
export CHROMIUM ?= /usr/bin/chromium

PORT ?= 8080
ENSURE := scripts/ensure-tools.sh
WEB := --no-default-features --features web --bin ilo-factsheet-web
# The native build with every feature that may be on together (never `web`
# with `ssr`): the views rendered natively, the map generator.
NATIVE := --features ssr,ilo-factsheet-tools/gen-map
E2E_TESTS := $(sort $(wildcard tests/e2e/*.test.mjs))

.PHONY: all serve dist panic-dist test unit check e2e check-wasm bench print tools clean fuzz

all: dist

## The report with the bundled China data at http://127.0.0.1:8080/ (debug build,
## rebuilt on change). Built into target/trunk-serve so dist/ stays the release build.
serve:
	@$(ENSURE) rust wasm
	cargo fetch --quiet
	trunk serve --dist target/trunk-serve --address 127.0.0.1 --port $(PORT)

## The deployable static site in dist/ (release build, wasm-opt -Oz from binaryen 132).
dist:
	@$(ENSURE) rust wasm
	cargo fetch --quiet
	trunk build --release
	@scripts/sizes.sh dist

## Every test: native tests (every crate), the views rendered to HTML natively
## (feature ssr: rendering makes no browser call), the release build, the
## panic-test build, browser tests.
test:
	@$(ENSURE) all
	$(MAKE) --no-print-directory unit
	$(MAKE) --no-print-directory dist
	$(MAKE) --no-print-directory panic-dist
	$(MAKE) --no-print-directory e2e

## Native tests of every crate of the workspace (core, tools, shell), the
## shell's own tests and the views rendered natively (ssr: the funding view
## model, tests/render.rs), and the layer check (no web crate in the
## core's or the tools' dependency tree).
unit:
	cargo test --workspace
	cargo check -q -p ilo-factsheet-tools --features gen-map --bins
	cargo test -p ilo-factsheet-shell --features ssr --lib
	cargo test -p ilo-factsheet-funding --features ssr --lib
	cargo test -p ilo-factsheet --features ssr --test render
	scripts/check-layers.sh

## The gate, in seconds when warm (CI runs it before `make test`): formatting,
## clippy on the native build (every crate, tests included) and on the wasm
## build with warnings as errors, rustdoc with any warning (a broken or private
## link) as an error, and the layer check. Lints live in Cargo.toml's
## [workspace.lints].
check:
	@$(ENSURE) rust
	cargo fmt --all --check
	cargo clippy --workspace --all-targets $(NATIVE) -- -D warnings
	cargo clippy --target wasm32-unknown-unknown $(WEB) -- -D warnings
	RUSTDOCFLAGS="-D warnings" cargo doc --workspace --no-deps $(NATIVE)
	scripts/check-layers.sh

## A release build with the test-only feature `panic-test` (a way to panic on
## purpose, for tests/e2e/panic.test.mjs), outside dist/: never deployed. It
## shares every dependency's build with dist/ and skips wasm-opt and the
## precompressed copies (ILO_TEST_BUILD): only the widget's crate is compiled again.
PANIC_DIST := target/dist-panic-test
panic-dist:
	@$(ENSURE) rust wasm
	cargo fetch --quiet
	ILO_FEATURES=web,panic-test ILO_TEST_BUILD=1 trunk build --release --dist $(PANIC_DIST)

## Browser tests (node --test, headless Chromium) against the existing dist/
## (and target/dist-panic-test for the panic hook).
e2e:
	@test -f dist/index.html || { echo "dist/ is missing: run 'make dist' first" >&2; exit 1; }
	@test -f $(PANIC_DIST)/index.html || { echo "$(PANIC_DIST) is missing: run 'make panic-dist' first" >&2; exit 1; }
	@$(ENSURE) browser
	node --test --test-concurrency=1 --test-timeout=180000 --test-reporter=tap $(E2E_TESTS)

## Quick type check of the browser build.
check-wasm:
	@$(ENSURE) rust
	cargo check --target wasm32-unknown-unknown $(WEB)

## The report printed to A4 PDF files in target/print/ (headless Chromium, print
## media): the bundled sheet, filtered, and another sheet's views. Look at them.
print: dist
	@$(ENSURE) browser
	node tests/e2e/print.mjs target/print

## Sizes and load timings of a fresh release build (numbers to read, not pass/fail).
bench: dist
	@$(ENSURE) browser bench
	scripts/bench.sh dist

tools:
	@$(ENSURE) all

clean:
	rm -rf dist target

## Fuzzing (cargo-fuzz on nightly; installed on first use): parse + validate +
## select + every pure derivation, for FUZZ_SECONDS (default 10 minutes). Not part of `make test`.
FUZZ_SECONDS ?= 600
fuzz:
	@$(ENSURE) fuzz
	scripts/fuzz.sh $(FUZZ_SECONDS)
