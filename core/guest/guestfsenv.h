#pragma once

#include "common/error.h"

#include <QProcessEnvironment>
#include <QString>

namespace xms::guestfs {

// Where libguestfs keeps its appliance (~700 MB, rebuilt when host packages change): $LIBGUESTFS_CACHEDIR
// when the user set it (the lab shares one), else <xms cache dir>/libguestfs. Created on first use.
QString applianceCacheDir();
// True when supermin already built the appliance in that cache (else the next launch builds it first,
// which takes a minute or more and shows as its own progress step).
bool applianceCached();

// libguestfs builds its appliance from the host's kernel in /boot: a clear error when there is none, or
// when it is unreadable (Ubuntu ships /boot/vmlinuz-* mode 0600). Skipped when a fixed appliance is used.
Status checkHostKernel(const QString& bootDir = QStringLiteral("/boot"));

// The environment for libguestfs-based tools (virt-v2v): the direct backend (no libvirt daemon) unless the
// user chose another, and the shared appliance cache.
QProcessEnvironment toolEnvironment();

// True when /dev/kvm is there but QEMU cannot run a Linux guest with it (nested or broken virtualisation:
// QEMU aborts at start, or the guest kernel hangs): libguestfs would then fail or hang instead of falling
// back to TCG, so we ask it for TCG ourselves. Probed once per process by booting the host's kernel
// (about a second with KVM; 8 s where it hangs); LIBGUESTFS_BACKEND_SETTINGS set by the user wins.
bool kvmBroken();
// /dev/kvm is there, QEMU can use it, and the user did not force TCG.
bool kvmUsable();

// The advice every "libguestfs cannot start" error ends with.
QString testToolAdvice();

} // namespace xms::guestfs
