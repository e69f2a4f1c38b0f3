#pragma once

#include "common/error.h"
#include "guest/guestinfo.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

// Helpers for the guest lab tests: staging copies of the lab's cached images, reading a guest's
// initramfs and package list with libguestfs (read-only), and tests/lab/guest/boot-check.
namespace xms::labguest {

// Points libguestfs at the lab's shared appliance cache and forces TCG unless the caller chose otherwise
// (/dev/kvm may exist and still fail in nested setups). Call before the first libguestfs use.
void useLabLibguestfs();

// A sparse copy (cp --sparse=always): tests never write to the lab's cached images.
xms::Status sparseCopy(const QString& from, const QString& to);

struct GuestFiles
{
    QStringList initrdModules; // the kernel modules in /boot/initrd.img-* (from lsinitramfs)
    QString initrdName;
    bool openVmToolsInstalled = false; // from /var/lib/dpkg/status
};
// Reads each image's /boot/initrd.img-<newest> and dpkg status in ONE appliance launch (all images added
// read-only; the root file system is the first partition that holds /boot … the lab guests' layout).
xms::Result<QList<GuestFiles>> readGuestFiles(const QStringList& images, const QString& scratchDir);
bool hasModule(const GuestFiles& files, const QString& module); // "virtio_blk"

// Gives a UEFI image the ESP layout a Debian installation has: EFI/debian/grub.cfg, a stub that loads
// /boot/grub/grub.cfg from the root file system (virt-v2v looks for grub.cfg on the ESP of UEFI guests). A
// no-op when the ESP already holds a grub.cfg. Uses mtools on the raw image: no appliance launch.
// Returns true when it added the stub.
xms::Result<bool> ensureEspGrubConfig(const QString& rawImage, const xms::GuestInfo& info, const QString& scratchDir);

// tests/lab/guest/boot-check with VirtIO disk and NIC only. Retries when the kernel panics in its timer
// check, which happens under TCG on an overloaded host and says nothing about the guest (reported).
struct BootResult
{
    bool ok = false;
    QString output;
    int attempts = 0;
    qint64 elapsedMs = 0;
};
BootResult bootCheckVirtio(const QString& image, const QString& firmware, int timeoutSeconds);

} // namespace xms::labguest
