# ilo-factsheet: `make serve` and `make test` are the two commands.
# Each target installs what it needs (scripts/ensure-tools.sh) and skips what is there.

TOOLS ?= $(HOME)/.cache/ilo-factsheet
export PATH := $(HOME)/.cargo/bin:$(TOOLS)/binaryen/node_modules/.bin:$(PATH)
WEB_FEATURES := --no-default-features --features web --bin ilo-factsheet-web

.PHONY: serve test dist e2e unit check-wasm bench tools clean

## The report with the bundled China data at http://127.0.0.1:8080/
serve:
	@scripts/ensure-tools.sh wasm
	cargo fetch --quiet
	trunk serve

## Every test: native unit and integration tests, the release build, browser tests.
test: unit dist
	@scripts/ensure-tools.sh browser
	$(MAKE) --no-print-directory e2e

## Native tests of the pure core, the data and the checker.
unit:
	cargo test

## The deployable static site in dist/ (release build, wasm-opt -Oz).
dist:
	@scripts/ensure-tools.sh wasm
	cargo fetch --quiet
	trunk build --release
	@scripts/sizes.sh dist

## Browser tests against the existing dist/ (headless Chromium).
e2e:
	node tests/e2e/run.mjs

## Quick type check of the browser build.
check-wasm:
	@scripts/ensure-tools.sh wasm
	cargo check --target wasm32-unknown-unknown $(WEB_FEATURES)

## Sizes and load timings (not pass/fail).
bench: dist
	@scripts/ensure-tools.sh browser
	node tests/e2e/bench.mjs

tools:
	@scripts/ensure-tools.sh all

clean:
	rm -rf dist target
