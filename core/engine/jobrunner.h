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
#include <optional>

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
    // lease: this worker's right to write the job (from claim or takeOver); every write is made under it.
    JobRunner(JobStore& jobs, JobLease lease, std::unique_ptr<JobContext> ctx, StageFactory stages, CleanupFn cleanup,
              QObject* parent = nullptr);
    ~JobRunner() override;

    void start();
    void cancel(); // also triggered by the store's cancel flag
    // For a job whose process died mid-stage: delete what it created, then fail it with the reason — unless
    // its Finalize had completed (the instance is up): then it ends Completed and keeps everything.
    void recover(Stage at, const Error& reason);
    // Stops at once without another write: the lease is gone (another worker may own the job now), so the
    // job is left to recovery. finished() reports the stage it was in (not a terminal one).
    void fence(const Error& why);
    // Ends the job as Failed with `why` (cleanup as for any failure), e.g. when the worker is told to stop.
    void interrupt(const Error& why);
    const JobLease& lease() const { return m_lease; }
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
    void writeEnd(const JobEnd& how, int attemptsLeft);
    bool finalizeCompleted() const; // the store has this job's finalize.completed event
    // A store write's outcome: a lost lease fences the job; other errors are logged. True when it held.
    bool checked(const Status& write, const char* what);
    void concludeStaging(Stage terminal); // removes the staging files, or keeps converted disks for a retry
    void discardStaging(bool hadCheckpoint); // staging files and the checkpoint that pointed at them
    Stage currentStage() const;
    void flushProgress();
    void pollCancel();
    void emitEvent(EventLevel level, const QString& name, const Text& message, const QJsonObject& data = {});

    JobStore& m_jobs;
    JobLease m_lease;
    std::unique_ptr<JobContext> m_ctx;
    StageFactory m_makeStages;
    CleanupFn m_cleanup;
    QList<StageRunner*> m_stages;
    qsizetype m_current = -1;
    bool m_cancelling = false;
    bool m_done = false;
    bool m_fenced = false;
    std::optional<Error> m_interrupt; // the worker was told to stop: the job fails with this
    QTimer m_cancelPoll;
    QTimer m_progressFlush;
    // Progress is coalesced: the store and the views see at most a few updates a second.
    StageProgress m_pending;
    bool m_pendingDirty = false;
    QElapsedTimer m_stageClock;
    QElapsedTimer m_lastProgressEvent;
};

} // namespace xms
