#pragma once

#include "common/error.h"
#include "engine/migrationspec.h"
#include "engine/preflight.h"
#include "vsphere/guestnetwork.h"
#include "xloud/types.h"

namespace xms {

// The address a kept-IP port gets: one the guest reported for the NIC, on a subnet of the mapped network.
struct KeptIp
{
    QString address;
    xloud::Subnet subnet;
};

// Chooses the NIC's kept address. With a subnet named in the mapping, the guest's first address inside
// that subnet's CIDR; without one, the first address that some subnet of the network holds. Link-local
// addresses never count. Errors (message names the NIC, the address and the CIDRs):
// finalize.keep_ip_no_address — Tools reported no usable address for this NIC (facts null or empty);
// finalize.keep_ip_outside_subnet — no reported address lies in the subnet(s).
// `subnet` is a name or id, or empty.
Result<KeptIp> chooseKeptIp(const vsphere::GuestNic* facts, const xloud::Network& network, const QString& subnet,
                            const QString& nicLabel);

// Preflight for one keep-ip NIC mapped to `network`: Pass with the address; Block when Tools reports no
// address (fix: DHCP instead), when it lies outside the subnet, or when a port in `inUse` holds it; Warn
// when the guest's default gateway is not the subnet's gateway_ip.
QList<PreflightCheck> keepIpChecks(const vsphere::NicInfo& nic, const vsphere::GuestNetwork& guest,
                                   const NicMapping& map, const xloud::Network& network,
                                   const QList<xloud::Port>& inUse);

// True when address lies in cidr ("10.10.0.0/24"); false for a malformed CIDR.
bool addressInCidr(const QString& address, const QString& cidr);

} // namespace xms
