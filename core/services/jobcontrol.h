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

// Jobs that wait for a worker that is not there: queued with no live worker, or owned by one whose lease
// expired (it died, or its machine was suspended). When there are such jobs and no live worker, one is
// started — recovery then cleans up or completes each, so nothing waits for a worker to happen to start.
struct StallCheck
{
    QStringList ownerLost; // jobs whose owner's lease expired
    int queued = 0;
    bool startedWorker = false;
};
Result<StallCheck> recoverStalled(const JobStore& jobs);

} // namespace jobcontrol
} // namespace xms
