#!/usr/bin/env bash
# make fuzz: builds every fuzz target with clang-14 and libFuzzer (ASan +
# UBSan) in build-fuzz/, then runs each for FUZZ_SECONDS (default 60), seeded
# from testdata/ (each run's whole log: build-fuzz/<name>.log). New corpus
# entries go to build-fuzz/corpus/<name>/ (merge the small, interesting ones
# into testdata/fuzz/<name>/ with -merge=1); a crash is written to
# testdata/crashes/<name>/, where `make test` re-runs it from then on.
# Undefined behaviour stops the run like a crash (halt_on_error).
# FUZZ_TARGETS="yaml nolint" runs only those targets; FUZZ_JOBS (default 2)
# bounds the build.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${FUZZ_SECONDS:-60}
targets=${FUZZ_TARGETS:-}
build=build-fuzz
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
if [ ! -f $build/build.ninja ]; then
  CC=clang-14 CXX=clang++-14 cmake -S . -B $build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DRDSLINT_FUZZ=ON
fi
if [ -z "$targets" ]; then targets=$(cut -f1 $build/fuzzers.txt | tr '\n' ' '); fi
cmake --build $build -j "${FUZZ_JOBS:-2}" --target $(printf '%s_fuzzer ' $targets)
status=0
while IFS=$'\t' read -r name seeds; do
  case " $targets " in *" $name "*) ;; *) continue ;; esac
  corpus=$build/corpus/$name
  crashes=testdata/crashes/$name
  mkdir -p "$corpus" "$crashes" "testdata/fuzz/$name"
  dirs=("$corpus" "testdata/fuzz/$name")
  IFS=';' read -ra seed_list <<< "$seeds"
  # libFuzzer reads folders only: seed files are copied into one.
  seed_files=$build/seeds/$name
  rm -rf "$seed_files" && mkdir -p "$seed_files"
  for s in "${seed_list[@]}"; do
    if [ -d "$s" ]; then dirs+=("$s"); elif [ -f "$s" ]; then cp "$s" "$seed_files/"; fi
  done
  dirs+=("$seed_files")
  echo "== fuzz $name for ${seconds}s"
  if ! $build/tests/fuzz/${name}_fuzzer -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
       -artifact_prefix="$crashes/" -print_final_stats=1 "${dirs[@]}" 2>&1 | tee "$build/$name.log" | tail -n 25; then
    echo "== $name: crash written to $crashes/"
    status=1
  fi
done < $build/fuzzers.txt
exit $status
