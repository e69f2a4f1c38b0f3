// xms migration submit: preflight, then one job per VM through the submission service; --wait follows it.
#include "cli.h"
#include "commandcontext.h"
#include "exitcodes.h"
#include "jobfollower.h"
#include "migrationcommands.h"
#include "preflightreport.h"
#include "services/submission.h"
#include "specoptions.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>

namespace xms::cli::migration {

namespace {

const QCommandLineOption kWait(QStringLiteral("wait"), QStringLiteral("Show live progress until the job ends."));
const QCommandLineOption kSkip(QStringLiteral("skip-preflight"),
                               QStringLiteral("Submit without the preflight checks (a Block then fails the job "
                                              "later instead)."));

// Creates the jobs, prints them and ends the command (or hands it to a follower with --wait).
// diskBytes: VM name → its disks, from preflight (empty with --skip-preflight).
void enqueue(const Store& store, const QList<MigrationSpec>& all, const QHash<QString, qint64>& diskBytes, bool json,
             bool follow)
{
    QJsonArray created;
    auto submitted = submission::submit(store, all, diskBytes, [&](const submission::Submitted& s) {
        created.append(QJsonObject {{QStringLiteral("id"), s.jobId}, {QStringLiteral("vm"), s.spec.vm}});
        if (!json)
            out() << "Submitted job " << s.jobId << " (" << s.spec.vm << " → " << s.spec.project << '/'
                  << s.spec.effectiveInstanceName() << "): Queued" << Qt::endl;
    });
    if (!submitted)
        return finish(report(submitted.error()));
    if (json) {
        printJson(created);
        return finish(exit::Ok);
    }
    const QString lastId = submitted->last().jobId;
    if (follow && created.size() == 1) {
        (new JobFollower(JobStore(store), lastId, JobFollower::Mode::Progress, true, QCoreApplication::instance()))
            ->start();
        return;
    }
    out() << "Follow it with: xms migration events --job " << lastId.left(8) << " --follow" << Qt::endl;
    finish(exit::Ok);
}

// Prints each report's verdict and fixes; true when one of them blocks.
bool printVerdicts(const QList<PreflightReport>& reports, bool json, QHash<QString, qint64>& diskBytes)
{
    bool blocked = false;
    for (const PreflightReport& r : reports) {
        if (r.estimate)
            diskBytes.insert(r.vm, r.estimate->diskBytes);
        if (r.estimate && !json)
            out() << "Preflight " << r.vm << ": " << verdictName(r.verdict) << ", estimated runtime "
                  << preflight::formatMinutes(r.estimate->seconds) << Qt::endl;
        if (r.verdict == Verdict::Pass)
            continue;
        // With --output json standard output holds the JSON only: warnings go beside the errors.
        QTextStream& stream = r.verdict == Verdict::Block || json ? err() : out();
        stream << "Preflight " << r.summary() << Qt::endl;
        for (const PreflightCheck& c : r.failing())
            if (!c.fix.isEmpty())
                stream << "  fix: " << c.fix << Qt::endl;
        blocked = blocked || r.verdict == Verdict::Block;
    }
    return blocked;
}

int submit(CommandContext& ctx)
{
    if (!ctx.positional().isEmpty()) {
        err() << "xms migration submit: unexpected argument '" << ctx.positional().first() << "'. Give VMs with --vm."
              << Qt::endl;
        return exit::Usage;
    }
    auto& opened = ctx.store();
    if (!opened)
        return report(opened.error());
    auto store = std::make_shared<Store>(*opened);
    auto specs = specOptions().build(ctx, *store, true);
    if (!specs)
        return report(specs.error());

    const bool json = ctx.json();
    const bool follow = ctx.isSet(kWait);
    // From the event loop: a follower started before QCoreApplication::exec() could not end the command.
    if (ctx.isSet(kSkip)) {
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [store, all = *specs, json, follow] { enqueue(*store, all, {}, json, follow); }, Qt::QueuedConnection);
        return Async;
    }
    preflight::runAll(store, *specs, [=, all = *specs](Result<QList<PreflightReport>> reports) {
        if (!reports)
            return finish(report(reports.error()));
        QHash<QString, qint64> diskBytes;
        if (printVerdicts(*reports, json, diskBytes)) {
            err() << "xms migration submit: preflight blocked the migration; no job was created." << Qt::endl;
            return finish(exit::Failed);
        }
        // The guest's network as preflight's discovery saw it goes with the job (compared before power-off),
        // and so do the verdicts.
        // One report per spec, in order (preflight::runAll).
        QList<MigrationSpec> withFacts = all;
        for (qsizetype i = 0; i < withFacts.size() && i < reports->size(); ++i) {
            withFacts[i].guestNetworkAtSubmit = reports->at(i).guestNetwork;
            withFacts[i].preflightAtSubmit = reports->at(i); // for the job's report
        }
        enqueue(*store, withFacts, diskBytes, json, follow);
    });
    return Async;
}

} // namespace

Command submitCommand()
{
    QList<QCommandLineOption> options = specOptions().list();
    options << kWait << kSkip << outputOption();
    return {{QStringLiteral("migration"), QStringLiteral("submit")},
            QStringLiteral("--source S --vm V [--vm V2 …] --kind cold --target-project P --flavor F --volume-type T "
                           "[--network-map MAP …] [--network-profile NAME] [--cloud C] [--wait]"),
            QStringLiteral("Preflight, then queue cold migrations; a worker runs them to completion"),
            options,
            {},
            submit};
}

} // namespace xms::cli::migration
