#pragma once

#include "engine/jobrunner.h"
#include "store/jobstore.h"

#include <QHash>
#include <QObject>
#include <QTimer>

namespace xms {

struct EngineOptions
{
    int workerSlots = 2; // jobs run at once by this process
    int pollMs = 500; // how often the queue is looked at
    int heartbeatMs = 2000;
    int orphanAgeSeconds = 15; // a job whose owner has not beaten for this long is recovered
    int idleExitMs = -1; // >= 0: emit idle() after this long with nothing running or queued
    QString stagingRoot; // one sub-directory per job
    int keepConvertedDays = 7; // failed jobs' kept converted disks older than this are discarded at start
};

// Fills what a job needs before its first stage (secrets from the keychain, …); async.
using PrepareFn
    = std::function<void(JobContext& ctx, JobHost& host, QObject* context, std::function<void(Status)> done)>;

// The worker: claims queued jobs from the shared store (exactly one process wins each), runs up to
// `slots` of them, beats a heartbeat, and at start recovers jobs whose process died — deleting what
// they created and failing them with an explanation. The CLI's `xms worker` and tests host it.
class Engine : public QObject
{
    Q_OBJECT
public:
    Engine(JobStore jobs, StageFactory stages, CleanupFn cleanup, PrepareFn prepare, EngineOptions options,
           QObject* parent = nullptr);
    ~Engine() override;

    void start();
    QString workerId() const { return m_workerId; }
    int runningCount() const { return int(m_running.size()); }

signals:
    void jobStarted(const QString& jobId);
    void jobFinished(const QString& jobId, xms::Stage terminal);
    void idle();

private:
    void poll();
    void beat();
    void recoverOrphans();
    void launch(const JobRecord& job, bool recoverOnly);
    void onRunnerFinished(const QString& jobId, Stage terminal);

    JobStore m_jobs;
    StageFactory m_stages;
    CleanupFn m_cleanup;
    PrepareFn m_prepare;
    EngineOptions m_options;
    QString m_workerId;
    QHash<QString, JobRunner*> m_running;
    int m_preparing = 0;
    QTimer m_pollTimer;
    QTimer m_heartbeat;
    QTimer m_idleTimer;
};

} // namespace xms
