# make          build build/rdslint
# make demo     install what is missing, build, lint testdata/demo/
# make test     install what is missing, build, run every test (CTest), then
#               again under ASan + UBSan (make test-sanitizers)
# make install  put rdslint on the PATH (PREFIX=/usr/local)
# make bench    build and run the benchmarks (figures, never a failure);
#               SCALE_MAX=100000 make bench for the 1,000 → 100,000-file run
# make docs     regenerate docs/rules/ from rules/*.yaml
# make fuzz     libFuzzer on every frontend for FUZZ_SECONDS each (default 60)
BUILD ?= build
ASAN_BUILD ?= build-asan
PREFIX ?= /usr/local
JOBS ?= $(shell nproc)
SCALE_MAX ?= 10000
# -g1 (line tables): backtraces keep file and line, and the build is about
# twice as fast as with full debug info (CI builds everything twice).
CMAKE_FLAGS ?= -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O2 -g1 -DNDEBUG"
# ccache hits across clones of the repository (CI builds in a fresh clone).
export CCACHE_BASEDIR := $(CURDIR)

.PHONY: all deps configure build demo test test-sanitizers install bench fuzz docs clean

all: deps build

deps:
	@scripts/install-deps.sh

$(BUILD)/build.ninja:
	cmake -S . -B $(BUILD) -G Ninja $(CMAKE_FLAGS)

configure: $(BUILD)/build.ninja

build: configure
	cmake --build $(BUILD) -j $(JOBS)

demo: deps build
	@echo "== build/rdslint testdata/demo (exit 1 means findings, as intended here)"
	@$(BUILD)/rdslint testdata/demo; status=$$?; \
	  if [ $$status -gt 1 ]; then exit $$status; fi

# Every test twice: in the normal build, then in a second build under
# AddressSanitizer and UndefinedBehaviorSanitizer.
test: deps build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS) --timeout 600
	$(MAKE) test-sanitizers

test-sanitizers: deps
	@[ -f $(ASAN_BUILD)/build.ninja ] || cmake -S . -B $(ASAN_BUILD) -G Ninja \
	  -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1 -DNDEBUG" \
	  -DRDSLINT_SANITIZE=ON
	cmake --build $(ASAN_BUILD) -j $(JOBS)
	# intercept_tls_get_addr=0: GCC 12's runtime can misread a dynamic TLS
	# block (libLLVM's, in the dlopen'ed clang module) as a pre-2.25 glibc
	# header, and LeakSanitizer's tracer then dies at exit ("Tracer caught
	# signal 11", about one run in a hundred that loads the module).
	cd $(ASAN_BUILD) && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:intercept_tls_get_addr=0 \
	  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  ctest --output-on-failure -j $(JOBS) --timeout 900

install: build
	cmake --install $(BUILD) --prefix $(PREFIX)

bench: build
	$(BUILD)/bench/env_throughput_bench
	$(BUILD)/bench/terraform_bench
	$(BUILD)/bench/script_prefilter_bench
	$(BUILD)/bench/cpp_vs_clang_tidy_bench
	$(BUILD)/bench/monorepo_bench --scale-max $(SCALE_MAX)

# docs/rules/<id>.md from rules/*.yaml (a test fails when they are stale)
docs: build
	$(BUILD)/tools/rule_docs docs/rules

# FUZZ_SECONDS=600 make fuzz
fuzz: deps
	scripts/fuzz.sh

clean:
	rm -rf $(BUILD) $(ASAN_BUILD)
