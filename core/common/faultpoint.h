#pragma once

#include <QStringView>

namespace xms::faultpoint {

// Fault injection for the lab's fault matrix (tests/lab/faults): a process started with
// XMS_FAULT_STOP_AFTER=<event name> stops itself with SIGSTOP right after it stored that event, so a test
// can kill it (-9), pause it past its lease, terminate it or cancel its job at an exact point of a stage —
// not "about then", which races. Fires once per process (a resumed worker is not stopped again). Unset
// (always, outside tests): one cached comparison.
void eventStored(QStringView eventName);

} // namespace xms::faultpoint
