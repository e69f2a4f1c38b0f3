#pragma once

#include "engine/jobcontext.h"
#include "engine/jobhost.h"
#include "engine/stagerunner.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QTimer>
#include <functional>
#include <memory>

namespace xms {

// Makes the stage objects of one job (the real ones in production, fakes in engine tests).
using StageFactory = std::function<QList<StageRunner*>(JobContext& ctx, QObject* parent)>;
// Deletes what the ledger says the job created (Xloud images, volumes, ports, servers); async.
using CleanupFn
    = std::function<void(JobContext& ctx, JobHost& host, QObject* context, std::function<void(Status)> done)>;

// Runs one claimed job through its stages: persists stage changes, throttled progress and every event;
// watches the store for a cancel request; on failure or cancel deletes what the job created (unless the
// spec keeps it for debugging) and removes its staging files — except the converted disks of a job that
// failed after Guest Fixes, which a retry resumes from (engine/checkpoint.h). Emits finished() once.
// The host of the job's prepare and cleanup steps; gives the stages the job's ledger, never the store.
class JobRunner : public QObject, public JobHost
{
    Q_OBJECT
public:
    JobRunner(JobStore& jobs, std::unique_ptr<JobContext> ctx, StageFactory stages, CleanupFn cleanup,
              QObject* parent = nullptr);
    ~JobRunner() override;

    void start();
    void cancel(); // also triggered by the store's cancel flag
    // For a job whose process died mid-stage: delete what it created, then fail it with the reason.
    void recover(Stage at, const Error& reason);
    const QString& jobId() const { return m_ctx->jobId; }
    JobContext& context() { return *m_ctx; }

    JobStore& jobs() override { return m_jobs; }
    void emitEventAt(Stage stage, EventLevel level, const QString& name, const Text& message,
                     const QJsonObject& data = {}) override;

signals:
    void finished(const QString& jobId, xms::Stage terminal);

private:
    qsizetype resumePoint(); // index of the first stage to run
    void startNextStage();
    void onProgress(int percent, qint64 bytesDone, qint64 bytesTotal);
    void onEvent(EventLevel level, const QString& name, const Text& message, const QJsonObject& data);
    void onStageFinished(const Status& result);
    void finishWith(Stage terminal, const Error& error = {});
    void finishAt(Stage terminal, Stage at, const Error& error);
    void concludeStaging(Stage terminal); // removes the staging files, or keeps converted disks for a retry
    void discardStaging(bool hadCheckpoint); // staging files and the checkpoint that pointed at them
    Stage currentStage() const;
    void flushProgress();
    void pollCancel();
    void emitEvent(EventLevel level, const QString& name, const Text& message, const QJsonObject& data = {});

    JobStore& m_jobs;
    std::unique_ptr<JobContext> m_ctx;
    StageFactory m_makeStages;
    CleanupFn m_cleanup;
    QList<StageRunner*> m_stages;
    qsizetype m_current = -1;
    bool m_cancelling = false;
    bool m_done = false;
    QTimer m_cancelPoll;
    QTimer m_progressFlush;
    // Progress is coalesced: the store and the views see at most a few updates a second.
    StageProgress m_pending;
    bool m_pendingDirty = false;
    QElapsedTimer m_stageClock;
    QElapsedTimer m_lastProgressEvent;
};

} // namespace xms
