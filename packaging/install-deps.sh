#!/usr/bin/env bash
# Installs every Debian 12 package that the build, the app, the tests and the lab need.
# Idempotent: when everything is present it only checks (a second or two) and exits.
set -euo pipefail

PACKAGES=(
  # build
  build-essential cmake pkg-config ninja-build git clang-14 libclang-rt-14-dev libssl-dev
  qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
  qtkeychain-qt6-dev libcurl4-openssl-dev libqt6sql6-sqlite libqt6sql6-psql zlib1g-dev libguestfs-dev
  # fuzzing (tests/fuzz): clang-14 cannot compile libstdc++ 12's std::expected, clang 19 can
  clang-19 libclang-rt-19-dev
  # GUI tests, screenshots, a real keyring for secrets
  xvfb xauth imagemagick dbus-daemon dbus-x11 gnome-keyring libsecret-1-0 libsecret-tools
  # vCenter simulator (built from Debian's govmomi) and a real vSphere client
  golang-go golang-github-vmware-govmomi-dev python3-pyvmomi openssl curl
  # guest: libguestfs, virt-v2v, the guest image build and the boot check
  libguestfs-tools libguestfs-xfs linux-image-amd64 qemu-utils qemu-system-x86 virt-v2v
  nbdkit libnbd-bin ovmf debootstrap mtools
  # cloud: real Keystone, Glance, Cinder, Neutron and the real clients; Nova's request schema
  python3-keystone python3-glance python3-cinder python3-neutron python3-nova python3-jsonschema
  python3-openstackclient python3-cinderclient python3-glanceclient python3-novaclient
  python3-neutronclient
  # the shared job store (issue 16): a real PostgreSQL server for the lab
  postgresql-15
  # misc tools used by scripts
  procps psmisc iproute2 lsof
  # the Debian package and its checks (tests/package): dpkg-shlibdeps, lintian, desktop entry, AppStream,
  # man pages, bash completion, systemd-analyze for the user unit; rsvg-convert renders the icon PNGs
  # (resources/icons/render-png.sh)
  dpkg-dev lintian desktop-file-utils appstream man-db bash-completion librsvg2-bin systemd
)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#PACKAGES[@]} packages present"
  exit 0
fi
echo "install-deps: installing ${#missing[@]} packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
# Debian's service packages must never start daemons during install.
if [ ! -e /usr/sbin/policy-rc.d ]; then
  printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d
  trap 'rm -f /usr/sbin/policy-rc.d' EXIT
fi
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"
echo "install-deps: done"
