#!/usr/bin/env bash
# Glance upload throughput against the lab cloud: `curl -T` vs XMS's ImageClient (libcurl, chunked) on the
# same file, same endpoint, same token rules, alternating rounds; prints both and the ratio.
# usage: tests/bench/bench-xloud-upload.sh [BUILD_DIR]
#   env: XMS_BENCH_MIB (file size, 1024), XMS_BENCH_ROUNDS (2); the lab's OS_* (eval "$(tests/lab/cloud/cloud env)")
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$root/build}
tool=$build/tests/bench/xms-xloud-upload-bench
[ -x "$tool" ] || { echo "bench: $tool missing; build it: cmake --build $build --target xms-xloud-upload-bench" >&2; exit 1; }
for v in OS_AUTH_URL OS_USERNAME OS_PASSWORD OS_PROJECT_NAME OS_USER_DOMAIN_NAME OS_PROJECT_DOMAIN_NAME; do
  [ -n "${!v:-}" ] || { echo "bench: $v is not set; run: eval \"\$(tests/lab/cloud/cloud env)\"" >&2; exit 1; }
done
size_mib=${XMS_BENCH_MIB:-1024}
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

# The same kind of file a migration uploads: a sparse raw disk with some data (holes are sent as zeros).
echo "bench: making a ${size_mib} MiB sparse file with 64 MiB of random data"
truncate -s "${size_mib}M" "$work/disk.raw"
head -c 64M /dev/urandom | dd of="$work/disk.raw" bs=1M seek=$((size_mib / 3)) conv=notrunc status=none

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

curl_upload() {
  image=$(curl -sS --fail -H "X-Auth-Token: $token" -H 'Content-Type: application/json' \
    -d '{"name": "xms-bench-curl", "disk_format": "raw", "container_format": "bare"}' "$glance/v2/images" |
    $py -c 'import json, sys; print(json.load(sys.stdin)["id"])')
  curl -sS --fail -o /dev/null -w '%{size_upload} %{time_total}\n' -T "$work/disk.raw" \
    -H "X-Auth-Token: $token" -H 'Content-Type: application/octet-stream' "$glance/v2/images/$image/file"
  curl -sS --fail -o /dev/null -X DELETE -H "X-Auth-Token: $token" "$glance/v2/images/$image"
  image=
}

# One untimed upload first: page cache, Glance's first-request costs and the TCP path are then warm for both.
curl_upload >/dev/null
echo "bench: $rounds rounds of ${size_mib} MiB to $glance (alternating, so both see the same load)"
curl_total=0 xms_total=0
for i in $(seq "$rounds"); do
  curl_upload >"$work/out"
  read -r bytes secs <"$work/out"
  printf '  round %d  curl -T          : %6.2f s  %5.0f MiB/s\n' "$i" "$secs" "$(awk -v b="$bytes" -v t="$secs" 'BEGIN { print b / 1048576 / t }')"
  curl_total=$(awk -v a="$curl_total" -v b="$secs" 'BEGIN { print a + b }')
  "$tool" "$work/disk.raw" >"$work/out"
  read -r bytes secs <"$work/out"
  printf '  round %d  xms ImageClient  : %6.2f s  %5.0f MiB/s\n' "$i" "$secs" "$(awk -v b="$bytes" -v t="$secs" 'BEGIN { print b / 1048576 / t }')"
  xms_total=$(awk -v a="$xms_total" -v b="$secs" 'BEGIN { print a + b }')
done
awk -v n="$size_mib" -v r="$rounds" -v c="$curl_total" -v x="$xms_total" 'BEGIN {
  printf "curl -T: %.0f MiB/s   xms: %.0f MiB/s   xms/curl ratio: %.2f\n", n * r / c, n * r / x, c / x }'
echo "RESULT xloud_upload_vs_curl $(awk -v c="$curl_total" -v x="$xms_total" 'BEGIN { printf "%.2f", c / x }')"
