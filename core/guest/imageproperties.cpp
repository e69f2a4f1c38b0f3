#include "imageproperties.h"

#include "guest/guestfixesstage.h"

namespace xms {

QJsonObject imageProperties(const GuestInfo& guest, const GuestFixesResult* fixes)
{
    QJsonObject p;
    p.insert(QStringLiteral("hw_disk_bus"), QStringLiteral("virtio"));
    p.insert(QStringLiteral("hw_vif_model"), QStringLiteral("virtio"));
    const Firmware fw = guest.firmware == Firmware::Unknown ? Firmware::Bios : guest.firmware;
    p.insert(QStringLiteral("hw_firmware_type"), firmwareKey(fw));
    if (fw == Firmware::Uefi)
        p.insert(QStringLiteral("hw_machine_type"), QStringLiteral("q35")); // OVMF needs q35 in Nova
    if (const GuestRoot* r = guest.primaryRoot()) {
        if (!r->osType.isEmpty() && r->osType != u"unknown")
            p.insert(QStringLiteral("os_type"), r->osType);
        if (!r->osinfo.isEmpty() && r->osinfo != u"unknown")
            p.insert(QStringLiteral("os_distro"), r->osinfo);
        else if (!r->distro.isEmpty() && r->distro != u"unknown")
            p.insert(QStringLiteral("os_distro"), r->distro);
        if (r->has(u"qemu-guest-agent") || (fixes && fixes->guestAgentAtFirstBoot))
            p.insert(QStringLiteral("hw_qemu_guest_agent"), QStringLiteral("yes"));
    }
    return p;
}

} // namespace xms
