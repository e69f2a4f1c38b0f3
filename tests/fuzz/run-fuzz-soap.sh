#!/usr/bin/env bash
# Fuzzes the vSphere SOAP response parser (fuzz_soap) for N seconds (default 60), like run-fuzz.sh does the
# disk decoders: a separate clang build with libFuzzer + ASan + UBSan. Seeds are the recorded and
# hand-written responses of the unit tests (tests/unit/vsphere/data). Exit status 1 and a crash file under
# $build/fuzz-artifacts/ when the fuzzer finds a bug.
#   tests/fuzz/run-fuzz-soap.sh [seconds]      env: XMS_FUZZ_BUILD (build dir), XMS_FUZZ_CXX, XMS_FUZZ_CC
set -euo pipefail
seconds=${1:-60}
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${XMS_FUZZ_BUILD:-$root/build-fuzz}
cxx=${XMS_FUZZ_CXX:-clang++-19} # clang 14 cannot compile libstdc++ 12's std::expected
cc=${XMS_FUZZ_CC:-clang-19}
command -v "$cxx" >/dev/null || {
  echo "run-fuzz-soap: $cxx not found; run packaging/install-deps.sh (clang-19 libclang-rt-19-dev)" >&2; exit 1; }

mkdir -p "$build"
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DXMS_FUZZ=ON -DXMS_WERROR=OFF \
  -DCMAKE_C_COMPILER="$cc" -DCMAKE_CXX_COMPILER="$cxx" >"$build/configure.log" 2>&1 || {
  echo "run-fuzz-soap: configure failed, see $build/configure.log" >&2; exit 1; }
cmake --build "$build" --target fuzz_soap

# work/ keeps what the fuzzer discovered across runs; the seeds are read in place.
corpus=$build/fuzz-corpus-soap
mkdir -p "$corpus/work" "$build/fuzz-artifacts"
echo "run-fuzz-soap: fuzzing for ${seconds}s"
"$build/tests/fuzz/fuzz_soap" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
  -dict="$root/tests/fuzz/soap.dict" -print_final_stats=1 -artifact_prefix="$build/fuzz-artifacts/soap-" \
  "$corpus/work" "$root/tests/unit/vsphere/data"
echo "run-fuzz-soap: no findings in ${seconds}s (corpus: $(ls "$corpus/work" | wc -l) inputs in $corpus/work)"
