#pragma once

#include "common/error.h"
#include "store/store.h"

#include <QList>
#include <utility>

namespace xms {

// The engine's settings as stored, for editing (the GUI's Settings dialog, `xms settings`): an empty
// staging directory stays empty here, where the engine's own EngineSettings (engine/enginesettings.h)
// resolves it. Kept in the shared store so `xms worker` and `xms settings` see the same values; defaults
// and checks come from the one table in engine/settingkeys.h.
struct StoredSettings
{
    int workerSlots = 0; // load() fills every field, defaults included
    int exportsPerHost = 0; // disk exports at once per ESXi host
    int keepConvertedDays = 0; // a failed job's converted disks are discarded after this (0: never)
    QString stagingDir; // empty: XMS_HOME/staging
    QString virtioWin; // virtio-win ISO for Windows guests
    QString verifyBoot; // "auto" | "always" | "never"

    static StoredSettings load(const Store& store);
    // The checks `xms settings set` makes, so both front ends accept the same values.
    Status validate() const;
    Status save(Store& store) const;

    // One setting by key, as `xms settings set|unset` changes it: a known key and a value its check
    // accepts; an empty value returns it to the default.
    static Status set(Store& store, const QString& key, const QString& value);

private:
    QList<std::pair<const char*, QString>> values() const; // key → value as stored
};

} // namespace xms
