#include "jobrunner.h"

#include "common/logging.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>

namespace xms {

namespace {
constexpr int kProgressEventMs = 2000; // *.progress events at most this often
} // namespace

JobRunner::JobRunner(std::unique_ptr<JobContext> ctx, StageFactory stages, CleanupFn cleanup, QObject* parent)
    : QObject(parent)
    , m_ctx(std::move(ctx))
    , m_makeStages(std::move(stages))
    , m_cleanup(std::move(cleanup))
{
    m_cancelPoll.setInterval(500);
    connect(&m_cancelPoll, &QTimer::timeout, this, &JobRunner::pollCancel);
    m_progressFlush.setInterval(250);
    connect(&m_progressFlush, &QTimer::timeout, this, &JobRunner::flushProgress);
}

JobRunner::~JobRunner() = default;

void JobRunner::start()
{
    QDir().mkpath(m_ctx->stagingDir);
    m_stages = m_makeStages(*m_ctx, this);
    for (StageRunner* s : m_stages) {
        connect(s, &StageRunner::progress, this, &JobRunner::onProgress);
        connect(s, &StageRunner::event, this, &JobRunner::onEvent);
        connect(s, &StageRunner::finished, this, &JobRunner::onStageFinished);
    }
    m_cancelPoll.start();
    m_progressFlush.start();
    emitEvent(EventLevel::Info, QStringLiteral("job.started"),
              tr("Migration of %1 started (attempt %2)").arg(m_ctx->spec.vm).arg(m_ctx->attempt),
              {{QStringLiteral("spec"), m_ctx->spec.toJson()}});
    startNextStage();
}

void JobRunner::cancel()
{
    if (m_cancelling || m_done)
        return;
    m_cancelling = true;
    emitEvent(EventLevel::Warning, QStringLiteral("job.cancelling"), tr("Cancel requested; stopping"));
    if (m_current >= 0 && m_current < m_stages.size())
        m_stages.at(m_current)->cancel();
    else
        finishWith(Stage::Cancelled);
}

void JobRunner::pollCancel()
{
    if (auto r = m_ctx->jobs->cancelRequested(m_ctx->jobId); r && *r)
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
    m_ctx->jobs->setStage(m_ctx->jobId, s->stage(), stageName(s->stage()));
    m_ctx->jobs->setProgress(m_ctx->jobId, s->stage(), {});
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
    m_ctx->jobs->setProgress(m_ctx->jobId, stage, m_pending);
    const double seconds = std::max(0.001, m_stageClock.elapsed() / 1000.0);
    const double rate = m_pending.bytesDone / seconds;
    const qint64 eta = m_pending.percent > 0
                           ? qint64(seconds * (100 - m_pending.percent) / m_pending.percent)
                           : -1;
    if (m_pending.bytesTotal > 0)
        m_ctx->jobs->setTransfer(m_ctx->jobId, m_pending.bytesDone, m_pending.bytesTotal, rate, eta);

    // Export and Write Volume publish their seed *.progress events with bytes transferred.
    if ((stage == Stage::Export || stage == Stage::WriteVolume) && m_lastProgressEvent.elapsed() >= kProgressEventMs) {
        m_lastProgressEvent.restart();
        const QString name = stage == Stage::Export ? QStringLiteral("export.progress") : QStringLiteral("write.progress");
        emitEvent(EventLevel::Info, name,
                  tr("%1 %2 %: %3 of %4 MiB")
                      .arg(stageName(stage))
                      .arg(m_pending.percent)
                      .arg(m_pending.bytesDone >> 20)
                      .arg(m_pending.bytesTotal >> 20),
                  {{QStringLiteral("percent"), m_pending.percent},
                   {QStringLiteral("bytes_transferred"), m_pending.bytesDone},
                   {QStringLiteral("bytes_total"), m_pending.bytesTotal},
                   {QStringLiteral("bytes_per_second"), qint64(rate)}});
    }
}

void JobRunner::onEvent(EventLevel level, const QString& name, const QString& message, const QJsonObject& data)
{
    emitEvent(level, name, message, data);
}

void JobRunner::emitEvent(EventLevel level, const QString& name, const QString& message, const QJsonObject& data)
{
    EventRecord e;
    e.jobId = m_ctx->jobId;
    e.stage = currentStage();
    e.level = level;
    e.name = name;
    e.message = message;
    e.data = data;
    if (auto r = m_ctx->jobs->appendEvent(e); !r)
        qCWarning(lcEngine) << "could not store event" << name << r.error().toString();
}

void JobRunner::onStageFinished(const Status& result)
{
    if (m_done)
        return;
    m_pendingDirty = true;
    if (result) {
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
    finishWith(m_cancelling || result.error().is(u"job.cancelled") ? Stage::Cancelled : Stage::Failed, result.error());
}

Stage JobRunner::currentStage() const
{
    if (m_current >= 0 && m_current < m_stages.size())
        return m_stages.at(m_current)->stage();
    return m_current >= m_stages.size() && !m_stages.isEmpty() ? Stage::Completed : Stage::Queued;
}

void JobRunner::recover(Stage at, const Error& reason)
{
    emitEvent(EventLevel::Error, QStringLiteral("job.orphaned"), reason.message);
    finishAt(Stage::Failed, at, reason);
}

void JobRunner::finishWith(Stage terminal, const Error& error) { finishAt(terminal, currentStage(), error); }

void JobRunner::finishAt(Stage terminal, Stage at, const Error& error)
{
    if (m_done)
        return;
    m_done = true;
    m_cancelPoll.stop();
    m_progressFlush.stop();

    auto conclude = [this, terminal, error, at](const Status& cleanup) {
        QDir(m_ctx->stagingDir).removeRecursively();
        if (!cleanup)
            emitEvent(EventLevel::Error, QStringLiteral("cleanup.failed"),
                      tr("Some resources could not be deleted: %1").arg(cleanup.error().toString()));
        if (terminal == Stage::Completed) {
            const QJsonObject result{{QStringLiteral("server_id"), m_ctx->serverId},
                                     {QStringLiteral("volume_ids"), QJsonArray::fromStringList(m_ctx->volumeIds)},
                                     {QStringLiteral("port_ids"), QJsonArray::fromStringList(m_ctx->portIds)}};
            emitEvent(EventLevel::Info, QStringLiteral("migration.completed"),
                      tr("Migration complete: instance %1 is ready").arg(m_ctx->spec.effectiveInstanceName()), result);
            m_ctx->jobs->setEnded(m_ctx->jobId, Stage::Completed, at, result, tr("Completed"));
        } else if (terminal == Stage::Cancelled) {
            emitEvent(EventLevel::Warning, QStringLiteral("job.cancelled"),
                      tr("Cancelled during %1; everything the job created was removed").arg(stageName(at)));
            m_ctx->jobs->setEnded(m_ctx->jobId, Stage::Cancelled, at, {}, tr("Cancelled during %1").arg(stageName(at)));
        } else {
            const QJsonObject err{{QStringLiteral("code"), error.code},
                                  {QStringLiteral("message"), error.message},
                                  {QStringLiteral("detail"), error.detail}};
            emitEvent(EventLevel::Error, stageKey(at) + QStringLiteral(".failed"), error.message, err);
            m_ctx->jobs->setEnded(m_ctx->jobId, Stage::Failed, at, err, error.message);
        }
        emit finished(m_ctx->jobId, terminal);
    };

    const bool keep = terminal == Stage::Failed && m_ctx->spec.keepResourcesOnFailure;
    if (terminal == Stage::Completed || keep || !m_cleanup) {
        if (keep)
            emitEvent(EventLevel::Warning, QStringLiteral("cleanup.skipped"),
                      tr("Keeping the resources this job created, as requested, for debugging"));
        conclude({});
        return;
    }
    m_ctx->cancelled = terminal == Stage::Cancelled;
    emitEvent(EventLevel::Info, QStringLiteral("cleanup.started"), tr("Removing what this job created in Xloud"));
    m_cleanup(*m_ctx, this, conclude);
}

} // namespace xms
