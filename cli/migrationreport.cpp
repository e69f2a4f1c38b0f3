// xms migration report ID [--output text|json|html] [--file F] — a job's migration report.
#include "cli.h"
#include "commandcontext.h"
#include "exitcodes.h"
#include "migrationcommands.h"
#include "services/reportrender.h"
#include "store/jobstore.h"

namespace xms::cli::migration {

namespace {

const QCommandLineOption kOutput(QStringLiteral("output"),
                                 QStringLiteral("Report format: text (default), json, or html (self-contained, "
                                                "printable)."),
                                 QStringLiteral("FORMAT"), QStringLiteral("text"));
const QCommandLineOption kFile(QStringLiteral("file"),
                               QStringLiteral("Write the report to F instead of standard output (replaced whole, or "
                                              "left as it was when it cannot be written)."),
                               QStringLiteral("F"));

int runReport(CommandContext& ctx)
{
    if (ctx.positional().size() > 1)
        return ctx.usage(QStringLiteral("give one job ID."));
    auto job = findJob(ctx, {});
    if (!job)
        return report(job.error());
    auto built = MigrationReport::load(JobStore(*ctx.store()), job->id);
    if (!built)
        return report(built.error());
    const auto format = ReportRenderer::formatFromKey(ctx.output()).value_or(ReportRenderer::Format::Text);
    if (ctx.isSet(kFile)) {
        const QString path = ctx.value(kFile);
        if (path.isEmpty())
            return ctx.usage(QStringLiteral("--file needs a file name."));
        if (auto saved = ReportRenderer::save(*built, format, path); !saved)
            return report(saved.error());
        err() << "Wrote the report of job " << job->id.left(8) << " to " << path << Qt::endl;
        return exit::Ok;
    }
    out() << QString::fromUtf8(ReportRenderer::render(*built, format));
    out().flush();
    return exit::Ok;
}

} // namespace

Command reportCommand()
{
    Command c {{QStringLiteral("migration"), QStringLiteral("report")},
               QStringLiteral("ID [--output text|json|html] [--file F]"),
               QStringLiteral("A job's migration report: source VM, preflight, stage timeline, guest changes, "
                              "integrity, resources, events"),
               {kOutput, kFile},
               {{QStringLiteral("ID"), QStringLiteral("Job id or a unique prefix of it.")}},
               runReport};
    c.outputFormats << QStringLiteral("html");
    return c;
}

} // namespace xms::cli::migration
