#pragma once

#include <QString>

namespace xms {

class Store;

// The store's settings the engine acts on (engine/settingkeys.h has the keys and their help), read in
// one place and handed to the engine as a value: stages never read the settings table themselves.
// The engine reads them for each job it starts, so a change in Settings or `xms settings set` reaches
// the next job of a running worker, as it always has.
struct EngineSettings
{
    // Defaults come from the settings table (settingkeys.h), never from here.
    QString workerSlots; // as stored: `xms worker` checks it and names a bad value
    QString stagingDir; // staged disk images
    QString virtioWin; // the virtio-win ISO for Windows guests; empty: $VIRTIO_WIN
    QString verifyBoot; // "auto" | "always" | "never"
    int exportsPerHost = 0; // disk exports at once per ESXi host
    int keepConvertedDays = 0; // a failed job's converted disks are kept this long for a retry

    static EngineSettings read(const Store& store);
    // guest/verify-boot decided for this host: always, or auto where KVM works.
    bool bootVerificationOn() const;
};

} // namespace xms
