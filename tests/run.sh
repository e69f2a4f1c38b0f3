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
log "configure + build ($BUILD_DIR)"
cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DXMS_WERROR=ON >/dev/null
cmake --build "$BUILD_DIR" -j2
log "build done after $((SECONDS - t0)) s; running the suite"
# One private D-Bus session with an unlocked GNOME Keyring for the whole run: secrets go to a real
# Secret Service, never to the developer's own keyring.
exec tests/with-keyring ctest --test-dir "$BUILD_DIR" --output-on-failure -j "$JOBS" "$@"
