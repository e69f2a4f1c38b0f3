#!/usr/bin/env bash
# Fuzzes the disk stream decoders for N seconds (default 60): configures a separate clang build with
# libFuzzer + ASan + UBSan, builds fuzz_vmdk, generates the seed corpus and runs. Exit status 1 and a
# crash file under $build/fuzz-artifacts/ when the fuzzer finds a bug.
#   tests/fuzz/run-fuzz.sh [seconds]      env: XMS_FUZZ_BUILD (build dir), XMS_FUZZ_CXX, XMS_FUZZ_CC
set -euo pipefail
seconds=${1:-60}
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${XMS_FUZZ_BUILD:-$root/build-fuzz}
# clang 19: clang 14 cannot compile libstdc++ 12's std::expected, which the decoders return.
cxx=${XMS_FUZZ_CXX:-clang++-19}
cc=${XMS_FUZZ_CC:-clang-19}
command -v "$cxx" >/dev/null || {
  echo "run-fuzz: $cxx not found; run packaging/install-deps.sh (clang-19 libclang-rt-19-dev)" >&2; exit 1; }

mkdir -p "$build"
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DXMS_FUZZ=ON -DXMS_WERROR=OFF \
  -DCMAKE_C_COMPILER="$cc" -DCMAKE_CXX_COMPILER="$cxx" >"$build/configure.log" 2>&1 || {
  echo "run-fuzz: configure failed, see $build/configure.log" >&2; exit 1; }
cmake --build "$build" --target fuzz_vmdk

# Seeds are regenerated each run; work/ keeps what the fuzzer discovered across runs.
corpus=$build/fuzz-corpus
rm -rf "$corpus/seeds"
"$root/tests/fuzz/make-corpus.sh" "$corpus/seeds"
mkdir -p "$corpus/work" "$build/fuzz-artifacts"
echo "run-fuzz: fuzzing for ${seconds}s"
"$build/tests/fuzz/fuzz_vmdk" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=262144 \
  -print_final_stats=1 -artifact_prefix="$build/fuzz-artifacts/" "$corpus/work" "$corpus/seeds"
echo "run-fuzz: no findings in ${seconds}s (corpus: $(ls "$corpus/work" | wc -l) inputs in $corpus/work)"
