#pragma once

#include "common/error.h"
#include "moref.h"

#include <QDateTime>
#include <functional>
#include <optional>

namespace xms::vsphere {

class Session;

// What vCenter's event history says a VM did. A resume from converted disks needs to know whether the VM
// ran since they were exported: its power state now cannot tell a VM that was powered on and off again.
namespace vmevents {

// The first time vm was powered on (VmPoweredOnEvent) after `since`; nullopt when it was not.
void poweredOnSince(Session& session, const MoRef& vm, const QDateTime& since,
                    std::function<void(Result<std::optional<QDateTime>>)> done);

} // namespace vmevents
} // namespace xms::vsphere
