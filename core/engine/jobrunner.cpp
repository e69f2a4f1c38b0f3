#include "jobrunner.h"

#include "common/errorcodes.h"
#include "common/logging.h"
#include "engine/checkpoint.h"
#include "engine/jobstoreledger.h"
#include "store/jobstore.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>

namespace xms {

namespace {
constexpr int kProgressEventMs = 2000; // *.progress events at most this often
} // namespace

JobRunner::JobRunner(JobStore& jobs, std::unique_ptr<JobContext> ctx, StageFactory stages, CleanupFn cleanup,
                     QObject* parent)
    : QObject(parent)
    , m_jobs(jobs)
    , m_ctx(std::move(ctx))
    , m_makeStages(std::move(stages))
    , m_cleanup(std::move(cleanup))
{
    m_cancelPoll.setInterval(500);
    connect(&m_cancelPoll, &QTimer::timeout, this, &JobRunner::pollCancel);
    m_progressFlush.setInterval(250);
    connect(&m_progressFlush, &QTimer::timeout, this, &JobRunner::flushProgress);
    if (!m_ctx->ledger)
        m_ctx->ledger = std::make_unique<JobStoreLedger>(m_jobs, m_ctx->jobId, m_ctx->spec.cloud, m_ctx->spec.project);
}

JobRunner::~JobRunner() = default;

void JobRunner::start()
{
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
              {{QStringLiteral("spec"), m_ctx->spec.toJson()}});
    const qsizetype first = resumePoint();
    QDir().mkpath(m_ctx->stagingDir);
    for (m_current = 0; m_current < first; ++m_current)
        m_jobs.setProgress(m_ctx->jobId, m_stages.at(m_current)->stage(), {100, 0, 0});
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
    m_jobs.setStage(m_ctx->jobId, s->stage(), stageText(s->stage()));
    m_jobs.setProgress(m_ctx->jobId, s->stage(), {});
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
    m_jobs.setProgress(m_ctx->jobId, stage, m_pending);
    const double seconds = std::max(0.001, m_stageClock.elapsed() / 1000.0);
    const double rate = m_pending.bytesDone / seconds;
    const qint64 eta = m_pending.percent > 0 ? qint64(seconds * (100 - m_pending.percent) / m_pending.percent) : -1;
    if (m_pending.bytesTotal > 0)
        m_jobs.setTransfer(m_ctx->jobId, m_pending.bytesDone, m_pending.bytesTotal, rate, eta);

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
    EventRecord e;
    e.jobId = m_ctx->jobId;
    e.stage = stage;
    e.level = level;
    e.name = name;
    e.text = message;
    e.data = data;
    if (auto r = m_jobs.appendEvent(e); !r)
        qCWarning(lcEngine) << "could not store event" << name << r.error().toString();
}

void JobRunner::onStageFinished(const Status& result)
{
    if (m_done)
        return;
    m_pendingDirty = true;
    if (result) {
        if (currentStage() == Stage::GuestFixes) // the disks are converted: a later failure can resume here
            m_jobs.setCheckpoint(m_ctx->jobId, Checkpoint::capture(*m_ctx).toJson());
        m_pending.percent = 100;
        m_pending.bytesDone = std::max(m_pending.bytesDone, m_pending.bytesTotal);
        m_lastProgressEvent.invalidate();
        flushProgress();
        if (m_cancelling) {
            finishWith(Stage::Cancelled);
            return;
        }
        startNextStage();
        return;
    }
    flushProgress();
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
    emitEvent(EventLevel::Error, QStringLiteral("job.orphaned"), Text::literal(reason.message));
    finishAt(Stage::Failed, at, reason);
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
        m_jobs.setCheckpoint(m_ctx->jobId, {});
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
        if (terminal == Stage::Completed) {
            const QJsonObject result {{QStringLiteral("server_id"), m_ctx->serverId},
                                      {QStringLiteral("volume_ids"), QJsonArray::fromStringList(m_ctx->volumeIds)},
                                      {QStringLiteral("port_ids"), QJsonArray::fromStringList(m_ctx->portIds)}};
            emitEvent(EventLevel::Info, QStringLiteral("migration.completed"),
                      Text::translate("xms::JobRunner", "Migration complete: instance %1 is ready")
                          .arg(m_ctx->spec.effectiveInstanceName()),
                      result);
            m_jobs.setEnded(m_ctx->jobId, Stage::Completed, at, result, Text::translate("xms::JobRunner", "Completed"));
        } else if (terminal == Stage::Cancelled) {
            emitEvent(EventLevel::Warning, QStringLiteral("job.cancelled"),
                      Text::translate("xms::JobRunner", "Cancelled during %1; everything the job created was removed")
                          .arg(stageText(at)));
            m_jobs.setEnded(m_ctx->jobId, Stage::Cancelled, at, {},
                            Text::translate("xms::JobRunner", "Cancelled during %1").arg(stageText(at)));
        } else {
            const QJsonObject err {{QStringLiteral("code"), error.code},
                                   {QStringLiteral("message"), error.message},
                                   {QStringLiteral("detail"), error.detail}};
            emitEvent(EventLevel::Error, stageKey(at) + QStringLiteral(".failed"), Text::literal(error.message), err);
            m_jobs.setEnded(m_ctx->jobId, Stage::Failed, at, err, Text::literal(error.message));
        }
        emit finished(m_ctx->jobId, terminal);
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

} // namespace xms
