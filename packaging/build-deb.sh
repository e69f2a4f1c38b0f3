#!/usr/bin/env bash
# Builds the Debian package from a clone: configure, build, then CPack's DEB generator (dpkg-shlibdeps
# fills in the library Depends). Prints the .deb's path; install it with: apt-get install ./<that path>
# Usage: packaging/build-deb.sh [BUILD_DIR]   (default: build-deb)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build-deb}
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DXMS_BUILD_TESTS=OFF >/dev/null
cmake --build "$build" -j"$(nproc)"
(cd "$build" && cpack -G DEB >/dev/null)
ls "$PWD/$build"/xms-desktop_*.deb
