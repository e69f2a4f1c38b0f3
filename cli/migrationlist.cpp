// xms migration list|show — the jobs of the shared store, as a table, a page or JSON.
#include "cli.h"
#include "commandcontext.h"
#include "common/errorcodes.h"
#include "exitcodes.h"
#include "migrationcommands.h"
#include "store/jobstore.h"

#include <QJsonArray>
#include <QJsonObject>

namespace xms::cli::migration {

namespace {

QJsonObject jobJson(const JobRecord& j)
{
    QJsonObject stages;
    for (Stage s : workStages()) {
        const StageProgress p = j.progress.value(s);
        stages.insert(stageKey(s),
                      QJsonObject {{QStringLiteral("percent"), p.percent},
                                   {QStringLiteral("bytes_done"), p.bytesDone},
                                   {QStringLiteral("bytes_total"), p.bytesTotal}});
    }
    QJsonObject o {{QStringLiteral("id"), j.id},
                   {QStringLiteral("stage"), stageKey(j.stage)},
                   {QStringLiteral("status"), j.statusText},
                   {QStringLiteral("attempt"), j.attempt},
                   {QStringLiteral("host"), j.workerHost},
                   {QStringLiteral("spec"), j.spec},
                   {QStringLiteral("stages"), stages},
                   {QStringLiteral("bytes_transferred"), j.bytesTransferred},
                   {QStringLiteral("bytes_total"), j.bytesTotal},
                   {QStringLiteral("created_at"), j.createdAt.toString(Qt::ISODate)},
                   {QStringLiteral("finished_at"), j.finishedAt.toString(Qt::ISODate)}};
    if (j.stage == Stage::Failed || j.stage == Stage::Cancelled)
        o.insert(QStringLiteral("failed_stage"), stageKey(j.failedStage));
    if (!j.error.isEmpty())
        o.insert(QStringLiteral("error"), j.error);
    if (!j.result.isEmpty())
        o.insert(QStringLiteral("result"), j.result);
    return o;
}

int overallPercent(const JobRecord& j)
{
    if (j.stage == Stage::Completed)
        return 100;
    int sum = 0;
    for (Stage s : workStages())
        sum += j.progress.value(s).percent;
    return sum / int(workStages().size());
}

int list(CommandContext& ctx)
{
    auto& store = ctx.store();
    if (!store)
        return report(store.error());
    auto all = JobStore(*store).jobs();
    if (!all)
        return report(all.error());
    if (ctx.json()) {
        QJsonArray arr;
        for (const JobRecord& j : *all)
            arr.append(jobJson(j));
        printJson(arr);
        return exit::Ok;
    }
    if (all->isEmpty()) {
        out() << "No migration jobs yet. Submit one with 'xms migration submit --help'." << Qt::endl;
        return exit::Ok;
    }
    out() << QStringLiteral("%1 %2 %3 %4 %5 %6")
                 .arg(QStringLiteral("ID"), -9)
                 .arg(QStringLiteral("VM"), -22)
                 .arg(QStringLiteral("TARGET"), -28)
                 .arg(QStringLiteral("STAGE"), -13)
                 .arg(QStringLiteral("PROGRESS"), -9)
                 .arg(QStringLiteral("STATUS"))
          << '\n';
    for (const JobRecord& j : *all) {
        const QString target = j.spec.value(u"project").toString() + u'/' + j.spec.value(u"instance_name").toString();
        out() << QStringLiteral("%1 %2 %3 %4 %5 %6")
                     .arg(j.id.left(8), -9)
                     .arg(j.spec.value(u"vm").toString(), -22)
                     .arg(target, -28)
                     .arg(stageName(j.stage), -13)
                     .arg(QStringLiteral("%1%").arg(overallPercent(j)), -9)
                     .arg(j.statusText)
              << '\n';
    }
    out().flush();
    return exit::Ok;
}

void printJob(const JobRecord& j)
{
    QTextStream& o = out();
    o << "Job:        " << j.id << " (attempt " << j.attempt << ")\n"
      << "VM:         " << j.spec.value(u"vm").toString() << " on " << j.spec.value(u"source").toString() << '\n'
      << "Target:     " << j.spec.value(u"cloud").toString() << " / " << j.spec.value(u"project").toString() << " / "
      << j.spec.value(u"instance_name").toString() << " (" << j.spec.value(u"flavor").toString() << ", "
      << j.spec.value(u"volume_type").toString() << ")\n"
      << "Stage:      " << stageName(j.stage);
    if (j.stage == Stage::Failed || j.stage == Stage::Cancelled)
        o << " during " << stageName(j.failedStage);
    o << "\nStatus:     " << j.statusText << '\n';
    if (!j.workerHost.isEmpty())
        o << "Host:       " << j.workerHost << (j.owner.isEmpty() ? QString() : u" (worker " + j.owner + u')') << '\n';
    for (Stage s : workStages()) {
        const StageProgress sp = j.progress.value(s);
        o << "  " << stageName(s).leftJustified(13) << QStringLiteral("%1%").arg(sp.percent, 4);
        if (sp.bytesTotal > 0)
            o << QStringLiteral("  %1 / %2 MiB").arg(sp.bytesDone >> 20).arg(sp.bytesTotal >> 20);
        o << '\n';
    }
    if (!j.error.isEmpty())
        o << "Error:      " << j.error.value(u"message").toString() << '\n';
    if (!j.result.isEmpty())
        o << "Instance:   " << j.result.value(u"server_id").toString() << '\n';
    if (j.stage == Stage::Completed)
        o << "\nThe source VM stays powered off in vSphere. Do not power it on while the migrated instance runs: "
             "both share hostname, MAC addresses and disk UUIDs.\n";
    o.flush();
}

int show(CommandContext& ctx)
{
    auto job = findJob(ctx, {});
    if (!job)
        return report(job.error());
    if (ctx.json())
        printJson(jobJson(*job));
    else
        printJob(*job);
    return exit::Ok;
}

} // namespace

Result<JobRecord> findJob(CommandContext& ctx, const QString& flagValue)
{
    const QString id = !flagValue.isEmpty() ? flagValue : ctx.positional().value(0);
    if (id.isEmpty())
        return fail(errc::kUsageMissing, QStringLiteral("Give the job id (see 'xms migration list')."));
    auto& store = ctx.store();
    if (!store)
        return std::unexpected(store.error());
    return JobStore(*store).job(id);
}

Command listCommand()
{
    return {{QStringLiteral("migration"), QStringLiteral("list")},
            QStringLiteral("[--output json]"),
            QStringLiteral("List migration jobs"),
            {outputOption()},
            {},
            list};
}

Command showCommand()
{
    return {{QStringLiteral("migration"), QStringLiteral("show")},
            QStringLiteral("ID [--output json]"),
            QStringLiteral("Show one job"),
            {outputOption()},
            {{QStringLiteral("ID"), QStringLiteral("Job id or a unique prefix of it.")}},
            show};
}

} // namespace xms::cli::migration
