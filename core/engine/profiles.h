#pragma once

#include "engine/migrationspec.h"
#include "model/records.h"

namespace xms {

// A network-mapping profile as JSON: {"networks": [NicMapping…]} — the same text `xms profile export`
// writes and `import` reads, so profiles move between workstations.
QJsonObject profileMapping(const QList<NicMapping>& networks);
Result<QList<NicMapping>> profileNetworks(const QJsonObject& mapping);
// Explicit mappings win over the profile's for the same source network.
QList<NicMapping> mergeMappings(const QList<NicMapping>& fromProfile, const QList<NicMapping>& explicitMaps);

} // namespace xms
