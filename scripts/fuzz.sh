#!/usr/bin/env bash
# make fuzz: builds every fuzz target with clang-14 and libFuzzer (ASan +
# UBSan) in build-fuzz/, then runs each for FUZZ_SECONDS (default 60), seeded
# from testdata/. New corpus entries go to build-fuzz/corpus/<name>/ (copy the
# small, interesting ones to testdata/fuzz/<name>/); a crash is written to
# testdata/crashes/<name>/, where `make test` re-runs it from then on.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${FUZZ_SECONDS:-60}
build=build-fuzz
if [ ! -f $build/build.ninja ]; then
  CC=clang-14 CXX=clang++-14 cmake -S . -B $build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DRDSLINT_FUZZ=ON
fi
cmake --build $build --target $(cut -f1 $build/fuzzers.txt | sed 's/$/_fuzzer/' | tr '\n' ' ')
status=0
while IFS=$'\t' read -r name seeds; do
  corpus=$build/corpus/$name
  crashes=testdata/crashes/$name
  mkdir -p "$corpus" "$crashes" "testdata/fuzz/$name"
  dirs=("$corpus" "testdata/fuzz/$name")
  IFS=';' read -ra seed_list <<< "$seeds"
  for s in "${seed_list[@]}"; do [ -n "$s" ] && dirs+=("$s"); done
  echo "== fuzz $name for ${seconds}s"
  if ! $build/tests/fuzz/${name}_fuzzer -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
       -artifact_prefix="$crashes/" -print_final_stats=1 "${dirs[@]}" 2>&1 | tail -n 25; then
    echo "== $name: crash written to $crashes/"
    status=1
  fi
done < $build/fuzzers.txt
exit $status
