#pragma once

#include "engine/jobrunner.h"
#include "store/jobstore.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

namespace xms {

struct EngineOptions
{
    int workerSlots = 2; // jobs run at once by this process
    int pollMs = 500; // how often the queue is looked at
    int heartbeatMs = 2000; // how often leases are renewed
    // A job's lease: renewed every heartbeat; a worker that could not renew it for this long (it was
    // paused, or lost the database) stops the job, and past it another worker recovers the job.
    int leaseSeconds = 15;
    int idleExitMs = -1; // >= 0: emit idle() after this long with nothing running or queued
    QString stagingRoot; // one sub-directory per job
    int keepConvertedDays = 7; // failed jobs' kept converted disks older than this are discarded at start
};

// Fills what a job needs before its first stage (secrets from the keychain, …); async.
using PrepareFn
    = std::function<void(JobContext& ctx, JobHost& host, QObject* context, std::function<void(Status)> done)>;

// The worker: claims queued jobs from the shared store (exactly one process — on any host — wins each,
// oldest first) with a lease, runs
// up to `slots` of them, renews their leases on a monotonic clock, and recovers jobs whose owner's lease
// expired — deleting what they created and failing them with an explanation (or completing them when their
// Finalize had completed). A job whose lease this worker cannot renew is stopped at once, without another
// write. A job whose secrets this host lacks (keychain or systemd credentials) is given back to the queue
// for a worker on another host, when one is alive; with no other host it fails, saying which secret is
// missing. The CLI's `xms worker` and tests host it.
class Engine : public QObject
{
    Q_OBJECT
public:
    Engine(JobStore jobs, StageFactory stages, CleanupFn cleanup, PrepareFn prepare, EngineOptions options,
           QObject* parent = nullptr);
    ~Engine() override;

    void start();
    // Graceful stop (SIGTERM): claims nothing more; each running job fails with `why` after its cleanup
    // (converted disks are kept for a retry, as for any failure); then stopped().
    void shutdown(const Error& why);
    QString workerId() const { return m_workerId; }
    int runningCount() const { return int(m_running.size()); }

signals:
    void jobStarted(const QString& jobId);
    void jobFinished(const QString& jobId, xms::Stage terminal);
    void jobLost(const QString& jobId); // its lease could not be held: left to recovery
    void idle();
    void stopped();

private:
    void poll();
    void beat();
    void recoverOrphans();
    void launch(const JobRecord& job, const JobLease& lease, bool recoverOnly);
    void onRunnerFinished(const QString& jobId, Stage terminal);
    void renewLeases();
    void onIdleTimeout();
    void giveBack(JobRunner* runner, const Error& why);

    JobStore m_jobs;
    StageFactory m_stages;
    CleanupFn m_cleanup;
    PrepareFn m_prepare;
    EngineOptions m_options;
    QString m_workerId;
    QHash<QString, JobRunner*> m_running; // also those still preparing
    QHash<QString, QElapsedTimer> m_renewed; // per job: since its lease was last renewed (monotonic)
    // Queued jobs this worker gave back because this host lacks their secrets: never claimed again here.
    QSet<QString> m_skip;
    bool m_shuttingDown = false;
    QTimer m_pollTimer;
    QTimer m_heartbeat;
    QTimer m_idleTimer;
};

} // namespace xms
