# The two commands of the README: `make demo` and `make test`. Everything else is a helper.
PRESET ?= release
JOBS ?= $(shell nproc)
# Warnings are errors on the toolchain we ship for (Debian 12); WERROR=OFF for other compilers.
WERROR ?= ON
BUILD := build/$(PRESET)
LIANGZHU := $(BUILD)/liangzhu
DEMO_OUT ?= out

.PHONY: demo test deps configure build test-asan test-tsan bench abm-bench model-bench docs clean

deps:
	@bash scripts/install-deps.sh

configure: deps
	@cmake --preset $(PRESET) -DLIANGZHU_WERROR=$(WERROR) > /dev/null

build: configure
	@cmake --build --preset $(PRESET) -j $(JOBS)

demo:
	@$(MAKE) --no-print-directory build PRESET=release
	$(BUILD)/liangzhu run scenarios/baseline.toml --out $(DEMO_OUT)/demo.db
	$(BUILD)/liangzhu export $(DEMO_OUT)/demo.db --format csv --dir $(DEMO_OUT)/csv
	@echo "demo: results in $(DEMO_OUT)/demo.db and $(DEMO_OUT)/csv/"

test:
	@$(MAKE) --no-print-directory build PRESET=release
	ctest --preset release

test-asan:
	@$(MAKE) --no-print-directory build PRESET=asan
	ctest --preset asan

test-tsan:
	@$(MAKE) --no-print-directory build PRESET=tsan
	ctest --preset tsan

bench:
	@$(MAKE) --no-print-directory build PRESET=release
	$(BUILD)/bench/liangzhu_micro_bench

abm-bench:
	@$(MAKE) --no-print-directory build PRESET=release
	$(BUILD)/benchmarks/liangzhu_abm_bench

# The Liangzhu model at small, city and national scale on 1 and 2 threads, and the memory
# bandwidth; national runs are long (MODEL_BENCH_ARGS="--national-ticks 52" shortens them).
model-bench:
	@$(MAKE) --no-print-directory build PRESET=release
	$(BUILD)/benchmarks/liangzhu_model_bench $(MODEL_BENCH_ARGS)

docs: build
	$(LIANGZHU) docs --dir docs

clean:
	rm -rf build
