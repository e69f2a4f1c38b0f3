// xms migration submit|list|show|events|cancel|retry — the commands from Xloud's docs, on the shared store.
#include "cli.h"
#include "commands.h"
#include "engine/keptstaging.h"
#include "engine/migrationspec.h"
#include "engine/networkmap.h"
#include "engine/preflight.h"
#include "engine/profiles.h"
#include "engine/workerlauncher.h"
#include "exitcodes.h"
#include "jobfollower.h"
#include "services/jobcontrol.h"
#include "store/jobstore.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <functional>

namespace xms::cli {

namespace {

// The cloud to use: the one named, else the only one registered.
Result<QString> resolveCloud(const Store& store, const QString& named)
{
    if (!named.isEmpty()) {
        if (auto c = store.cloud(named); !c)
            return std::unexpected(c.error());
        return named;
    }
    const auto clouds = store.clouds();
    if (!clouds)
        return std::unexpected(clouds.error());
    if (clouds->size() == 1)
        return clouds->first().name;
    if (clouds->isEmpty())
        return fail(QStringLiteral("cloud.not_found"),
                    QStringLiteral("No Xloud cloud is registered. Add one with 'xms cloud create NAME --auth-url URL "
                                   "--user U --password-stdin', then submit again."));
    QStringList names;
    for (const CloudRecord& c : *clouds)
        names.append(c.name);
    return fail(QStringLiteral("usage.cloud"),
                QStringLiteral("Several clouds are registered (%1): choose one with --cloud.").arg(names.join(u", ")));
}

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

int follow(const JobStore& jobs, const QString& id, JobFollower::Mode mode, bool keepFollowing)
{
    auto* f = new JobFollower(jobs, id, mode, keepFollowing, QCoreApplication::instance());
    f->start();
    return Async;
}

// The flags that describe migrations — shared by `migration submit` and `preflight`.
struct SpecOptions
{
    QCommandLineOption source {QStringLiteral("source"), QStringLiteral("Source environment (vCenter/ESXi)."),
                               QStringLiteral("NAME")};
    QCommandLineOption vm {QStringLiteral("vm"), QStringLiteral("VM to migrate; repeat for several VMs."),
                           QStringLiteral("VM")};
    QCommandLineOption kind {QStringLiteral("kind"), QStringLiteral("Migration kind: cold."), QStringLiteral("KIND"),
                             QStringLiteral("cold")};
    QCommandLineOption cloud {QStringLiteral("cloud"), QStringLiteral("Xloud cloud (default: the only one)."),
                              QStringLiteral("NAME")};
    QCommandLineOption project {QStringLiteral("target-project"), QStringLiteral("Target Xloud project."),
                                QStringLiteral("PROJECT")};
    QCommandLineOption instance {QStringLiteral("instance-name"),
                                 QStringLiteral("Instance name (default: the VM name, made valid)."),
                                 QStringLiteral("NAME")};
    QCommandLineOption flavor {QStringLiteral("flavor"), QStringLiteral("Xloud flavor."), QStringLiteral("FLAVOR")};
    QCommandLineOption volumeType {QStringLiteral("volume-type"), QStringLiteral("Volume type for the disks."),
                                   QStringLiteral("TYPE")};
    QCommandLineOption az {QStringLiteral("availability-zone"), QStringLiteral("Optional availability zone."),
                           QStringLiteral("AZ")};
    QCommandLineOption netmap {QStringLiteral("network-map"),
                               QStringLiteral("SOURCE=NETWORK[/SUBNET][,keep-mac]; repeat per source network."),
                               QStringLiteral("MAP")};
    QCommandLineOption profile {QStringLiteral("network-profile"),
                                QStringLiteral("Saved network mapping profile (explicit --network-map wins)."),
                                QStringLiteral("NAME")};
    QCommandLineOption macFallback {QStringLiteral("mac-fallback"),
                                    QStringLiteral("When a MAC cannot be kept: new-mac (default, with a warning) or "
                                                   "fail."),
                                    QStringLiteral("POLICY"), QStringLiteral("new-mac")};
    QCommandLineOption noStart {QStringLiteral("no-start"), QStringLiteral("Leave the instance shut off.")};
    QCommandLineOption keep {QStringLiteral("keep-on-failure"),
                             QStringLiteral("Keep created resources when the job fails (debugging).")};
    QCommandLineOption powerOn {QStringLiteral("power-on-source-on-cancel"),
                                QStringLiteral("If the job is cancelled after it powered the source VM off, power it "
                                               "on again.")};

    void addTo(QCommandLineParser& p) const
    {
        p.addOptions({source, vm, kind, cloud, project, instance, flavor, volumeType, az, netmap, profile, macFallback,
                      noStart, keep, powerOn});
    }

    // Every spec checked before anything happens: a bad input changes nothing. `complete`: all target
    // fields required (submit); otherwise target fields may be missing (source-only preflight).
    Result<QList<MigrationSpec>> build(const QCommandLineParser& p, const Store& store, bool complete) const
    {
        const QStringList vms = p.values(vm);
        if (vms.isEmpty())
            return fail(QStringLiteral("usage.missing"), QStringLiteral("--vm is required."));
        if (!p.isSet(source))
            return fail(QStringLiteral("usage.missing"), QStringLiteral("--source is required."));
        if (vms.size() > 1 && p.isSet(instance))
            return fail(QStringLiteral("usage.instance_name"),
                        QStringLiteral("--instance-name works with one --vm only; each VM's instance is named "
                                       "after it."));
        if (p.value(macFallback) != u"new-mac" && p.value(macFallback) != u"fail")
            return fail(QStringLiteral("usage.mac_fallback"),
                        QStringLiteral("--mac-fallback must be new-mac or fail."));
        auto maps = parseNetworkMaps(p.values(netmap));
        if (!maps)
            return std::unexpected(maps.error());
        if (auto env = store.environment(p.value(source)); !env)
            return std::unexpected(env.error());
        QList<NicMapping> networks = *maps;
        if (p.isSet(profile)) {
            auto prof = store.profile(p.value(profile));
            if (!prof)
                return std::unexpected(prof.error());
            auto fromProfile = profileNetworks(prof->mapping);
            if (!fromProfile)
                return std::unexpected(fromProfile.error());
            networks = mergeMappings(*fromProfile, networks);
        }
        QString cloudName;
        if (complete || p.isSet(cloud) || p.isSet(project)) {
            auto resolved = resolveCloud(store, p.value(cloud));
            if (!resolved)
                return std::unexpected(resolved.error());
            cloudName = *resolved;
        }
        QList<MigrationSpec> specs;
        for (const QString& v : vms) {
            MigrationSpec s;
            s.kind = p.value(kind);
            s.source = p.value(source);
            s.vm = v;
            s.cloud = cloudName;
            s.project = p.value(project);
            s.instanceName = p.value(instance);
            s.flavor = p.value(flavor);
            s.volumeType = p.value(volumeType);
            s.availabilityZone = p.value(az);
            s.networks = networks;
            s.startInstance = !p.isSet(noStart);
            s.macFallback = p.value(macFallback) == u"fail" ? MigrationSpec::MacFallback::Fail
                                                            : MigrationSpec::MacFallback::GenerateNew;
            s.keepResourcesOnFailure = p.isSet(keep);
            s.powerOnSourceOnCancel = p.isSet(powerOn);
            if (complete)
                if (auto ok = s.validate(); !ok)
                    return std::unexpected(ok.error());
            specs.append(s);
        }
        return specs;
    }
};

QString formatMinutes(qint64 seconds)
{
    return seconds < 90 ? QStringLiteral("~%1 s").arg(seconds) : QStringLiteral("~%1 min").arg((seconds + 30) / 60);
}

void printReport(const PreflightReport& r)
{
    out() << r.vm << ": " << verdictName(r.verdict);
    if (r.estimate)
        out() << " (estimated runtime " << formatMinutes(r.estimate->seconds) << ", from " << r.estimate->basis << ')';
    out() << Qt::endl;
    for (const PreflightCheck& c : r.checks) {
        out() << "  [" << verdictName(c.verdict) << "] " << c.category << ": " << c.message << Qt::endl;
        if (!c.fix.isEmpty() && c.verdict != Verdict::Pass)
            out() << "         fix: " << c.fix << Qt::endl;
    }
}

// Runs preflight for each spec in turn (one at a time: each opens its own sessions), then calls done.
void preflightAll(std::shared_ptr<Store> store, QList<MigrationSpec> specs,
                  std::shared_ptr<QList<PreflightReport>> reports,
                  std::function<void(Result<QList<PreflightReport>>)> done)
{
    if (specs.isEmpty())
        return done(*reports);
    const MigrationSpec s = specs.takeFirst();
    runPreflight(*store, s, QCoreApplication::instance(), [=](Result<PreflightReport> r) {
        if (!r)
            return done(std::unexpected(r.error()));
        reports->append(*r);
        preflightAll(store, specs, reports, done);
    });
}

int submit(const QStringList& args, const Command& cmd)
{
    QCommandLineParser p;
    SpecOptions o;
    o.addTo(p);
    const QCommandLineOption wait(QStringLiteral("wait"), QStringLiteral("Show live progress until the job ends."));
    const QCommandLineOption skip(QStringLiteral("skip-preflight"),
                                  QStringLiteral("Submit without the preflight checks (a Block then fails the job "
                                                 "later instead)."));
    p.addOptions({wait, skip, outputOption()});
    if (auto stop = parse(p, args, cmd))
        return *stop;
    bool json = false;
    if (auto stop = checkOutput(p, json))
        return *stop;
    if (!p.positionalArguments().isEmpty()) {
        err() << "xms migration submit: unexpected argument '" << p.positionalArguments().first()
              << "'. Give VMs with --vm." << Qt::endl;
        return exit::Usage;
    }
    auto opened = Store::openDefault();
    if (!opened)
        return report(opened.error());
    auto store = std::make_shared<Store>(*opened);
    auto specs = o.build(p, *store, true);
    if (!specs)
        return report(specs.error());

    const bool follow_ = p.isSet(wait);
    // diskBytes: VM name → its disks, from preflight (empty with --skip-preflight).
    auto enqueue = [store, json, follow_](const QList<MigrationSpec>& all, const QHash<QString, qint64>& diskBytes) {
        JobStore jobs(*store);
        QJsonArray created;
        QString lastId;
        for (const MigrationSpec& s : all) {
            auto job = jobs.create(s.toJson(), diskBytes.value(s.vm));
            if (!job)
                return finish(report(job.error()));
            lastId = job->id;
            created.append(QJsonObject {{QStringLiteral("id"), job->id}, {QStringLiteral("vm"), s.vm}});
            if (!json)
                out() << "Submitted job " << job->id << " (" << s.vm << " → " << s.project << '/'
                      << s.effectiveInstanceName() << "): Queued" << Qt::endl;
        }
        if (auto w = WorkerLauncher::ensureRunning(jobs); !w)
            return finish(report(w.error()));
        if (json) {
            printJson(created);
            return finish(exit::Ok);
        }
        if (follow_ && created.size() == 1) {
            (new JobFollower(jobs, lastId, JobFollower::Mode::Progress, true, QCoreApplication::instance()))->start();
            return;
        }
        out() << "Follow it with: xms migration events --job " << lastId.left(8) << " --follow" << Qt::endl;
        finish(exit::Ok);
    };
    if (p.isSet(skip)) {
        enqueue(*specs, {});
        return Async;
    }
    preflightAll(store, *specs, std::make_shared<QList<PreflightReport>>(),
                 [=, all = *specs](Result<QList<PreflightReport>> reports) {
                     if (!reports)
                         return finish(report(reports.error()));
                     bool blocked = false;
                     QHash<QString, qint64> diskBytes;
                     for (const PreflightReport& r : *reports) {
                         if (r.estimate)
                             diskBytes.insert(r.vm, r.estimate->diskBytes);
                         if (r.estimate && !json)
                             out() << "Preflight " << r.vm << ": " << verdictName(r.verdict) << ", estimated runtime "
                                   << formatMinutes(r.estimate->seconds) << Qt::endl;
                         if (r.verdict == Verdict::Pass)
                             continue;
                         QTextStream& stream = r.verdict == Verdict::Block ? err() : out();
                         stream << "Preflight " << r.summary() << Qt::endl;
                         for (const PreflightCheck& c : r.failing())
                             if (!c.fix.isEmpty())
                                 stream << "  fix: " << c.fix << Qt::endl;
                         blocked = blocked || r.verdict == Verdict::Block;
                     }
                     if (blocked) {
                         err() << "xms migration submit: preflight blocked the migration; no job was created."
                               << Qt::endl;
                         return finish(exit::Failed);
                     }
                     enqueue(all, diskBytes);
                 });
    return Async;
}

// xms preflight --source S --vm V [target flags] [--output json]
int preflight(const QStringList& args, const Command& cmd)
{
    QCommandLineParser p;
    SpecOptions o;
    o.addTo(p);
    p.addOption(outputOption());
    if (auto stop = parse(p, args, cmd))
        return *stop;
    bool json = false;
    if (auto stop = checkOutput(p, json))
        return *stop;
    auto opened = Store::openDefault();
    if (!opened)
        return report(opened.error());
    auto store = std::make_shared<Store>(*opened);
    auto specs = o.build(p, *store, false);
    if (!specs)
        return report(specs.error());
    preflightAll(store, *specs, std::make_shared<QList<PreflightReport>>(),
                 [json](Result<QList<PreflightReport>> reports) {
                     if (!reports)
                         return finish(report(reports.error()));
                     bool blocked = false;
                     QJsonArray arr;
                     for (const PreflightReport& r : *reports) {
                         blocked = blocked || r.verdict == Verdict::Block;
                         if (json)
                             arr.append(r.toJson());
                         else
                             printReport(r);
                     }
                     if (json)
                         printJson(arr);
                     finish(blocked ? exit::Failed : exit::Ok);
                 });
    return Async;
}

int list(const QStringList& args, const Command& cmd)
{
    QCommandLineParser p;
    p.addOption(outputOption());
    if (auto stop = parse(p, args, cmd))
        return *stop;
    bool json = false;
    if (auto stop = checkOutput(p, json))
        return *stop;
    auto store = Store::openDefault();
    if (!store)
        return report(store.error());
    auto all = JobStore(*store).jobs();
    if (!all)
        return report(all.error());
    if (json) {
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

Result<JobRecord> findJob(const QCommandLineParser& p, const QString& flagValue)
{
    const QString id = !flagValue.isEmpty() ? flagValue : p.positionalArguments().value(0);
    if (id.isEmpty())
        return fail(QStringLiteral("usage.missing"), QStringLiteral("Give the job id (see 'xms migration list')."));
    auto store = Store::openDefault();
    if (!store)
        return std::unexpected(store.error());
    return JobStore(*store).job(id);
}

int show(const QStringList& args, const Command& cmd)
{
    QCommandLineParser p;
    p.addOption(outputOption());
    p.addPositionalArgument(QStringLiteral("ID"), QStringLiteral("Job id or a unique prefix of it."));
    if (auto stop = parse(p, args, cmd))
        return *stop;
    bool json = false;
    if (auto stop = checkOutput(p, json))
        return *stop;
    auto job = findJob(p, {});
    if (!job)
        return report(job.error());
    const JobRecord& j = *job;
    if (json) {
        printJson(jobJson(j));
        return exit::Ok;
    }
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
    return exit::Ok;
}

int events(const QStringList& args, const Command& cmd)
{
    QCommandLineParser p;
    const QCommandLineOption jobOpt(QStringLiteral("job"), QStringLiteral("Job id or a unique prefix."),
                                    QStringLiteral("ID"));
    const QCommandLineOption followOpt({QStringLiteral("f"), QStringLiteral("follow")},
                                       QStringLiteral("Keep printing new events until the job ends."));
    p.addOptions({jobOpt, followOpt, outputOption()});
    if (auto stop = parse(p, args, cmd))
        return *stop;
    bool json = false;
    if (auto stop = checkOutput(p, json))
        return *stop;
    auto job = findJob(p, p.value(jobOpt));
    if (!job)
        return report(job.error());
    auto store = Store::openDefault();
    return follow(JobStore(*store), job->id, json ? JobFollower::Mode::EventsJson : JobFollower::Mode::Events,
                  p.isSet(followOpt));
}

// Cancel, retry and discard: one positional job ID. Parses, opens the store once, finds the job, then acts.
int onJob(QCommandLineParser& p, const QStringList& args, const Command& cmd,
          const std::function<int(JobStore& jobs, const JobRecord& job)>& act)
{
    p.addPositionalArgument(QStringLiteral("ID"), QStringLiteral("Job id or a unique prefix."));
    if (auto stop = parse(p, args, cmd))
        return *stop;
    const QString id = p.positionalArguments().value(0);
    if (id.isEmpty())
        return report(Error::make(QStringLiteral("usage.missing"),
                                  QStringLiteral("Give the job id (see 'xms migration list').")));
    auto store = Store::openDefault();
    if (!store)
        return report(store.error());
    JobStore jobs(*store);
    auto job = jobs.job(id);
    if (!job)
        return report(job.error());
    return act(jobs, *job);
}

int cancel(const QStringList& args, const Command& cmd)
{
    QCommandLineParser p;
    return onJob(p, args, cmd, [](JobStore& jobs, const JobRecord& job) {
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

int retry(const QStringList& args, const Command& cmd)
{
    QCommandLineParser p;
    const QCommandLineOption fromStart(QStringLiteral("from-start"),
                                       QStringLiteral("Export and convert again instead of resuming with the "
                                                      "converted disks a failed job kept."));
    p.addOption(fromStart);
    return onJob(p, args, cmd, [&](JobStore& jobs, const JobRecord& job) {
        if (auto r = jobcontrol::retry(jobs, job.id, p.isSet(fromStart)); !r)
            return report(r.error());
        const bool resumes = !p.isSet(fromStart) && !job.checkpoint.isEmpty();
        out() << "Job " << job.id << " is queued again (attempt " << job.attempt + 1 << ")"
              << (resumes ? "; it resumes with the disks it converted before, if they are unchanged." : ".")
              << Qt::endl;
        return exit::Ok;
    });
}

int discard(const QStringList& args, const Command& cmd)
{
    QCommandLineParser p;
    return onJob(p, args, cmd, [](JobStore& jobs, const JobRecord& job) {
        const auto freed = discardKeptStaging(jobs, job.id);
        if (!freed)
            return report(freed.error());
        out() << "Discarded the converted disks of job " << job.id << " (" << (*freed >> 20)
              << " MiB freed); a retry starts from Export." << Qt::endl;
        return exit::Ok;
    });
}

} // namespace

void registerMigrationCommands(Cli& cli)
{
    addCommand(cli, {QStringLiteral("migration"), QStringLiteral("submit")},
               QStringLiteral("--source S --vm V [--vm V2 …] --kind cold --target-project P --flavor F --volume-type T "
                              "[--network-map MAP …] [--network-profile NAME] [--cloud C] [--wait]"),
               QStringLiteral("Preflight, then queue cold migrations; a worker runs them to completion"), submit);
    addCommand(cli, {QStringLiteral("migration"), QStringLiteral("list")}, QStringLiteral("[--output json]"),
               QStringLiteral("List migration jobs"), list);
    addCommand(cli, {QStringLiteral("migration"), QStringLiteral("show")}, QStringLiteral("ID [--output json]"),
               QStringLiteral("Show one job"), show);
    addCommand(cli, {QStringLiteral("migration"), QStringLiteral("events")},
               QStringLiteral("--job ID [--follow] [--output json]"),
               QStringLiteral("Print a job's events, optionally live"), events);
    addCommand(cli, {QStringLiteral("migration"), QStringLiteral("cancel")}, QStringLiteral("ID"),
               QStringLiteral("Cancel a job; what it created is deleted"), cancel);
    addCommand(cli, {QStringLiteral("migration"), QStringLiteral("retry")}, QStringLiteral("ID [--from-start]"),
               QStringLiteral("Queue a failed or cancelled job again"), retry);
    addCommand(cli, {QStringLiteral("migration"), QStringLiteral("discard")}, QStringLiteral("ID"),
               QStringLiteral("Free the converted disks a failed job keeps for a retry"), discard);
    addCommand(cli, {QStringLiteral("preflight")},
               QStringLiteral("--source S --vm V [--vm V2 …] [--target-project P --flavor F --volume-type T "
                              "--network-map MAP …] [--output json]"),
               QStringLiteral("Check VMs against a target: Pass, Warn or Block, with fixes"), preflight);
}

} // namespace xms::cli
