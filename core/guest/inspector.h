#pragma once

#include "common/error.h"
#include "guest/guestinfo.h"

#include <QString>
#include <QStringList>
#include <atomic>
#include <chrono>
#include <functional>
#include <mutex>

namespace xms {

struct InspectRequest
{
    QStringList disks; // the VM's staging images, in its disk order; opened read-only
    QString format = QStringLiteral("raw"); // of every disk
    Firmware vmFirmware = Firmware::Unknown; // the source VM's setting, cross-checked with the layout
    bool requireOs = true; // false: a disk set without an OS is a result (roots empty), not guest.no_os
    QString logFile; // optional: libguestfs' messages are appended here
    // A libguestfs call cannot time out by itself, and under TCG on an overloaded host the appliance has
    // been seen to hang for good while booting. Past these limits the appliance is killed and the whole
    // inspection (read-only) runs once more; a second overrun is guest.appliance_stalled. Measured: launch
    // 12-40 s, the rest under a minute for a Linux guest under TCG.
    std::chrono::milliseconds launchTimeout = std::chrono::minutes(5);
    std::chrono::milliseconds inspectTimeout = std::chrono::minutes(10);
};

// Lets another thread stop an inspection: sets the flag and kills the appliance (QEMU), which makes the
// libguestfs call in progress fail at once. Shared by the worker and whoever cancels.
class InspectControl
{
public:
    void cancel();
    bool isCancelled() const { return m_cancelled.load(); }

    // Called by the worker: the appliance's QEMU is the child of this process whose command line
    // contains `marker` (the handle's private temporary directory).
    void setApplianceMarker(const QString& marker);
    // Kills the current appliance without cancelling (the watchdog's tool): the call in progress fails.
    void killAppliance();

private:
    std::atomic_bool m_cancelled {false};
    std::mutex m_mutex;
    QString m_marker;
};

using InspectProgressFn = std::function<void(int percent, const QString& message)>;

// Inspects a VM's disks with one libguestfs appliance. Blocks for ~20-40 s under TCG (more the first time,
// when the appliance is built): call it on a worker thread (InspectStage does).
Result<GuestInfo> inspectDisks(const InspectRequest& request, InspectControl& control,
                               const InspectProgressFn& progress);

} // namespace xms
