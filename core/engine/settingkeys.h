#pragma once

#include "common/error.h"

#include <QList>
#include <QString>

namespace xms {
class Store;
}

namespace xms::settings {

// Keys of the store's settings table that the engine reads. The GUI's Settings dialog and
// `xms settings` write them; every process sharing the store sees the same values.
inline constexpr char kWorkerSlots[] = "engine/worker-slots"; // jobs a worker runs at once (default 2)
inline constexpr char kStagingDir[] = "engine/staging-dir"; // where disks are staged (default XMS_HOME/staging)
inline constexpr char kVirtioWin[] = "guest/virtio-win"; // virtio-win ISO for Windows guests
// Boot the converted guest locally before anything goes to Xloud: auto (when KVM works) | always | never.
inline constexpr char kVerifyBoot[] = "guest/verify-boot";
inline constexpr char kExportsPerHost[] = "engine/exports-per-host"; // concurrent exports per ESXi host (default 2)
// Days a failed job's converted disks are kept for a retry (default 7; 0 keeps them until discarded).
inline constexpr char kKeepConvertedDays[] = "engine/keep-converted-days";

// The one table of settings: key, help, default and (for numbers) the accepted range. Everything that
// reads or writes a setting goes through it, so no front end or stage has its own default.
struct Known
{
    const char* key;
    const char* help;
    const char* defaultValue; // nullptr: computed (the staging directory) or none (virtio-win)
    int low = 0; // low == high == 0: not a number
    int high = 0;
    bool isNumber() const { return low != 0 || high != 0; }
};
const QList<Known>& known();
const Known* find(const QString& key);

// The default of a known key ("" when it has none).
QString defaultValue(const QString& key);
// The stored value, or the default when none is stored.
QString value(const Store& store, const char* key);
// A number setting: the stored value when it is valid, else the default.
int intValue(const Store& store, const char* key);

// Whether the engine can use `value` for `key` (a known key): the one check `xms settings set` and the
// GUI's Settings dialog both make. An empty value means the default and is always accepted.
Status check(const QString& key, const QString& value);

} // namespace xms::settings
