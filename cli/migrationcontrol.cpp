// xms migration cancel|retry|discard ID — job control through the same service as the desktop app.
#include "cli.h"
#include "commandcontext.h"
#include "common/errorcodes.h"
#include "exitcodes.h"
#include "migrationcommands.h"
#include "services/cleanupagain.h"
#include "services/jobcontrol.h"

#include <QCoreApplication>
#include <QTimer>

namespace xms::cli::migration {

namespace {

const QCommandLineOption kFromStart(QStringLiteral("from-start"),
                                    QStringLiteral("Export and convert again instead of resuming with the "
                                                   "converted disks a failed job kept."));
const Positional kId {QStringLiteral("ID"), QStringLiteral("Job id or a unique prefix.")};

// The one positional job ID: finds the job in the store (opened once), then acts.
int onJob(CommandContext& ctx, const std::function<int(JobStore& jobs, const JobRecord& job)>& act)
{
    const QString id = ctx.positional().value(0);
    if (id.isEmpty())
        return report(Error::make(errc::kUsageMissing, QStringLiteral("Give the job id (see 'xms migration list').")));
    auto& store = ctx.store();
    if (!store)
        return report(store.error());
    JobStore jobs(*store);
    auto job = jobs.job(id);
    if (!job)
        return report(job.error());
    return act(jobs, *job);
}

int cancel(CommandContext& ctx)
{
    return onJob(ctx, [](JobStore& jobs, const JobRecord& job) {
        const auto outcome = jobcontrol::cancel(jobs, job.id);
        if (!outcome)
            return report(outcome.error());
        if (*outcome == jobcontrol::CancelOutcome::CancelledWhileQueued)
            out() << "Cancelled job " << job.id << " (it had not started)." << Qt::endl;
        else
            out() << "Cancel requested for job " << job.id << "; its worker stops it and removes what it created."
                  << Qt::endl;
        return exit::Ok;
    });
}

int retry(CommandContext& ctx)
{
    const bool fromStart = ctx.isSet(kFromStart);
    return onJob(ctx, [fromStart](JobStore& jobs, const JobRecord& job) {
        if (auto r = jobcontrol::retry(jobs, job.id, fromStart); !r)
            return report(r.error());
        const bool resumes = !fromStart && !job.checkpoint.isEmpty();
        out() << "Job " << job.id << " is queued again (attempt " << job.attempt + 1 << ")"
              << (resumes ? "; it resumes with the disks it converted before, if they are unchanged." : ".")
              << Qt::endl;
        return exit::Ok;
    });
}

int discard(CommandContext& ctx)
{
    return onJob(ctx, [](JobStore& jobs, const JobRecord& job) {
        const auto freed = jobcontrol::discard(jobs, job.id);
        if (!freed)
            return report(freed.error());
        out() << "Discarded the converted disks of job " << job.id << " (" << (*freed >> 20)
              << " MiB freed); a retry starts from Export." << Qt::endl;
        return exit::Ok;
    });
}

int cleanup(CommandContext& ctx)
{
    return onJob(ctx, [](JobStore& jobs, const JobRecord& job) {
        // From the event loop: a finish() before QCoreApplication::exec() runs would be ignored.
        QTimer::singleShot(0, QCoreApplication::instance(), [jobs, id = job.id] {
            jobcontrol::cleanupAgain(jobs, id, QCoreApplication::instance(), [id](Result<int> left) {
                if (!left)
                    return finish(report(left.error()));
                if (*left == 0)
                    out() << "Nothing job " << id << " created is left in Xloud." << Qt::endl;
                finish(exit::Ok);
            });
        });
        return Async;
    });
}

} // namespace

Command cleanupCommand()
{
    return {{QStringLiteral("migration"), QStringLiteral("cleanup")},
            QStringLiteral("ID"),
            QStringLiteral("Run a failed or cancelled job's cleanup again (deletes what it left in Xloud)"),
            {},
            {kId},
            cleanup};
}

Command cancelCommand()
{
    return {{QStringLiteral("migration"), QStringLiteral("cancel")},
            QStringLiteral("ID"),
            QStringLiteral("Cancel a job; what it created is deleted"),
            {},
            {kId},
            cancel};
}

Command retryCommand()
{
    return {{QStringLiteral("migration"), QStringLiteral("retry")},
            QStringLiteral("ID [--from-start]"),
            QStringLiteral("Queue a failed or cancelled job again"),
            {kFromStart},
            {kId},
            retry};
}

Command discardCommand()
{
    return {{QStringLiteral("migration"), QStringLiteral("discard")},
            QStringLiteral("ID"),
            QStringLiteral("Free the converted disks a failed job keeps for a retry"),
            {},
            {kId},
            discard};
}

} // namespace xms::cli::migration
