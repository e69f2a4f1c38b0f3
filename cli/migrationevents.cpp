// xms migration events --job ID [--follow] [--output json] — a job's events, optionally live.
#include "cli.h"
#include "commandcontext.h"
#include "jobfollower.h"
#include "migrationcommands.h"

#include <QCoreApplication>

namespace xms::cli::migration {

namespace {

const QCommandLineOption kJob(QStringLiteral("job"), QStringLiteral("Job id or a unique prefix."),
                              QStringLiteral("ID"));
const QCommandLineOption kFollow({QStringLiteral("f"), QStringLiteral("follow")},
                                 QStringLiteral("Keep printing new events until the job ends."));

int events(CommandContext& ctx)
{
    auto job = findJob(ctx, ctx.value(kJob));
    if (!job)
        return report(job.error());
    const auto mode = ctx.json() ? JobFollower::Mode::EventsJson : JobFollower::Mode::Events;
    auto* f = new JobFollower(JobStore(*ctx.store()), job->id, mode, ctx.isSet(kFollow), QCoreApplication::instance());
    f->start();
    return Async;
}

} // namespace

Command eventsCommand()
{
    return {{QStringLiteral("migration"), QStringLiteral("events")},
            QStringLiteral("--job ID [--follow] [--output json]"),
            QStringLiteral("Print a job's events, optionally live"),
            {kJob, kFollow, outputOption()},
            {},
            events};
}

} // namespace xms::cli::migration
