#include "jobrunner.h"

#include "common/errorcodes.h"
#include "common/faultpoint.h"
#include "common/logging.h"
#include "common/paths.h"
#include "engine/checkpoint.h"
#include "engine/jobstoreledger.h"
#include "store/jobstore.h"

#include <QCoreApplication>
#include <QDir>
#include <QTimer>
#include <QFileInfo>
#include <QJsonArray>

namespace xms {

namespace {
constexpr int kProgressEventMs = 2000; // *.progress events at most this often
} // namespace

JobRunner::JobRunner(JobStore& jobs, JobLease lease, std::unique_ptr<JobContext> ctx, StageFactory stages,
                     CleanupFn cleanup, QObject* parent)
    : QObject(parent)
    , m_jobs(jobs)
    , m_lease(std::move(lease))
    , m_ctx(std::move(ctx))
    , m_makeStages(std::move(stages))
    , m_cleanup(std::move(cleanup))
{
    m_cancelPoll.setInterval(500);
    connect(&m_cancelPoll, &QTimer::timeout, this, &JobRunner::pollCancel);
    m_progressFlush.setInterval(250);
    connect(&m_progressFlush, &QTimer::timeout, this, &JobRunner::flushProgress);
    if (!m_ctx->ledger)
        m_ctx->ledger = std::make_unique<JobStoreLedger>(m_jobs, m_lease, m_ctx->spec.cloud, m_ctx->spec.project);
    if (!m_ctx->exportSlots)
        m_ctx->exportSlots = std::make_unique<JobStoreExportSlots>(m_jobs, m_lease);
}

JobRunner::~JobRunner() = default;

void JobRunner::start()
{
    if (m_done)
        return; // stopped while it was being prepared
    m_stages = m_makeStages(*m_ctx, this);
    for (StageRunner* s : m_stages) {
        connect(s, &StageRunner::progress, this, &JobRunner::onProgress);
        connect(s, &StageRunner::event, this, &JobRunner::onEvent);
        connect(s, &StageRunner::finished, this, &JobRunner::onStageFinished);
    }
    m_cancelPoll.start();
    m_progressFlush.start();
    emitEvent(EventLevel::Info, QStringLiteral("job.started"),
              Text::translate("xms::JobRunner", "Migration of %1 started (attempt %2)")
                  .arg(m_ctx->spec.vm)
                  .arg(m_ctx->attempt),
              {{QStringLiteral("spec"), m_ctx->spec.toJson()},
               {QStringLiteral("worker"), m_ctx->workerId},
               {QStringLiteral("host"), paths::hostName()}});
    const qsizetype first = resumePoint();
    QDir().mkpath(m_ctx->stagingDir);
    for (m_current = 0; m_current < first; ++m_current)
        checked(m_jobs.setProgress(m_lease, m_stages.at(m_current)->stage(), {100, 0, 0}), "progress");
    m_current = first - 1;
    startNextStage();
}

qsizetype JobRunner::resumePoint()
{
    const auto job = m_jobs.job(m_ctx->jobId);
    const auto checkpoint = job ? Checkpoint::fromJson(job->checkpoint) : std::nullopt;
    qsizetype converted = -1;
    for (qsizetype i = 0; i < m_stages.size(); ++i)
        if (m_stages.at(i)->stage() == Stage::GuestFixes)
            converted = i;
    if (checkpoint && converted >= 0) {
        const Status usable = m_ctx->resumeBlocked.isEmpty()
            ? checkpoint->verify()
            : fail(errc::kCheckpointSourceChanged, m_ctx->resumeBlocked);
        if (usable) {
            checkpoint->restoreInto(*m_ctx);
            emitEvent(EventLevel::Info, QStringLiteral("job.resumed"),
                      Text::translate(
                          "xms::JobRunner",
                          "Resuming at %1 with the %n disk(s) converted in attempt %2; Export, Inspect and Guest Fixes "
                          "are not repeated",
                          nullptr, int(checkpoint->disks.size()))
                          .arg(stageText(m_stages.at(converted + 1)->stage()))
                          .arg(checkpoint->attempt),
                      {{QStringLiteral("from_attempt"), checkpoint->attempt},
                       {QStringLiteral("bytes"), checkpoint->bytes()}});
            return converted + 1;
        }
        emitEvent(EventLevel::Warning, QStringLiteral("job.resume_skipped"),
                  Text::translate("xms::JobRunner", "Starting over instead of reusing the converted disks: %1")
                      .arg(usable.error().message),
                  {{QStringLiteral("code"), usable.error().code}});
    }
    discardStaging(job && !job->checkpoint.isEmpty()); // nothing of an earlier attempt is reused
    return 0;
}

void JobRunner::cancel()
{
    if (m_cancelling || m_done)
        return;
    m_cancelling = true;
    emitEvent(EventLevel::Warning, QStringLiteral("job.cancelling"),
              Text::translate("xms::JobRunner", "Cancel requested; stopping"));
    if (m_current >= 0 && m_current < m_stages.size())
        m_stages.at(m_current)->cancel();
    else
        finishWith(Stage::Cancelled);
}

void JobRunner::pollCancel()
{
    if (auto r = m_jobs.cancelRequested(m_ctx->jobId); r && *r)
        cancel();
}

void JobRunner::startNextStage()
{
    ++m_current;
    if (m_current >= m_stages.size()) {
        finishWith(Stage::Completed);
        return;
    }
    StageRunner* s = m_stages.at(m_current);
    m_pending = {};
    m_pendingDirty = false;
    m_stageClock.start();
    m_lastProgressEvent.start();
    // The stage is recorded before it starts: a store that cannot be written fails the job safe.
    if (const Status st = m_jobs.setStage(m_lease, s->stage(), stageText(s->stage())); !st) {
        if (st.error().is(errc::kJobLeaseLost))
            return fence(st.error());
        return finishWith(Stage::Failed, st.error());
    }
    checked(m_jobs.setProgress(m_lease, s->stage(), {}), "progress");
    s->start(m_ctx.get());
}

void JobRunner::onProgress(int percent, qint64 bytesDone, qint64 bytesTotal)
{
    m_pending = {std::clamp(percent, 0, 100), bytesDone, bytesTotal};
    m_pendingDirty = true;
}

void JobRunner::flushProgress()
{
    if (!m_pendingDirty || m_current < 0 || m_current >= m_stages.size())
        return;
    m_pendingDirty = false;
    const Stage stage = m_stages.at(m_current)->stage();
    if (!checked(m_jobs.setProgress(m_lease, stage, m_pending), "progress"))
        return;
    const double seconds = std::max(0.001, m_stageClock.elapsed() / 1000.0);
    const double rate = m_pending.bytesDone / seconds;
    const qint64 eta = m_pending.percent > 0 ? qint64(seconds * (100 - m_pending.percent) / m_pending.percent) : -1;
    if (m_pending.bytesTotal > 0)
        checked(m_jobs.setTransfer(m_lease, m_pending.bytesDone, m_pending.bytesTotal, rate, eta), "transfer");

    // Export and Write Volume publish their seed *.progress events with bytes transferred.
    if ((stage == Stage::Export || stage == Stage::WriteVolume) && m_lastProgressEvent.elapsed() >= kProgressEventMs) {
        m_lastProgressEvent.restart();
        const QString name
            = stage == Stage::Export ? QStringLiteral("export.progress") : QStringLiteral("write.progress");
        emitEvent(EventLevel::Info, name,
                  Text::translate("xms::JobRunner", "%1 %2 %: %3 of %4 MiB")
                      .arg(stageText(stage))
                      .arg(m_pending.percent)
                      .arg(m_pending.bytesDone >> 20)
                      .arg(m_pending.bytesTotal >> 20),
                  {{QStringLiteral("percent"), m_pending.percent},
                   {QStringLiteral("bytes_transferred"), m_pending.bytesDone},
                   {QStringLiteral("bytes_total"), m_pending.bytesTotal},
                   {QStringLiteral("bytes_per_second"), qint64(rate)}});
    }
}

void JobRunner::onEvent(EventLevel level, const QString& name, const Text& message, const QJsonObject& data)
{
    emitEvent(level, name, message, data);
}

void JobRunner::emitEvent(EventLevel level, const QString& name, const Text& message, const QJsonObject& data)
{
    emitEventAt(currentStage(), level, name, message, data);
}

void JobRunner::emitEventAt(Stage stage, EventLevel level, const QString& name, const Text& message,
                            const QJsonObject& data)
{
    if (m_fenced)
        return;
    if (auto r = m_jobs.appendEvent(m_lease, EventRecord::of(m_ctx->jobId, stage, level, name, message, data)); !r)
        checked(std::unexpected(r.error()), qPrintable(u"event " + name));
    else
        faultpoint::eventStored(name);
}

bool JobRunner::checked(const Status& write, const char* what)
{
    if (write)
        return true;
    if (write.error().is(errc::kJobLeaseLost))
        fence(write.error());
    else
        qCWarning(lcEngine) << "job" << m_ctx->jobId << "could not store its" << what << write.error().toString();
    return false;
}

namespace {

// A fenced runner's stage may have written staging files after the job's recoverer removed them (a worker
// paused mid-export wakes up and flushes what it had). Once its stage is stopped, and only if the job has
// ended without keeping converted disks, those files are nobody's: remove them. A job that runs again, or
// keeps a checkpoint, is left alone — its staging belongs to its new owner. Reads only; writes nothing.
void sweepStagingAfterFence(const JobStore& jobs, const QString& id, const QString& dir)
{
    const auto job = jobs.job(id);
    if (job && isTerminal(job->stage) && job->checkpoint.isEmpty() && QFileInfo::exists(dir)) {
        qCInfo(lcEngine) << "removing what the fenced job" << id << "left in" << dir;
        QDir(dir).removeRecursively();
    }
}

} // namespace

void JobRunner::fence(const Error& why)
{
    if (m_fenced)
        return;
    m_fenced = true;
    m_done = true;
    m_cancelPoll.stop();
    m_progressFlush.stop();
    qCWarning(lcEngine).noquote() << "job" << m_ctx->jobId << "stopped without another write:" << why.message;
    // Queued: fence() may be reached from inside a stage's own signal.
    QMetaObject::invokeMethod(
        this,
        [this] {
            if (m_current >= 0 && m_current < m_stages.size())
                m_stages.at(m_current)->cancel(); // ends its processes and requests; no create follows
            sweepStagingAfterFence(m_jobs, m_ctx->jobId, m_ctx->stagingDir);
            emit finished(m_ctx->jobId, currentStage() == Stage::Completed ? Stage::Finalize : currentStage());
        },
        Qt::QueuedConnection);
}

void JobRunner::interrupt(const Error& why)
{
    if (m_done || m_interrupt)
        return;
    m_interrupt = why;
    emitEvent(EventLevel::Warning, QStringLiteral("job.interrupted"), Text::literal(why.message));
    if (m_current >= 0 && m_current < m_stages.size())
        m_stages.at(m_current)->cancel();
    else
        finishWith(Stage::Failed, why);
}

void JobRunner::onStageFinished(const Status& result)
{
    if (m_done)
        return;
    m_pendingDirty = true;
    if (result) {
        if (currentStage() == Stage::GuestFixes) // the disks are converted: a later failure can resume here
            checked(m_jobs.setCheckpoint(m_lease, Checkpoint::capture(*m_ctx).toJson()), "checkpoint");
        m_pending.percent = 100;
        m_pending.bytesDone = std::max(m_pending.bytesDone, m_pending.bytesTotal);
        m_lastProgressEvent.invalidate();
        flushProgress();
        if (m_done)
            return; // fenced while storing the progress
        // A cancel or stop that arrives once the last stage succeeded is too late: the instance is up and a
        // completed migration is never undone.
        const bool last = m_current + 1 >= m_stages.size();
        if (m_interrupt && !last)
            return finishWith(Stage::Failed, *m_interrupt);
        if (m_cancelling && !last)
            return finishWith(Stage::Cancelled);
        startNextStage();
        return;
    }
    flushProgress();
    if (m_done)
        return;
    if (m_interrupt)
        return finishWith(Stage::Failed, *m_interrupt);
    finishWith(m_cancelling || result.error().is(errc::kJobCancelled) ? Stage::Cancelled : Stage::Failed,
               result.error());
}

Stage JobRunner::currentStage() const
{
    if (m_current >= 0 && m_current < m_stages.size())
        return m_stages.at(m_current)->stage();
    return m_current >= m_stages.size() && !m_stages.isEmpty() ? Stage::Completed : Stage::Queued;
}

void JobRunner::recover(Stage at, const Error& reason)
{
    if (m_done)
        return;
    if (finalizeCompleted()) {
        // Its process died after the instance came up, before the job's end was stored: it is complete.
        const auto ledger = m_jobs.ledger(m_ctx->jobId);
        if (!ledger) // nothing is deleted on a read error: the job stays for the next recovery
            return fence(ledger.error());
        for (const LedgerEntry& e : *ledger) {
            if (e.resourceId.isEmpty() || e.state == u"deleted")
                continue;
            if (e.kind == u"server")
                m_ctx->serverId = e.resourceId;
            else if (e.kind == u"volume")
                m_ctx->volumeIds.append(e.resourceId);
            else if (e.kind == u"port")
                m_ctx->portIds.append(e.resourceId);
        }
        emitEventAt(at, EventLevel::Warning, QStringLiteral("job.recovered"),
                    Text::translate("xms::JobRunner",
                                    "The process running this job stopped after Finalize had completed; the "
                                    "migration is complete and everything it created is kept"));
        return finishAt(Stage::Completed, Stage::Finalize, {});
    }
    emitEventAt(at, EventLevel::Error, QStringLiteral("job.orphaned"), Text::literal(reason.message));
    finishAt(Stage::Failed, at, reason);
}

bool JobRunner::finalizeCompleted() const
{
    const auto events = m_jobs.events(m_ctx->jobId);
    if (!events)
        return false;
    return std::any_of(events->cbegin(), events->cend(),
                       [](const EventRecord& e) { return e.name == u"finalize.completed"; });
}

void JobRunner::concludeStaging(Stage terminal)
{
    const auto job = m_jobs.job(m_ctx->jobId);
    const auto checkpoint = job ? Checkpoint::fromJson(job->checkpoint) : std::nullopt;
    if (terminal == Stage::Failed && checkpoint && checkpoint->verify()) {
        emitEvent(EventLevel::Info, QStringLiteral("staging.kept"),
                  Text::translate(
                      "xms::JobRunner",
                      "The converted disks (%1 MiB in %2) are kept: 'xms migration retry %3' resumes at Write Volume; "
                      "'xms migration discard %3' frees the space, as workers do after engine/keep-converted-days "
                      "(default 7).")
                      .arg(checkpoint->bytes() >> 20)
                      .arg(m_ctx->stagingDir, m_ctx->jobId.left(8)),
                  {{QStringLiteral("path"), m_ctx->stagingDir}, {QStringLiteral("bytes"), checkpoint->bytes()}});
        return;
    }
    discardStaging(job && !job->checkpoint.isEmpty());
}

void JobRunner::discardStaging(bool hadCheckpoint)
{
    QDir(m_ctx->stagingDir).removeRecursively();
    if (hadCheckpoint)
        checked(m_jobs.setCheckpoint(m_lease, {}), "checkpoint");
}

void JobRunner::finishWith(Stage terminal, const Error& error)
{
    finishAt(terminal, currentStage(), error);
}

void JobRunner::finishAt(Stage terminal, Stage at, const Error& error)
{
    if (m_done)
        return;
    m_done = true;
    m_cancelPoll.stop();
    m_progressFlush.stop();

    auto conclude = [this, terminal, error, at](const Status& cleanup) {
        concludeStaging(terminal);
        if (!cleanup)
            emitEvent(EventLevel::Error, QStringLiteral("cleanup.failed"),
                      Text::translate("xms::JobRunner", "Some resources could not be deleted: %1")
                          .arg(cleanup.error().toString()));
        // The final event is written with the job's end, in one transaction.
        JobEnd how {terminal, at, {}, {}, std::nullopt};
        const QString& id = m_ctx->jobId;
        if (terminal == Stage::Completed) {
            how.errorOrResult = {{QStringLiteral("server_id"), m_ctx->serverId},
                                 {QStringLiteral("volume_ids"), QJsonArray::fromStringList(m_ctx->volumeIds)},
                                 {QStringLiteral("port_ids"), QJsonArray::fromStringList(m_ctx->portIds)}};
            how.status = Text::translate("xms::JobRunner", "Completed");
            how.event = EventRecord::of(id, Stage::Completed, EventLevel::Info, QStringLiteral("migration.completed"),
                                        Text::translate("xms::JobRunner", "Migration complete: instance %1 is ready")
                                            .arg(m_ctx->spec.effectiveInstanceName()),
                                        how.errorOrResult);
        } else if (terminal == Stage::Cancelled) {
            how.status = Text::translate("xms::JobRunner", "Cancelled during %1").arg(stageText(at));
            how.event = EventRecord::of(
                id, at, EventLevel::Warning, QStringLiteral("job.cancelled"),
                Text::translate("xms::JobRunner", "Cancelled during %1; everything the job created was removed")
                    .arg(stageText(at)));
        } else {
            how.errorOrResult = {{QStringLiteral("code"), error.code},
                                 {QStringLiteral("message"), error.message},
                                 {QStringLiteral("detail"), error.detail}};
            how.status = Text::literal(error.message);
            how.event = EventRecord::of(id, at, EventLevel::Error, stageKey(at) + QStringLiteral(".failed"),
                                        Text::literal(error.message), how.errorOrResult);
        }
        writeEnd(how, 5);
    };

    const bool keep = terminal == Stage::Failed && m_ctx->spec.keepResourcesOnFailure;
    if (terminal == Stage::Completed || keep || !m_cleanup) {
        if (keep)
            emitEvent(EventLevel::Warning, QStringLiteral("cleanup.skipped"),
                      Text::translate("xms::JobRunner",
                                      "Keeping the resources this job created, as requested, for debugging"));
        conclude({});
        return;
    }
    m_ctx->cancelled = terminal == Stage::Cancelled;
    emitEvent(EventLevel::Info, QStringLiteral("cleanup.started"),
              Text::translate("xms::JobRunner", "Removing what this job created in Xloud"));
    m_cleanup(*m_ctx, *this, this, conclude);
}

void JobRunner::writeEnd(const JobEnd& how, int attemptsLeft)
{
    if (m_fenced)
        return;
    const Status r = m_jobs.end(m_lease, how);
    if (r) {
        emit finished(m_ctx->jobId, how.terminal);
        return;
    }
    if (r.error().is(errc::kJobLeaseLost))
        return fence(r.error());
    if (attemptsLeft > 0) { // a busy or full database: the lease is still renewed while this waits
        qCWarning(lcEngine) << "job" << m_ctx->jobId << "could not store its end, retrying:" << r.error().toString();
        QTimer::singleShot(1000, this, [this, how, attemptsLeft] { writeEnd(how, attemptsLeft - 1); });
        return;
    }
    // Left to recovery once the lease runs out: it ends the job the same way (a completed Finalize stays
    // completed), because the events that say how far it got are in the store.
    fence(r.error());
}

} // namespace xms
