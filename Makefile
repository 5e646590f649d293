# Cinedex: `make run` to open the app, `make test` to run every test. Each target installs what it
# needs first, so both work on a fresh Debian/Ubuntu machine; installs are skipped when present.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := run

CARGO_BIN := $(HOME)/.cargo/bin
export PATH := $(CARGO_BIN):$(PATH)

APT_PACKAGES := libwebkit2gtk-4.1-dev build-essential pkg-config libssl-dev libxdo-dev \
	libayatana-appindicator3-dev librsvg2-dev file xvfb xauth webkit2gtk-driver xdotool \
	imagemagick desktop-file-utils fonts-wqy-microhei
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
UI_STAMP := ui/node_modules/.installed
RELEASE_BIN := target/release/cinedex
DB ?=

.PHONY: run deps apt-deps tauri-driver ui-deps ui build test lint fmt check-ui test-ui test-rust e2e crash test-crash test-safety-long fuzz bench bench-search bench-startup bindings package test-package clean

## run: install what is missing, build, and open Cinedex on your catalog (DB=path for another file)
run: deps build
	$(RELEASE_BIN) $(if $(DB),--db "$(DB)",)

deps: apt-deps tauri-driver ui-deps

apt-deps:
	@missing=$$(for p in $(APT_PACKAGES); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "== installing system packages:" $$missing; \
		$(SUDO) apt-get update -qq; \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi

tauri-driver:
	@command -v tauri-driver >/dev/null || { echo "== installing tauri-driver"; cargo install tauri-driver --locked; }

ui-deps: $(UI_STAMP)
$(UI_STAMP): ui/package.json ui/package-lock.json
	@echo "== installing UI packages (npm ci)"
	cd ui && npm ci --no-audit --no-fund
	touch $@

## ui: build the front end into ui/dist (embedded into the binary)
ui: ui-deps
	cd ui && npm run build

## build: the release binary, serving the embedded front end
build: ui
	cargo build --release --features custom-protocol

## test: every test, the real-window ones included
test: deps lint test-ui test-rust build e2e crash test-package
	@echo "== all tests passed"

lint:
	@echo "== cargo fmt --check"
	cargo fmt --all -- --check
	@echo "== cargo clippy"
	cargo clippy --workspace --all-targets -- -D warnings

check-ui: ui-deps
	@echo "== svelte-check"
	cd ui && npm run check

test-ui: check-ui
	@echo "== vitest"
	cd ui && npm test

# Unit, command-line and mock-runtime command tests; also fails when ui/src/lib/bindings is stale.
test-rust: ui
	@echo "== cargo test"
	cargo test --workspace

## e2e: the real-window tests (release binary under Xvfb, via tauri-driver + WebKitWebDriver)
e2e:
	@echo "== real-window tests (screenshots in target/screenshots/)"
	cargo test --test app e2e_ -- --ignored --test-threads=1

## crash: SIGKILL the command line at 20 random moments of edits and of an import; check every kill
crash:
	@echo "== crash tests ($${CINEDEX_CRASH_RUNS:-20} kills of each kind)"
	cargo test --test app crash:: -- --ignored --test-threads=1 --nocapture

## test-crash: the same with 100 kills of each kind
test-crash:
	CINEDEX_CRASH_RUNS=100 $(MAKE) crash

## test-safety-long: the model-based backup test with many more random sequences (make test runs 40)
test-safety-long:
	CINEDEX_SAFETY_CASES=$${CINEDEX_SAFETY_CASES:-2000} cargo test --release -p cinedex-catalog --test catalog backup_model:: -- --nocapture

FUZZ_SECONDS ?= 60
FUZZ_TARGETS = $(shell sed -n 's/^name = "\(.*\)"/\1/p' src-tauri/catalog/fuzz/Cargo.toml | grep -v cinedex)

## fuzz: every cargo-fuzz target for FUZZ_SECONDS each (nightly); findings land in fuzz/artifacts
fuzz:
	@command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
	@mkdir -p target/fuzz-logs
	@for target in $(FUZZ_TARGETS); do \
		echo "== fuzz $$target ($(FUZZ_SECONDS) s)"; \
		log=$(CURDIR)/target/fuzz-logs/$$target.log; \
		if (cd src-tauri/catalog/fuzz && cargo +nightly fuzz run $$target -- -max_total_time=$(FUZZ_SECONDS) >$$log 2>&1); then \
			grep -E "^Done" $$log; \
		else \
			grep -E "panicked|survived|Test unit written" -A1 $$log; exit 1; \
		fi; \
	done

## bench: every benchmark (search: CINEDEX_BENCH_SIZES=10k,100k,1m; catalogs cached in target/bench-data/)
bench: bench-startup
	cargo bench -p cinedex-catalog

## bench-startup: start-up time and peak memory at 10k and 100k films beside a bare window; .deb size
bench-startup: build
	# The same features as `make build`: cargo bench rebuilds target/release/cinedex with them.
	cargo bench --features custom-protocol --bench startup

## bench-search: only the search benchmark
bench-search:
	cargo bench -p cinedex-catalog --bench search

## bindings: regenerate the TypeScript types from the Rust types
bindings:
	CINEDEX_WRITE_BINDINGS=1 cargo test -p cinedex-catalog --test catalog bindings::

## package: a .deb through Tauri's bundler (target/release/bundle/deb/)
package: deps
	ui/node_modules/.bin/tauri build --bundles deb
	@ls -l target/release/bundle/deb/*.deb

## test-package: build the .deb, install it with apt, run cinedex from the PATH, validate the menu entry, remove it
test-package: package
	cargo test --test app package:: -- --ignored --nocapture

fmt:
	cargo fmt --all

clean:
	cargo clean
	rm -rf ui/dist ui/node_modules
