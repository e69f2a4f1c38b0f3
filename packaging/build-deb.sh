#!/usr/bin/env bash
# Builds the Debian package from a clone: configure and build with the default preset (build/, the same
# tree as README's from-source build, so a built tree is only brought up to date), then CPack's DEB
# generator, which runs dpkg-shlibdeps for the library Depends. Prints the .deb's path; install it with
# apt-get install ./<that path>
set -euo pipefail
cd "$(dirname "$0")/.."
cmake --preset default >/dev/null
cmake --build build
(cd build && cpack -G DEB >/dev/null)
ls "$PWD"/build/xms-desktop_*.deb
