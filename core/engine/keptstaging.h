#pragma once

#include "common/error.h"
#include "store/jobstore.h"

namespace xms {

// The converted disks a failed job keeps for a retry (engine/checkpoint.h) can be tens of GiB. They go
// when the job is retried from the start, when the operator discards them, or after a few days unused.

// Removes a Failed or Cancelled job's kept disks (its staging directory) and forgets the checkpoint;
// records "staging.discarded" with `why` (default: the operator discarded them) on the job. Returns the
// bytes freed. A running or queued job, or one that keeps nothing, is refused with a message that says so.
Result<qint64> discardKeptStaging(JobStore& jobs, const QString& idOrPrefix, const QString& why = {});

// Discards what failed jobs kept longer than maxAgeDays after they ended (0: never). Returns how many.
int sweepKeptStaging(JobStore& jobs, int maxAgeDays);

} // namespace xms
