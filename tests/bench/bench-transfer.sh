#!/usr/bin/env bash
# Prints throughput figures for the bulk data paths (warm page cache, loopback, this machine):
#   1. decoding a streamOptimized VMDK into a sparse staging image: xms vs "qemu-img convert -O raw"
#   2. a pinned HTTPS download over loopback: CurlTransfer vs curl, and download+decode
# usage: tests/bench/bench-transfer.sh [BUILD_DIR]   env: XMS_BENCH_MIB (disk size, 1536), XMS_BENCH_DATA (% used, 50)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$root/build}
tool=$build/tests/bench/xms-transfer-bench
[ -x "$tool" ] || { echo "bench: $tool missing; build it: cmake --build $build --target xms-transfer-bench" >&2; exit 1; }
for t in qemu-img curl openssl /usr/bin/python3; do
  command -v "$t" >/dev/null || { echo "bench: $t missing; run packaging/install-deps.sh" >&2; exit 1; }
done
size_mib=${XMS_BENCH_MIB:-1536}
percent=${XMS_BENCH_DATA:-50}

# On disk (not tmpfs), so that sparse writes and fsync cost what they cost in real use.
work=$(mktemp -d /var/tmp/xms-bench.XXXXXX)
server_pid=
cleanup() {
  if [ -n "$server_pid" ]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

seconds() { local s=$EPOCHREALTIME; "$@" >/dev/null; awk -v a="$s" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.2f", b - a }'; }
rate() { awk -v n="$1" -v t="$2" 'BEGIN { printf "%.0f", n / 1048576 / t }'; }

echo "bench: making a ${size_mib} MiB disk, ${percent}% used, and its streamOptimized VMDK"
/usr/bin/python3 "$root/tests/bench/make_bench_disk.py" "$work/disk.raw" "$size_mib" "$percent"
t=$(seconds qemu-img convert -O vmdk -o subformat=streamOptimized "$work/disk.raw" "$work/disk.vmdk")
stream=$(stat -c %s "$work/disk.vmdk"); disk=$((size_mib << 20))
echo "  stream $((stream >> 20)) MiB for a $size_mib MiB disk (qemu-img made it in ${t}s)"

echo "== decode (MiB/s of disk capacity; of the stream in brackets)"
# Each run starts with no dirty pages of the previous one, and both are timed to durable data.
sync
t=$(seconds qemu-img convert -O raw "$work/disk.vmdk" "$work/ref.raw")
ts=$(seconds sync)
echo "  qemu-img convert -O raw : ${t}s  $(rate $disk $t) MiB/s  [$(rate $stream $t)]"
tt=$(awk -v a="$t" -v b="$ts" 'BEGIN { printf "%.2f", a + b }')
echo "  qemu-img + sync         : ${tt}s  $(rate $disk $tt) MiB/s  [$(rate $stream $tt)]"
t=$(seconds "$tool" decode "$work/disk.vmdk" "$work/xms.img" 2>/dev/null)
echo "  xms decoder (fsyncs)    : ${t}s  $(rate $disk $t) MiB/s  [$(rate $stream $t)]"
decode_ratio=$(awk -v q="$tt" -v x="$t" 'BEGIN { printf "%.2f", q / x }') # > 1: xms is faster
cmp "$work/ref.raw" "$work/xms.img" || { echo "bench: xms output differs from qemu-img's" >&2; exit 1; }
echo "  identical to qemu-img's output; allocated: xms $(($(stat -c %b "$work/xms.img") / 2048)) MiB," \
  "qemu-img $(($(stat -c %b "$work/ref.raw") / 2048)) MiB"
rm -f "$work/ref.raw" "$work/xms.img"
sync

echo "== loopback HTTPS download of the stream (pinned certificate)"
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 1 -subj /CN=127.0.0.1 \
  -addext subjectAltName=IP:127.0.0.1 -keyout "$work/key.pem" -out "$work/cert.pem" 2>/dev/null
pin=$(openssl x509 -in "$work/cert.pem" -noout -fingerprint -sha256 | cut -d= -f2)
/usr/bin/python3 "$root/tests/unit/transfer/https_server.py" --cert "$work/cert.pem" --key "$work/key.pem" \
  --dir "$work" > "$work/port" &
server_pid=$!
for _ in $(seq 50); do grep -q PORT "$work/port" 2>/dev/null && break; sleep 0.1; done
url="https://127.0.0.1:$(cut -d' ' -f2 "$work/port")/files/disk.vmdk"
t=$(seconds curl -sS --fail -k -o /dev/null "$url")
echo "  curl -o /dev/null       : ${t}s  $(rate $stream $t) MiB/s"
tc=$t
t=$(seconds "$tool" download "$url" "$pin" 2>/dev/null)
echo "  CurlTransfer (discard)  : ${t}s  $(rate $stream $t) MiB/s"
download_ratio=$(awk -v c="$tc" -v x="$t" 'BEGIN { printf "%.2f", c / x }') # > 1: xms is faster
t=$(seconds "$tool" download "$url" "$pin" "$work/dl.img" 2>/dev/null)
echo "  CurlTransfer + decode   : ${t}s  $(rate $stream $t) MiB/s of stream"
echo "  (the Python test server is the likely bottleneck of the download figures)"
# Ratios (qemu-img or curl time / xms time; above 1 means xms is faster), the headline last.
echo "RESULT transfer_download_vs_curl $download_ratio"
echo "RESULT transfer_decode_vs_qemu_img $decode_ratio"
