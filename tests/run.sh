#!/usr/bin/env bash
# README's test command: installs what is missing, builds with warnings as errors, then runs the whole
# CTest suite (unit, gui, lab). The lab is a CTest fixture: it comes up before the first lab test and
# goes down after the last one. CTest's summary is the last thing printed.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${XMS_BUILD_DIR:-build-ci}
JOBS=${XMS_TEST_JOBS:-2}

log() { printf '[test %(%H:%M:%S)T] %s\n' -1 "$*"; }
t0=$SECONDS
log "dependencies"
bash packaging/install-deps.sh
# The lab (guest image build, cloud start-up: ~15 min cold, mostly downloads and unpacking) comes up
# beside the build; CTest's lab fixture then finds it up. If it fails here, the fixture's own `lab up`
# tries again and fails the lab tests loudly.
lab_log=${TMPDIR:-/tmp}/xms-lab-up.$$.log
log "lab up in the background (log: $lab_log)"
tests/lab/lab up >"$lab_log" 2>&1 &
lab_pid=$!
log "configure + build ($BUILD_DIR)"
cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DXMS_WERROR=ON >/dev/null
cmake --build "$BUILD_DIR" -j2
log "build done after $((SECONDS - t0)) s; waiting for the lab"
if wait "$lab_pid"; then log "lab up after $((SECONDS - t0)) s"; else log "lab up failed (the fixture retries):"; tail -n 20 "$lab_log"; fi
log "running the suite"
# One private D-Bus session with an unlocked GNOME Keyring for the whole run: secrets go to a real
# Secret Service, never to the developer's own keyring.
exec tests/with-keyring ctest --test-dir "$BUILD_DIR" --output-on-failure -j "$JOBS" "$@"
