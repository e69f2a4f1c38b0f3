#pragma once

#include <QList>
#include <QString>

namespace xms::settings {

// Keys of the store's settings table that the engine reads. The GUI's Settings dialog and
// `xms settings` write them; every process sharing the store sees the same values.
inline constexpr char kWorkerSlots[] = "engine/worker-slots"; // jobs a worker runs at once (default 2)
inline constexpr char kStagingDir[] = "engine/staging-dir"; // where disks are staged (default XMS_HOME/staging)
inline constexpr char kVirtioWin[] = "guest/virtio-win"; // virtio-win ISO for Windows guests
inline constexpr char kExportsPerHost[] = "engine/exports-per-host"; // concurrent exports per ESXi host (default 2)

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
    };
    return list;
}

} // namespace xms::settings
