#pragma once

#include "migrationspec.h"

namespace xms {

// Parses one --network-map value: SOURCE=NETWORK[/SUBNET][,keep-mac][,keep-ip]
//   'VM Network=internal-net'   'VM Network=internal-net/internal-subnet,keep-mac,keep-ip'
// keep-ip asks for the guest's own address (as VMware Tools reports it) as the port's fixed IP.
// SOURCE is a source network (port group) name or a NIC label ("Network adapter 2"). Errors name the
// part that is wrong and show the syntax; nothing is created from a bad map.
Result<NicMapping> parseNetworkMap(const QString& text);
// The same, for several values; two mappings for the same SOURCE are an error.
Result<QList<NicMapping>> parseNetworkMaps(const QStringList& texts);

} // namespace xms
