#pragma once

#include "common/error.h"
#include "store/jobstore.h"

namespace xms {

// Makes sure some process will run queued jobs: when no worker has a fresh heartbeat, starts
// `xms worker --until-idle` in its own session (it outlives the CLI call or the GUI that asked, and
// exits when the queue is empty). Two racing launches are harmless: claims are atomic.
class WorkerLauncher
{
public:
    // Path of the `xms` executable: $XMS_CLI, else `xms` next to the running program.
    static QString cliPath();
    static Result<bool> ensureRunning(const JobStore& jobs); // true when it started one
};

} // namespace xms
