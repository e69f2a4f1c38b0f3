#pragma once

#include "engine/migrationspec.h"
#include "model/records.h"
#include "store/store.h"

#include <QByteArray>

namespace xms {

// A network-mapping profile as JSON: {"networks": [NicMapping…]} — the same text `xms profile export`
// writes and `import` reads, so profiles move between workstations.
QJsonObject profileMapping(const QList<NicMapping>& networks);
Result<QList<NicMapping>> profileNetworks(const QJsonObject& mapping);
// Explicit mappings win over the profile's for the same source network.
QList<NicMapping> mergeMappings(const QList<NicMapping>& fromProfile, const QList<NicMapping>& explicitMaps);

// Saving, renaming, exporting and importing profiles, for the wizard, Settings and `xms profile`.
namespace profiles {

Status save(Store& store, const QString& name, const QList<NicMapping>& networks);
// Fails with "usage.exists" when `to` is taken; the profile keeps its mapping.
Status rename(Store& store, const QString& from, const QString& to);
// The profile as the JSON document export writes (its mapping plus its name).
Result<QByteArray> exportJson(const Store& store, const QString& name);
Status exportToFile(const Store& store, const QString& name, const QString& file);

struct Imported
{
    QString name;
    qsizetype mappings = 0;
};
// Reads a file written by export and saves it under `name` (default: the name in the file). A file that
// names no profile fails with "input.profile_unnamed".
Result<Imported> importFile(Store& store, const QString& file, const QString& name = {});

} // namespace profiles
} // namespace xms
