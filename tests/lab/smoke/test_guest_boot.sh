#!/usr/bin/env bash
# Smoke test of the lab's unconverted guest images (tests/lab/guest): the data disk has its known
# content, the BIOS guest is a VMware-like Debian (open-vm-tools installed, initramfs without
# virtio_blk, so only guest fixes can make it boot on VirtIO), and both the BIOS and the UEFI guest
# boot to "login:" on VMware-like devices (pvscsi or SATA disk, vmxnet3 NIC) under QEMU/TCG.
# Needs the guest env: eval "$(tests/lab/guest/guest env)" (or tests/lab/lab env). ~3-5 min.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
boot_check=$here/../guest/boot-check

fail() { echo "FAIL: $*" >&2; exit 1; }
pass() { echo "ok: $*"; }

for v in XMS_LAB_GUEST_BIOS_IMG XMS_LAB_GUEST_UEFI_IMG XMS_LAB_DATA_DISK_IMG XMS_LAB_DATA_DISK_SHA256; do
  [ -n "${!v:-}" ] || fail "$v is not set: run tests/lab/guest/guest up, then eval \"\$(tests/lab/guest/guest env)\""
done
for f in "$XMS_LAB_GUEST_BIOS_IMG" "$XMS_LAB_GUEST_UEFI_IMG" "$XMS_LAB_DATA_DISK_IMG"; do
  [ -r "$f" ] || fail "$f does not exist: run tests/lab/guest/guest up"
done

export LIBGUESTFS_BACKEND=direct
export LIBGUESTFS_BACKEND_SETTINGS=${LIBGUESTFS_BACKEND_SETTINGS-force_tcg}   # /dev/kvm may be unusable
export LIBGUESTFS_CACHEDIR=${LIBGUESTFS_CACHEDIR:-${XMS_LAB_CACHE:-/var/cache/xms-lab}/libguestfs}
mkdir -p "$LIBGUESTFS_CACHEDIR"
work=$(mktemp -d /var/tmp/test_guest_boot.XXXXXX)
trap 'rm -rf "$work"' EXIT

# 1. Data disk: the exact bytes the cache recorded.
actual=$(sha256sum "$XMS_LAB_DATA_DISK_IMG" | cut -d' ' -f1)
[ "$actual" = "$XMS_LAB_DATA_DISK_SHA256" ] \
  || fail "data disk sha256 $actual, expected $XMS_LAB_DATA_DISK_SHA256"
pass "data disk sha256 $actual"

# 2. What guest fixes will have to change, read from the image without booting (read-only).
guestfish --ro -a "$XMS_LAB_GUEST_BIOS_IMG" -m /dev/sda1:/:ro <<EOF
copy-out /boot $work
download /var/lib/dpkg/status $work/dpkg-status
download /etc/initramfs-tools/initramfs.conf $work/initramfs.conf
download /etc/fstab $work/fstab
EOF
initrds=("$work"/boot/initrd.img-*)
[ -f "${initrds[0]}" ] || fail "no /boot/initrd.img-* in the BIOS guest"
listing=$(lsinitramfs "${initrds[0]}")
grep -q '/vmw_pvscsi\.ko' <<<"$listing" || fail "initramfs lacks vmw_pvscsi: the guest cannot boot as a VMware guest"
if grep -q '/virtio_blk\.ko' <<<"$listing"; then
  fail "the unconverted guest's initramfs already contains virtio_blk: the baseline would prove nothing"
fi
pass "initramfs $(basename "${initrds[0]}") has vmw_pvscsi and no virtio_blk"
grep -qx 'MODULES=list' "$work/initramfs.conf" || fail "initramfs.conf does not say MODULES=list"
awk '/^Package: open-vm-tools$/ { p = 1; next } p && /^Status:/ { print; exit }' "$work/dpkg-status" \
  | grep -q 'install ok installed' || fail "open-vm-tools is not installed in the BIOS guest"
pass "open-vm-tools installed, MODULES=list"
grep -q '^UUID=[0-9a-f-]* / ext4' "$work/fstab" || fail "fstab does not mount / by UUID: $(cat "$work/fstab")"
pass "fstab mounts / by UUID"

# 3. Boots, VMware-like devices (the boot-check defaults, spelled out).
"$boot_check" "$XMS_LAB_GUEST_BIOS_IMG" --firmware bios --disk-bus pvscsi --nic vmxnet3 --timeout 600 \
  || fail "the BIOS guest did not reach login: on pvscsi + vmxnet3"
# Debian's OVMF has no PVSCSI driver, so the UEFI guest boots from SATA (AHCI), VMware's other
# common controller.
"$boot_check" "$XMS_LAB_GUEST_UEFI_IMG" --firmware uefi --disk-bus sata --nic vmxnet3 --timeout 600 \
  || fail "the UEFI guest did not reach login: on sata + vmxnet3 under OVMF"
echo "PASS: test_guest_boot"
