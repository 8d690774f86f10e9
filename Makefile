# The two commands of the README: `make demo` and `make test`. Everything else is a helper.
PRESET ?= release
JOBS ?= $(shell nproc)
# Warnings are errors on the toolchain we ship for (Debian 12); WERROR=OFF for other compilers.
WERROR ?= ON
BUILD := build/$(PRESET)
LIANGZHU := $(BUILD)/liangzhu
DEMO_OUT ?= out
# The front end (web/): npm packages installed from the lock file, the report's and the
# dashboard's bundles built by vite.
WEB_INSTALLED := web/node_modules/.liangzhu-installed
WEB_BUNDLES := web/dist/report.js web/dist/dashboard.js
WEB_SOURCES := $(shell find web/src -type f) web/package.json web/vite.config.ts web/tsconfig.json

FUZZ_SECONDS ?= 60

# ccache keys on paths relative to the checkout, so a fresh clone elsewhere (CI's) reuses what
# any other checkout on the machine compiled; without these it missed on every absolute path.
export CCACHE_BASEDIR := $(CURDIR)
export CCACHE_NOHASHDIR := true

.PHONY: demo test deps web configure build test-asan test-tsan fuzz bench abm-bench model-bench docs screenshot clean format format-check tidy

deps:
	@bash scripts/install-deps.sh

# `npm ci` only when node_modules is missing or older than the lock file.
$(WEB_INSTALLED): web/package-lock.json
	cd web && npm ci --no-audit --no-fund
	@touch $@

$(WEB_BUNDLES) &: $(WEB_INSTALLED) $(WEB_SOURCES)
	cd web && npm run build

web: deps
	@$(MAKE) --no-print-directory $(WEB_BUNDLES)

configure: deps web
	@cmake --preset $(PRESET) -DLIANGZHU_WERROR=$(WERROR) > /dev/null

build: configure
	@cmake --build --preset $(PRESET) -j $(JOBS)

demo:
	@$(MAKE) --no-print-directory build PRESET=release
	@rm -f $(DEMO_OUT)/demo.db $(DEMO_OUT)/demo.db-wal $(DEMO_OUT)/demo.db-shm  # one run: the demo's
	$(BUILD)/liangzhu run scenarios/baseline.toml --out $(DEMO_OUT)/demo.db
	$(BUILD)/liangzhu export $(DEMO_OUT)/demo.db --format csv --dir $(DEMO_OUT)/csv
	$(BUILD)/liangzhu report $(DEMO_OUT)/demo.db -o $(DEMO_OUT)/report.html
	@echo "demo: results in $(DEMO_OUT)/demo.db and $(DEMO_OUT)/csv/"
	@echo "demo: report in $(abspath $(DEMO_OUT)/report.html) (open it in a browser)"

test:
	@$(MAKE) --no-print-directory build PRESET=release
	ctest --preset release

# The formatting gate (.clang-format) over every tracked C++ file, and the fix.
format-check: deps
	@bash scripts/check-format.sh

format: deps
	@bash scripts/check-format.sh fix

# clang-tidy with .clang-tidy's checks over every source of src/ (about 10 s a file on 2 cores:
# a developer's command, not part of CI's time budget).
tidy: configure
	run-clang-tidy -quiet -p $(BUILD) -j $(JOBS) '$(CURDIR)/src/.*\.cpp$$'

test-asan:
	@$(MAKE) --no-print-directory build PRESET=asan
	ctest --preset asan

test-tsan:
	@$(MAKE) --no-print-directory build PRESET=tsan
	ctest --preset tsan

# The libFuzzer targets (fuzz/, clang): each runs FUZZ_SECONDS from its seed corpus; any finding
# fails (docs/reliability.md).
fuzz: web
	bash fuzz/run.sh $(FUZZ_SECONDS)

bench:
	@$(MAKE) --no-print-directory build PRESET=release
	$(BUILD)/bench/micro/liangzhu_micro_bench

abm-bench:
	@$(MAKE) --no-print-directory build PRESET=release
	$(BUILD)/bench/models/liangzhu_abm_bench

# The README's picture of the report: the baseline's report drawn by headless Chromium.
screenshot: demo
	node web/scripts/screenshot.mjs $(DEMO_OUT)/report.html docs/img/report.png

# The Liangzhu model at small, city and national scale on 1 and 2 threads, and the memory
# bandwidth; national runs are long (MODEL_BENCH_ARGS="--national-ticks 52" shortens them).
model-bench:
	@$(MAKE) --no-print-directory build PRESET=release
	$(BUILD)/bench/models/liangzhu_model_bench $(MODEL_BENCH_ARGS)

docs: build
	$(LIANGZHU) docs --dir docs

clean:
	rm -rf build
