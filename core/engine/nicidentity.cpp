#include "nicidentity.h"

#include "engine/finalizestage.h"
#include "engine/jobcontext.h"

namespace xms {

NicIdentity nicIdentity(const JobContext& ctx)
{
    NicIdentity out;
    for (const vsphere::NicInfo& nic : ctx.vm.nics) {
        const int m = mappingFor(ctx.spec.networks, nic.label, nic.network);
        const bool keepMac = m >= 0 && ctx.spec.networks.at(m).keepMac;
        NicToPin pin;
        pin.label = nic.label;
        pin.sourceMac = nic.macAddress.toLower();
        pin.pciSlot = nic.pciSlot;
        if (keepMac)
            pin.targetMacs.append(pin.sourceMac);
        pin.targetMacs.append(derivedMac(ctx.jobId, nic.label));
        out.pins.append(pin);

        const vsphere::GuestNic* facts = ctx.vm.guestNetwork.nic(nic.macAddress);
        if ((!facts || facts->ipv4().isEmpty()) && ctx.spec.guestNetworkAtSubmit)
            facts = ctx.spec.guestNetworkAtSubmit->nic(nic.macAddress);
        BootNic boot {nic.label, pin.targetMacs.first(), {}};
        if (facts && !facts->ipv4().isEmpty())
            boot.expectIp = facts->ipv4().first().address;
        out.boot.append(boot);
    }
    return out;
}

} // namespace xms
