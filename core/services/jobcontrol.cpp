#include "jobcontrol.h"

#include "common/errorcodes.h"
#include "common/text.h"
#include "engine/keptstaging.h"
#include "engine/workerlauncher.h"

#include <QCoreApplication>

namespace xms::jobcontrol {

Result<CancelOutcome> cancel(JobStore& jobs, const QString& id)
{
    auto job = jobs.job(id);
    if (!job)
        return std::unexpected(job.error());
    if (isTerminal(job->stage))
        return fail(errc::kUsageJobEnded,
                    Text::translate("JobControl", "Job %1 already ended (%2); nothing to cancel.")
                        .toString()
                        .arg(job->id.left(8), stageName(job->stage)));
    if (auto r = jobs.requestCancel(job->id); !r)
        return std::unexpected(r.error());
    // A queued job that no worker holds yet ends right here; a running one is stopped by its worker.
    if (job->stage == Stage::Queued && job->owner.isEmpty()) {
        auto taken = jobs.claim(job->id, QStringLiteral("desktop-cancel"));
        if (taken && *taken) {
            const Text status = Text::translate("JobControl", "Cancelled while queued");
            if (auto r = jobs.setEnded(**taken, Stage::Cancelled, Stage::Queued, {}, status); !r)
                return std::unexpected(r.error());
            return CancelOutcome::CancelledWhileQueued;
        }
    }
    return CancelOutcome::Requested;
}

Status retry(JobStore& jobs, const QString& id, bool fromStart)
{
    auto job = jobs.job(id);
    if (!job)
        return std::unexpected(job.error());
    if (job->stage != Stage::Failed && job->stage != Stage::Cancelled)
        return fail(errc::kUsageRetry,
                    Text::translate("JobControl",
                                    "Only a Failed or Cancelled job can be retried; job %1 "
                                    "is %2.")
                        .toString()
                        .arg(job->id.left(8), stageName(job->stage)));
    if (auto r = jobs.requeue(job->id, fromStart); !r)
        return r;
    if (auto w = WorkerLauncher::ensureRunning(jobs); !w)
        return std::unexpected(w.error());
    return {};
}

Result<qint64> discard(JobStore& jobs, const QString& id)
{
    return discardKeptStaging(jobs, id);
}

Result<StallCheck> recoverStalled(const JobStore& jobs)
{
    StallCheck c;
    auto lost = jobs.orphaned();
    if (!lost)
        return std::unexpected(lost.error());
    c.ownerLost = *lost;
    auto queued = jobs.queued();
    if (!queued)
        return std::unexpected(queued.error());
    c.queued = int(queued->size());
    if (c.ownerLost.isEmpty() && c.queued == 0)
        return c;
    auto started = WorkerLauncher::ensureRunning(jobs);
    if (!started)
        return std::unexpected(started.error());
    c.startedWorker = *started;
    return c;
}

} // namespace xms::jobcontrol
