#pragma once

#include "guest/guestinfo.h"

#include <QJsonObject>

namespace xms {

struct GuestFixesResult;

// The Glance image properties that make Nova boot the converted guest the way virt-v2v prepared it; they
// travel into the volumes' volume_image_metadata:
//   hw_disk_bus=virtio, hw_vif_model=virtio      (virt-v2v installed/enabled the VirtIO drivers)
//   hw_firmware_type=bios|uefi                    (GuestInfo::firmware)
//   hw_machine_type=q35                           (UEFI only; BIOS guests keep the cloud's default)
//   os_type=linux|windows, os_distro=<libosinfo short id, e.g. debian12> (else the distro name)
//   hw_qemu_guest_agent=yes                       (when the agent is there or virt-v2v installs it at first boot)
// `fixes` may be null (before Guest Fixes ran, e.g. for a preflight preview).
QJsonObject imageProperties(const GuestInfo& guest, const GuestFixesResult* fixes = nullptr);

} // namespace xms
