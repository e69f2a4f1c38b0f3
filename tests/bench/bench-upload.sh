#!/usr/bin/env bash
# Upload to Glance against the lab cloud, as Write Volume sends a disk: a sparse raw disk (8 GiB, 25 % data by
# default) sent by XMS as qcow2 made on the fly (ImageClient + Qcow2Stream), beside `curl -T` of the same
# qcow2 bytes (written out first) and `curl -T` of the raw file (what a scripted `openstack image create
# --file disk.raw` sends). Alternating rounds; prints bytes and rates, then
#   RESULT upload <xms rate / curl rate of the same bytes>    (goal >= 0.9; and sent/allocated <= 1.05)
# usage: tests/bench/bench-upload.sh [BUILD_DIR]
#   env: XMS_BENCH_MIB (disk size, 8192), XMS_BENCH_DATA_PCT (25), XMS_BENCH_ROUNDS (2);
#        the lab's OS_* (eval "$(tests/lab/cloud/cloud env)")
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$root/build}
tool=$build/tests/bench/xms-xloud-upload-bench
[ -x "$tool" ] || { echo "bench: $tool missing; build it: cmake --build $build --target xms-xloud-upload-bench" >&2; exit 1; }
for v in OS_AUTH_URL OS_USERNAME OS_PASSWORD OS_PROJECT_NAME OS_USER_DOMAIN_NAME OS_PROJECT_DOMAIN_NAME; do
  [ -n "${!v:-}" ] || { echo "bench: $v is not set; run: eval \"\$(tests/lab/cloud/cloud env)\"" >&2; exit 1; }
done
size_mib=${XMS_BENCH_MIB:-8192}
pct=${XMS_BENCH_DATA_PCT:-25}
rounds=${XMS_BENCH_ROUNDS:-2}
py=/usr/bin/python3

work=$(mktemp -d /var/tmp/xms-bench.XXXXXX)
image=
token=
cleanup() {
  [ -n "$image" ] && curl -s -o /dev/null -X DELETE -H "X-Auth-Token: $token" "$glance/v2/images/$image"
  rm -rf "$work"
}
trap cleanup EXIT

# A disk as a guest leaves it: data in 1 MiB runs spread over the disk (every 100/pct MiB), holes between.
echo "bench: making a ${size_mib} MiB sparse disk with ${pct} % random data"
truncate -s "${size_mib}M" "$work/disk.raw"
$py - "$work/disk.raw" "$size_mib" "$pct" <<'PY'
import os, sys
path, mib, pct = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
step = 100.0 / pct
with open(path, "r+b") as f:
    i = 0.0
    while int(i) < mib:
        f.seek(int(i) << 20)
        f.write(os.urandom(1 << 20))
        i += step
PY
allocated=$(( $(stat -c %b "$work/disk.raw") * $(stat -c %B "$work/disk.raw") ))
qcow2_bytes=$("$tool" "$work/disk.raw" --write-qcow2 "$work/disk.qcow2")
qemu-img check -q -f qcow2 "$work/disk.qcow2"

# A member token and the image endpoint from the catalog, as the openstack CLI would get them.
auth=$($py - <<PY
import json, os, urllib.request
body = {"auth": {"identity": {"methods": ["password"], "password": {"user": {
    "name": os.environ["OS_USERNAME"], "domain": {"name": os.environ["OS_USER_DOMAIN_NAME"]},
    "password": os.environ["OS_PASSWORD"]}}},
    "scope": {"project": {"name": os.environ["OS_PROJECT_NAME"],
                          "domain": {"name": os.environ["OS_PROJECT_DOMAIN_NAME"]}}}}}
req = urllib.request.Request(os.environ["OS_AUTH_URL"].rstrip("/") + "/auth/tokens",
                             json.dumps(body).encode(), {"Content-Type": "application/json"})
with urllib.request.urlopen(req) as r:
    tok = json.load(r)["token"]
    url = [e["url"] for s in tok["catalog"] if s["type"] == "image" for e in s["endpoints"]
           if e["interface"] == "public"][0]
    print(r.headers["X-Subject-Token"], url.rstrip("/"))
PY
)
token=${auth% *}
glance=${auth#* }

curl_upload() { # FILE FORMAT: prints "<bytes> <seconds>"
  image=$(curl -sS --fail -H "X-Auth-Token: $token" -H 'Content-Type: application/json' \
    -d "{\"name\": \"xms-bench-curl\", \"disk_format\": \"$2\", \"container_format\": \"bare\"}" "$glance/v2/images" |
    $py -c 'import json, sys; print(json.load(sys.stdin)["id"])')
  curl -sS --fail -o /dev/null -w '%{size_upload} %{time_total}\n' -T "$1" \
    -H "X-Auth-Token: $token" -H 'Content-Type: application/octet-stream' "$glance/v2/images/$image/file"
  curl -sS --fail -o /dev/null -X DELETE -H "X-Auth-Token: $token" "$glance/v2/images/$image"
  image=
}
rate() { awk -v b="$1" -v t="$2" 'BEGIN { printf "%.0f", b / 1048576 / t }'; }
add() { awk -v a="$1" -v b="$2" 'BEGIN { print a + b }'; }

# One untimed upload first: page cache, Glance's first-request costs and the TCP path are then warm for all.
curl_upload "$work/disk.qcow2" qcow2 >/dev/null
echo "bench: $rounds rounds to $glance (alternating, so all see the same load)"
printf '  %-5s  %-34s  %12s  %8s  %7s\n' round sender bytes seconds MiB/s
xms_t=0 curl_t=0 raw_t=0 xms_b=0 raw_b=0
for i in $(seq "$rounds"); do
  read -r b t < <("$tool" "$work/disk.raw" --qcow2)
  printf '  %-5s  %-34s  %12s  %8.2f  %7s\n' "$i" "xms (raw sent as qcow2)" "$b" "$t" "$(rate "$b" "$t")"
  xms_t=$(add "$xms_t" "$t"); xms_b=$b
  read -r b t < <(curl_upload "$work/disk.qcow2" qcow2)
  printf '  %-5s  %-34s  %12s  %8.2f  %7s\n' "$i" "curl -T of the same qcow2 bytes" "$b" "$t" "$(rate "$b" "$t")"
  curl_t=$(add "$curl_t" "$t")
  read -r b t < <(curl_upload "$work/disk.raw" raw)
  printf '  %-5s  %-34s  %12s  %8.2f  %7s\n' "$i" "curl -T of the raw file" "$b" "$t" "$(rate "$b" "$t")"
  raw_t=$(add "$raw_t" "$t"); raw_b=$b
done
awk -v s="$xms_b" -v q="$qcow2_bytes" -v a="$allocated" -v r="$raw_b" -v x="$xms_t" -v c="$curl_t" -v w="$raw_t" 'BEGIN {
  printf "disk: %d MiB, allocated %d MiB; xms sent %d MiB (stream %d), raw sends %d MiB\n", r / 1048576, a / 1048576, s / 1048576, q / 1048576, r / 1048576
  printf "sent/allocated: %.3f (goal <= 1.05)   time xms/raw upload: %.2f\n", s / a, x / w
  printf "xms rate / curl rate of the same bytes: %.2f (goal >= 0.9)\n", c / x }'
echo "RESULT upload $(awk -v c="$curl_t" -v x="$xms_t" 'BEGIN { printf "%.2f", c / x }')"
