#!/usr/bin/env bash
# README's demo command: installs what is missing, builds, brings the built-in lab up (vCenter simulator,
# real Debian guest, real Keystone/Glance/Cinder/Neutron + the Nova emulator), registers the lab's vCenter
# and cloud with xms, and runs a real cold migration of lab-debian-bios with live progress in the
# terminal. With a display it opens xms-desktop on the same store, so the job shows there live too.
# The lab stays up afterwards (tests/lab/lab down stops it).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
BUILD_DIR=${XMS_BUILD_DIR:-build}
export XMS_HOME=${XMS_HOME:-/var/tmp/xms-demo}

log() { printf '\n[demo %(%H:%M:%S)T] %s\n' -1 "$*"; }

if [ -z "${XMS_KEYRING_READY:-}" ] && [ -z "${XMS_DEMO_SETUP_DONE:-}" ]; then
  t0=$SECONDS
  log "dependencies"
  bash packaging/install-deps.sh
  log "build ($BUILD_DIR)"
  cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
  cmake --build "$BUILD_DIR" -j2 --target xms xms-desktop
  log "lab up (first time: builds the guest image, ~10 min; cached afterwards)"
  tests/lab/lab up
  log "ready after $((SECONDS - t0)) s"
  # Secrets go to a real Secret Service: a private, unlocked GNOME Keyring for this demo session
  # (on a desktop, xms uses your own keychain instead).
  export XMS_DEMO_SETUP_DONE=1 XMS_DEMO_DISPLAY=${DISPLAY:-}
  exec tests/with-keyring bash "$0" "$@"
fi

eval "$(tests/lab/lab env)"
xms() { "$root/$BUILD_DIR/app/xms" "$@"; }
rm -rf "$XMS_HOME" && mkdir -p "$XMS_HOME"

log "xms source create lab (vCenter simulator, certificate pinned by its SHA-1 thumbprint)"
printf '%s\n' "$XMS_LAB_VC_PASSWORD" | xms source create lab --host "$XMS_LAB_VC_HOST" --port "$XMS_LAB_VC_PORT" \
  --user "$XMS_LAB_VC_USER" --password-stdin --thumbprint "$XMS_LAB_VC_THUMBPRINT"
log "xms cloud create xloud (project infra, as a non-admin member)"
printf '%s\n' "$OS_PASSWORD" | xms cloud create xloud --auth-url "$OS_AUTH_URL" --user "$OS_USERNAME" \
  --password-stdin --project "$OS_PROJECT_NAME" --region "$OS_REGION_NAME"
log "xms source inventory lab"
xms source inventory lab
log "xms cloud resources --project infra"
xms cloud resources --project infra

target=(--source lab --vm lab-debian-bios --kind cold --target-project infra --flavor m1.small --volume-type ssd
        --network-map 'VM Network=internal-net,keep-mac')
log "xms preflight ${target[*]}"
xms preflight "${target[@]}"

gui=
if [ -n "${XMS_DEMO_DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  log "opening xms-desktop (the job appears in its Migrations view)"
  DISPLAY=${XMS_DEMO_DISPLAY:-} "$root/$BUILD_DIR/app/xms-desktop" & gui=$!
fi
log "xms migration submit ${target[*]} --wait"
xms migration submit "${target[@]}" --wait
log "xms migration list"
xms migration list
if [ -n "$gui" ]; then
  log "close xms-desktop to end the demo"
  wait "$gui" || true
fi
