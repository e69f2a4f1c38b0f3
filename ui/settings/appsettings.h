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

    // The keys the engine's preflight reads. `xms worker` still reads the staging directory from the
    // older "staging_dir", so save() writes both until the two agree.
    static constexpr const char* kWorkerSlots = "engine/worker-slots";
    static constexpr const char* kStagingDir = "engine/staging-dir";
    static constexpr const char* kLegacyStagingDir = "staging_dir";
    static constexpr const char* kVirtioWin = "guest/virtio-win";
};

} // namespace xms::ui
