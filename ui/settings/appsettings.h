#pragma once

#include "store/store.h"

namespace xms::ui {

// The workstation settings, kept in the shared store so `xms worker` sees the same values. One place
// names the keys and defaults.
struct AppSettings
{
    int workerSlots = 2;
    QString stagingDir; // empty: paths::stagingDir()
    QString virtioWin; // virtio-win ISO for Windows guests

    static AppSettings load(const Store& store);
    Status save(Store& store) const;

    static constexpr const char* kWorkerSlots = "worker_slots";
    static constexpr const char* kStagingDir = "staging_dir";
    static constexpr const char* kVirtioWin = "virtio_win";
};

} // namespace xms::ui
