#!/usr/bin/env bash
# Smoke test of the lab cloud with the real `openstack` CLI, as the lab's member user (OS_* env).
# Walks the path a migration takes: image -> volume from image -> bootable -> port with a chosen MAC
# -> boot-from-volume server -> delete; plus Neutron's 403 (custom MAC on a shared network) and 409
# (MAC in use). Everything it creates is deleted on exit.
#   eval "$(tests/lab/cloud/cloud env)"; tests/lab/smoke/test_cloud_cli.sh
set -euo pipefail

for v in OS_AUTH_URL OS_USERNAME OS_PASSWORD OS_PROJECT_NAME; do
  if [ -z "${!v:-}" ]; then
    echo "test_cloud_cli: FAIL - $v is not set. Start the lab and load its env first:" >&2
    echo "  tests/lab/cloud/cloud up && eval \"\$(tests/lab/cloud/cloud env)\"" >&2
    exit 1
  fi
done
command -v openstack >/dev/null || { echo "test_cloud_cli: FAIL - no openstack CLI (python3-openstackclient)" >&2; exit 1; }
PY=/usr/bin/python3
LAB_DIR=${XMS_LAB_DIR:-/var/tmp/xms-lab}

T0=$SECONDS
TAG=xms-smoke-$$-$RANDOM
WORK=$(mktemp -d)
IMAGE_ID='' VOLUME_ID='' PORT_ID='' SERVER_ID='' EXTRA_PORTS=()

ok() { echo "ok   - $*"; }
fail() { echo "FAIL - $*" >&2; exit 1; }
os() { openstack "$@"; }
field() { os "$@" -f value; } # e.g. field volume show ID -c status
# jget JSON key [subkey...] — one value out of `-f json` output (objects printed as JSON).
jget() {
  $PY -c 'import json, sys
v = json.loads(sys.argv[1])
for k in sys.argv[2:]:
    v = (v or {}).get(k, "") if isinstance(v, dict) else ""
print(v if isinstance(v, str) else json.dumps(v))' "$@"
}

cleanup() {
  local rc=$?
  set +e
  # By name too: a failure can come before the id is known.
  for s in $SERVER_ID $(field server list --name "^$TAG-server\$" -c ID 2>/dev/null); do
    os server delete --wait "$s" >/dev/null 2>&1
  done
  for p in "${EXTRA_PORTS[@]}" "$PORT_ID"; do [ -n "$p" ] && os port delete "$p" >/dev/null 2>&1; done
  if [ -n "$VOLUME_ID" ]; then # detach is asynchronous: give it a minute
    for _ in $(seq 30); do
      [ "$(field volume show "$VOLUME_ID" -c status 2>/dev/null)" = in-use ] || break
      sleep 2
    done
    os volume delete "$VOLUME_ID" >/dev/null 2>&1
  fi
  [ -n "$IMAGE_ID" ] && os image delete "$IMAGE_ID" >/dev/null 2>&1
  rm -rf "$WORK"
  [ $rc -eq 0 ] && echo "PASS test_cloud_cli ($((SECONDS - T0))s)" || echo "FAILED test_cloud_cli (rc=$rc, $((SECONDS - T0))s)" >&2
}
trap cleanup EXIT

# wait_status volume|server ID WANTED TIMEOUT — fails on error states.
wait_status() {
  local kind=$1 id=$2 want=$3 timeout=$4 deadline=$((SECONDS + $4)) status
  while :; do
    status=$(field "$kind" show "$id" -c status)
    [ "$status" = "$want" ] && return 0
    case $status in error | ERROR | error_*) fail "$kind $id went to $status (wanted $want)" ;; esac
    [ $SECONDS -lt $deadline ] || fail "$kind $id still $status after ${timeout}s (wanted $want)"
    sleep 2
  done
}

# expect_http CODE DESCRIPTION -- command...: the command must fail and mention HTTP CODE.
expect_http() {
  local code=$1 what=$2 out
  shift 3
  if out=$("$@" 2>&1); then
    EXTRA_PORTS+=("$(echo "$out" | awk '$2 == "id" {print $4}')")
    fail "$what: expected HTTP $code, but the command succeeded"
  fi
  echo "$out" | grep -q "$code" || fail "$what: expected HTTP $code, got: $out"
  ok "$what -> $code ($(echo "$out" | tail -n 1 | cut -c1-110))"
}

has_all() { # has_all "LIST" item... — every item is a line of LIST
  local list=$1 item; shift
  for item; do grep -qxF "$item" <<<"$list" || fail "missing '$item' in: $(echo "$list" | tr '\n' ' ')"; done
}

# --- identity and catalog -----------------------------------------------------------------
project_id=$(field token issue -c project_id)
[ -n "$project_id" ] || fail "token issue returned no project_id"
ok "token issue as $OS_USERNAME (project $OS_PROJECT_NAME = $project_id)"

has_all "$(field flavor list -c Name)" m1.small m1.medium m1.large
ok "flavor list has m1.small, m1.medium, m1.large"

has_all "$(field volume type list -c Name)" ssd standard
ok "volume type list has ssd, standard"

has_all "$(field availability zone list --compute -c 'Zone Name')" nova
has_all "$(field availability zone list --volume -c 'Zone Name')" nova
ok "availability zone list: compute and volume zone 'nova'"

has_all "$(field network list -c Name)" internal-net backend-net provider-net
ok "network list has internal-net, backend-net, provider-net"

# --- image -> volume ----------------------------------------------------------------------
# A 4 MiB raw "disk" with recognisable bytes at the start.
head -c 1048576 /dev/urandom >"$WORK/disk.raw"
truncate -s 4M "$WORK/disk.raw"
IMAGE_ID=$(field image create --disk-format raw --container-format bare --file "$WORK/disk.raw" \
  --property hw_disk_bus=virtio "$TAG-image" -c id)
# (create prints the image as it was before the upload: ask again)
[ "$(field image show "$IMAGE_ID" -c status)" = active ] || fail "image $IMAGE_ID is not active"
ok "image create --file (4 MiB raw, hw_disk_bus=virtio): $IMAGE_ID active"

VOLUME_ID=$(field volume create --image "$IMAGE_ID" --type ssd --size 1 "$TAG-vol" -c id)
wait_status volume "$VOLUME_ID" available 300
ok "volume create --image --type ssd --size 1: $VOLUME_ID available"

bus=$(jget "$(os volume show "$VOLUME_ID" -f json)" volume_image_metadata hw_disk_bus)
[ "$bus" = virtio ] || fail "volume_image_metadata.hw_disk_bus is '$bus', wanted virtio"
ok "volume_image_metadata carries hw_disk_bus=virtio"

vol_file=$LAB_DIR/cloud/cinder/volumes/volume-$VOLUME_ID
[ -f "$vol_file" ] || fail "no backing file $vol_file (XMS_LAB_DIR=$LAB_DIR)"
cmp -s -n 4194304 "$WORK/disk.raw" "$vol_file" || fail "volume bytes differ from the image's"
[ "$(stat -c %s "$vol_file")" -eq 1073741824 ] || fail "backing file is not 1 GiB"
ok "volume bytes equal the image's (first 4 MiB), backing file is 1 GiB"

os volume set --bootable "$VOLUME_ID"
[ "$(field volume show "$VOLUME_ID" -c bootable)" = true ] || fail "volume is not bootable after volume set --bootable"
ok "volume set --bootable"

# --- port with a chosen MAC, server boot-from-volume ---------------------------------------
MAC=$(printf 'fa:16:3e:%02x:%02x:%02x' $((RANDOM % 256)) $((RANDOM % 256)) $((RANDOM % 256)))
port=$(os port create --network internal-net --fixed-ip subnet=internal-subnet \
  --mac-address "$MAC" "$TAG-port" -f json)
PORT_ID=$(jget "$port" id)
[ "$(jget "$port" mac_address)" = "$MAC" ] || fail "port MAC is not $MAC: $port"
ok "port create on internal-net with MAC $MAC: $PORT_ID"

# --wait prints progress on stdout before the id: keep the last line.
SERVER_ID=$(field server create --flavor m1.small --volume "$VOLUME_ID" --nic port-id="$PORT_ID" \
  --wait "$TAG-server" -c id | tail -n 1)
server=$(os server show "$SERVER_ID" -f json)
[ "$(jget "$server" status)" = ACTIVE ] || fail "server $SERVER_ID is not ACTIVE: $server"
ok "server create --flavor m1.small --volume --nic port-id --wait: $SERVER_ID ACTIVE"

volume=$(os volume show "$VOLUME_ID" -f json)
[ "$(jget "$volume" status)" = in-use ] || fail "volume is not in-use after boot"
grep -q "$SERVER_ID" <<<"$(jget "$volume" attachments)" || fail "volume attachments do not name the server: $volume"
ok "volume is in-use, attached to the server"

port=$(os port show "$PORT_ID" -f json)
[ "$(jget "$port" device_id)" = "$SERVER_ID" ] || fail "port device_id is not the server: $port"
[ "$(jget "$port" device_owner)" = compute:nova ] || fail "port device_owner is not compute:nova: $port"
ok "port device_id = server, device_owner = compute:nova, status $(jget "$port" status)"

addresses=$(jget "$server" addresses)
grep -q "internal-net" <<<"$addresses" || fail "server addresses lack internal-net: $addresses"
used=$(os limits show --absolute -f value | awk '$1 == "totalInstancesUsed" {print $2}')
[ "${used:-0}" -ge 1 ] || fail "limits show: totalInstancesUsed is '$used' with a server running"
ok "server addresses $addresses; limits count it (totalInstancesUsed=$used)"

os server delete --wait "$SERVER_ID"
SERVER_ID_DELETED=$SERVER_ID SERVER_ID=''
wait_status volume "$VOLUME_ID" available 60
[ -z "$(field port show "$PORT_ID" -c device_id)" ] || fail "port still bound after server delete"
ok "server delete --wait ($SERVER_ID_DELETED): volume available again, port unbound and kept"

# --- Neutron policy the migration's MAC handling relies on --------------------------------
expect_http 403 "member: port create --mac-address on shared provider-net" -- \
  os port create --network provider-net --mac-address "$MAC" "$TAG-port-provider"
expect_http 409 "port create with a MAC already in use on internal-net" -- \
  os port create --network internal-net --mac-address "$MAC" "$TAG-port-dup"
