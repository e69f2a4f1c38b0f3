#pragma once

#include "common/error.h"
#include "moref.h"

#include <QObject>
#include <functional>

namespace xms::vsphere {

class Session;

// Powers one VM on: PowerOnVM_Task, then waits for the task (task.h). The counterpart of PowerOff, for a
// cancelled job that gives the source back as it found it. A VM that is already on fails with
// "vsphere.invalid_power_state" like any refused task; the caller decides what that means.
class PowerOn
{
public:
    using Done = std::function<void(Status)>;
    // `session` must be open. Stops waiting (done is not called) when context is destroyed.
    static void start(Session& session, const MoRef& vm, QObject* context, Done done);
};

} // namespace xms::vsphere
