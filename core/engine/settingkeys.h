#pragma once

#include "common/error.h"

#include <QList>
#include <QString>

namespace xms::settings {

// Keys of the store's settings table that the engine reads. The GUI's Settings dialog and
// `xms settings` write them; every process sharing the store sees the same values.
inline constexpr char kWorkerSlots[] = "engine/worker-slots"; // jobs a worker runs at once (default 2)
inline constexpr char kStagingDir[] = "engine/staging-dir"; // where disks are staged (default XMS_HOME/staging)
inline constexpr char kVirtioWin[] = "guest/virtio-win"; // virtio-win ISO for Windows guests
inline constexpr char kExportsPerHost[] = "engine/exports-per-host"; // concurrent exports per ESXi host (default 2)
// Days a failed job's converted disks are kept for a retry (default 7; 0 keeps them until discarded).
inline constexpr char kKeepConvertedDays[] = "engine/keep-converted-days";

struct Known
{
    const char* key;
    const char* help;
};
inline const QList<Known>& known()
{
    static const QList<Known> list = {
        {kWorkerSlots, "Jobs a worker runs at once (1-64, default 2)"},
        {kStagingDir, "Directory for staged disk images (default: XMS_HOME/staging)"},
        {kVirtioWin, "Path of a virtio-win ISO; needed to migrate Windows guests"},
        {kExportsPerHost, "Disk exports at once per ESXi host (1-16, default 2)"},
        {kKeepConvertedDays,
         "Days a failed job keeps its converted disks for a retry (0-365, 0: until discarded; "
         "default 7)"},
    };
    return list;
}

// Whether the engine can use `value` for `key` (a known key): the one check `xms settings set` and the
// GUI's Settings dialog both make. An empty value means the default and is always accepted.
Status check(const QString& key, const QString& value);

} // namespace xms::settings
