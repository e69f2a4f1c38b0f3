#include "cleanupagain.h"

#include "common/errorcodes.h"
#include "common/text.h"
#include "engine/jobcontext.h"
#include "engine/jobhost.h"
#include "engine/jobstoreledger.h"
#include "engine/ledgercleanup.h"

#include <QJsonArray>
#include <QPointer>

namespace xms::jobcontrol {

namespace {

bool remains(const LedgerEntry& e)
{
    return e.state != u"deleted" && e.state != u"kept";
}

// The job-level host of a cleanup outside any worker: events are written under the bare job id, which
// the store accepts only while no worker owns the job.
class EndedJobHost : public QObject, public JobHost
{
public:
    EndedJobHost(JobStore jobs, QObject* parent)
        : QObject(parent)
        , m_jobs(std::move(jobs))
    {
    }
    JobStore& jobs() override { return m_jobs; }
    void emitEventAt(Stage stage, EventLevel level, const QString& name, const Text& message,
                     const QJsonObject& data = {}) override
    {
        m_jobs.appendEvent(EventRecord::of(ctx.jobId, stage, level, name, message, data));
    }
    JobContext ctx;

private:
    JobStore m_jobs;
};

} // namespace

void cleanupAgain(JobStore jobs, const QString& id, QObject* context, std::function<void(Result<int>)> done)
{
    auto job = jobs.job(id);
    if (!job)
        return done(std::unexpected(job.error()));
    if ((job->stage != Stage::Failed && job->stage != Stage::Cancelled) || !job->owner.isEmpty())
        return done(fail(errc::kUsageRetry,
                         Text::translate("JobControl",
                                         "Only a Failed or Cancelled job's cleanup can be run again; "
                                         "job %1 is %2.")
                             .toString()
                             .arg(job->id.left(8), stageName(job->stage))));
    const auto ledger = jobs.ledger(job->id);
    if (!ledger)
        return done(std::unexpected(ledger.error()));
    if (std::none_of(ledger->cbegin(), ledger->cend(), remains))
        return done(0); // nothing left: no need to reach the cloud
    auto spec = MigrationSpec::fromJson(job->spec);
    if (!spec)
        return done(std::unexpected(spec.error()));
    auto* host = new EndedJobHost(jobs, context);
    host->ctx.jobId = job->id;
    host->ctx.attempt = job->attempt;
    host->ctx.spec = *spec;
    host->ctx.ledger = std::make_unique<JobStoreLedger>(host->jobs(), JobLease(job->id), spec->cloud, spec->project);
    const Stage at = job->failedStage;
    host->emitEventAt(at, EventLevel::Info, QStringLiteral("cleanup.started"),
                      Text::translate("JobControl", "Removing what this job created in Xloud, again"));
    auto* cleanup = new LedgerCleanup(
        host->ctx, *host,
        [host, at, done](Status cleaned) {
            QJsonArray left;
            for (const LedgerEntry& e : host->ctx.ledger->entries().value_or(QList<LedgerEntry>()))
                if (remains(e))
                    left.append(QJsonObject {{QStringLiteral("kind"), e.kind},
                                             {QStringLiteral("name"), e.name},
                                             {QStringLiteral("id"), e.resourceId}});
            if (cleaned && left.isEmpty())
                host->emitEventAt(at, EventLevel::Info, QStringLiteral("cleanup.completed"),
                                  Text::translate("JobControl", "Everything this job created in Xloud is deleted"));
            else
                host->emitEventAt(at, EventLevel::Error, QStringLiteral("cleanup.incomplete"),
                                  Text::literal(cleaned ? QString() : cleaned.error().message),
                                  {{QStringLiteral("remaining"), left}});
            host->deleteLater();
            if (!cleaned)
                return done(std::unexpected(cleaned.error()));
            done(int(left.size()));
        },
        host);
    cleanup->start();
}

} // namespace xms::jobcontrol
