#pragma once

#include "store/store.h"

#include <QList>
#include <utility>

namespace xms::ui {

// The workstation settings the engine reads (engine/settingkeys.h), kept in the shared store so
// `xms worker` and `xms settings` see the same values. Empty means the default.
struct AppSettings
{
    int workerSlots = 2;
    int exportsPerHost = 2; // disk exports at once per ESXi host
    int keepConvertedDays = 7; // a failed job's converted disks are discarded after this (0: never)
    QString stagingDir; // empty: XMS_HOME/staging
    QString virtioWin; // virtio-win ISO for Windows guests

    static AppSettings load(const Store& store);
    // The checks `xms settings set` makes, so both front ends accept the same values.
    Status validate() const;
    Status save(Store& store) const;

private:
    QList<std::pair<const char*, QString>> values() const; // key → value as stored
};

} // namespace xms::ui
