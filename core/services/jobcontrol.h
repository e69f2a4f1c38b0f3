#pragma once

#include "common/error.h"
#include "store/jobstore.h"

namespace xms {

// Cancel, Retry and Discard as `xms migration cancel|retry|discard` do them, for every front end.
namespace jobcontrol {

enum class CancelOutcome { CancelledWhileQueued, Requested };
// A queued job nobody holds ends at once; a running one is stopped (and cleaned up) by its worker.
Result<CancelOutcome> cancel(JobStore& jobs, const QString& id);
// A Failed or Cancelled job goes back to the queue, and some worker is made sure to run it.
// Resumes after the conversion when the job kept its converted disks, unless fromStart.
Status retry(JobStore& jobs, const QString& id, bool fromStart = false);
// Frees the converted disks a failed job keeps for a retry (which then starts from Export); the bytes freed.
Result<qint64> discard(JobStore& jobs, const QString& id);

} // namespace jobcontrol
} // namespace xms
