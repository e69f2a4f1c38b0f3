#!/usr/bin/env bash
# One VM migrated twice on the lab, side by side in one run: by XMS (`xms migration submit --wait`), and by
# the pipeline an operator would script with standard tools:
#   pyVmomi ExportVm + download · qemu-img convert -O raw · virt-v2v-in-place -i disk · openstack image create
#   --file · openstack volume create --image · openstack port create + server create --volume
# Prints a per-step table and ends with  RESULT e2e <xms seconds / pipeline seconds>  (goal <= 0.85).
# usage: tests/bench/bench-e2e.sh [BUILD_DIR]   env: XMS_BENCH_VM (lab-debian-bios); needs the lab up
#   (tests/lab/lab up) and runs under tests/with-keyring (the CLI keeps its secrets in a keychain).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$root/build}
vm=${XMS_BENCH_VM:-lab-debian-bios}
py=/usr/bin/python3
[ -x "$build/app/xms" ] || { echo "bench: $build/app/xms missing; build it first" >&2; exit 1; }
env_lines=$("$root/tests/lab/lab" env) || { echo "bench: the lab is not up; run tests/lab/lab up" >&2; exit 1; }
eval "$env_lines"
work=$(mktemp -d /var/tmp/xms-bench-e2e.XXXXXX)
export XMS_HOME=$work/home
xms() { "$build/app/xms" "$@"; }
suffix=$(date +%s)
xms_name=bench-xms-$suffix
pipe_name=bench-pipe-$suffix
# libguestfs as XMS would run it on this host: TCG where /dev/kvm cannot run guests (see guestfsenv).
export LIBGUESTFS_BACKEND=direct
if [ -z "${LIBGUESTFS_BACKEND_SETTINGS:-}" ]; then
  kernels=(/boot/vmlinuz-*)
  probe=$(timeout 10 qemu-system-x86_64 -machine accel=kvm -cpu max -display none -nodefaults -no-user-config \
    -no-reboot -m 256 -serial stdio -kernel "${kernels[-1]}" -append 'console=ttyS0 panic=-1' 2>/dev/null || true)
  [[ $probe == *"Kernel panic"* ]] || export LIBGUESTFS_BACKEND_SETTINGS=force_tcg
fi

cleanup() {
  set +e
  for name in "$xms_name" "$pipe_name"; do
    openstack server delete --wait "$name" >/dev/null 2>&1
    openstack port list -f value -c ID -c Name | awk -v n="$name" 'index($2, n) == 1 { print $1 }' |
      xargs -r openstack port delete >/dev/null 2>&1
    openstack volume list -f value -c ID -c Name | awk -v n="$name" 'index($2, n) == 1 { print $1 }' |
      xargs -r -n1 openstack volume delete >/dev/null 2>&1
    openstack image list -f value -c ID -c Name | awk -v n="$name" 'index($2, n) == 1 { print $1 }' |
      xargs -r openstack image delete >/dev/null 2>&1
  done
  rm -rf "$work"
}
trap cleanup EXIT
power_on() { # the source as the lab keeps it: powered on
  $py - "$vm" <<'PY'
import os, ssl, sys, time
from pyVim.connect import SmartConnect
E = os.environ
si = SmartConnect(host=E["XMS_LAB_VC_HOST"], port=int(E["XMS_LAB_VC_PORT"]), user=E["XMS_LAB_VC_USER"],
                  pwd=E["XMS_LAB_VC_PASSWORD"], sslContext=ssl.create_default_context(cafile=E["XMS_LAB_VC_CA_FILE"]))
vm = si.content.searchIndex.FindByInventoryPath(f"{E['XMS_LAB_VC_DATACENTER']}/vm/{sys.argv[1]}")
if vm.runtime.powerState != "poweredOn":
    t = vm.PowerOnVM_Task()
    while t.info.state in ("queued", "running"):
        time.sleep(0.05)
PY
}
now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }

echo "bench: $vm by XMS, then by the scripted pipeline (work in $work)"
power_on
printf '%s\n' "$XMS_LAB_VC_PASSWORD" | xms source create lab --host "$XMS_LAB_VC_HOST" --port "$XMS_LAB_VC_PORT" \
  --user "$XMS_LAB_VC_USER" --password-stdin --thumbprint "$XMS_LAB_VC_THUMBPRINT" >/dev/null
printf '%s\n' "$OS_PASSWORD" | xms cloud create xloud --auth-url "$OS_AUTH_URL" --user "$OS_USERNAME" \
  --password-stdin --project "$OS_PROJECT_NAME" --region "$OS_REGION_NAME" >/dev/null
xms settings set guest/verify-boot never >/dev/null # the pipeline proves no boot either
t0=$(now)
xms migration submit --source lab --vm "$vm" --kind cold --target-project "$OS_PROJECT_NAME" --flavor m1.small \
  --volume-type ssd --network-map 'VM Network=internal-net' --instance-name "$xms_name" --wait >"$work/xms.out"
t1=$(now)
job=$(sed -n 's/^Submitted job \([0-9a-f-]*\) .*/\1/p' "$work/xms.out" | head -n 1)
xms migration events --job "$job" --output json >"$work/events.json" # one JSON object per line
# Seconds per stage: from a stage's first event to the next stage's first event.
$py - "$work/events.json" >"$work/xms-steps" <<'PY'
import json, sys
from datetime import datetime
events = [json.loads(line) for line in open(sys.argv[1]) if line.strip()]
starts = {}
for e in events:
    starts.setdefault(e["stage"], datetime.fromisoformat(e["time"].replace("Z", "+00:00")))
order = sorted(starts, key=starts.get)
for a, b in zip(order, order[1:]):
    print(a.replace(" ", "_"), round((starts[b] - starts[a]).total_seconds(), 1))
PY
xms_total=$(secs "$t0" "$t1")

power_on
p0=$(now)
$py - "$vm" "$work/disk.vmdk" <<'PY'
import http.client, os, ssl, sys, time
from pyVim.connect import SmartConnect
E = os.environ
si = SmartConnect(host=E["XMS_LAB_VC_HOST"], port=int(E["XMS_LAB_VC_PORT"]), user=E["XMS_LAB_VC_USER"],
                  pwd=E["XMS_LAB_VC_PASSWORD"], sslContext=ssl.create_default_context(cafile=E["XMS_LAB_VC_CA_FILE"]))
vm = si.content.searchIndex.FindByInventoryPath(f"{E['XMS_LAB_VC_DATACENTER']}/vm/{sys.argv[1]}")
def wait(t):
    while t.info.state in ("queued", "running"):
        time.sleep(0.05)
if vm.runtime.powerState != "poweredOff":
    wait(vm.PowerOffVM_Task())
lease = vm.ExportVm()
while lease.state == "initializing":
    time.sleep(0.05)
url = [u for u in lease.info.deviceUrl if u.disk][0].url
conn = http.client.HTTPSConnection(E["XMS_LAB_VC_HOST"], int(E["XMS_LAB_VC_PORT"]),
                                   context=ssl.create_default_context(cafile=E["XMS_LAB_VC_CA_FILE"]))
conn.request("GET", url[len("https://*"):], headers={"Cookie": si._stub.cookie})
res = conn.getresponse()
with open(sys.argv[2], "wb") as f:
    for block in iter(lambda: res.read(1 << 20), b""):
        f.write(block)
lease.HttpNfcLeaseComplete()
PY
p1=$(now)
qemu-img convert -O raw "$work/disk.vmdk" "$work/disk.raw" && sync
p2=$(now)
virt-v2v-in-place -i disk "$work/disk.raw" >"$work/v2v.log" 2>&1
p3=$(now)
image=$(openstack image create --disk-format raw --container-format bare --file "$work/disk.raw" \
  -f value -c id "$pipe_name-image")
p4=$(now)
volume=$(openstack volume create --image "$image" --size 2 --type ssd -f value -c id "$pipe_name-disk0")
until [ "$(openstack volume show -f value -c status "$volume")" = available ]; do sleep 1; done
p5=$(now)
port=$(openstack port create --network internal-net -f value -c id "$pipe_name-port")
openstack server create --flavor m1.small --volume "$volume" --port "$port" --wait "$pipe_name" >/dev/null
p6=$(now)
pipe_total=$(secs "$p0" "$p6")

printf '\n%-30s %10s\n' "xms stage" seconds
while read -r stage s; do printf '%-30s %10s\n' "$stage" "$s"; done <"$work/xms-steps"
printf '%-30s %10s\n' "xms total (submit to ready)" "$xms_total"
printf '\n%-30s %10s\n' "pipeline step" seconds
printf '%-30s %10s\n' "export (ExportVm + download)" "$(secs "$p0" "$p1")" "decode (qemu-img convert)" "$(secs "$p1" "$p2")" \
  "virt-v2v-in-place" "$(secs "$p2" "$p3")" "image create --file" "$(secs "$p3" "$p4")" \
  "volume create --image" "$(secs "$p4" "$p5")" "port + server create" "$(secs "$p5" "$p6")" \
  "pipeline total" "$pipe_total"
echo "RESULT e2e $(awk -v x="$xms_total" -v p="$pipe_total" 'BEGIN { printf "%.2f", x / p }')"
