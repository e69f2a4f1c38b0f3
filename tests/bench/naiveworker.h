#pragma once

#include "engine/jobrunner.h"
#include "store/jobstore.h"

#include <QHash>
#include <QObject>
#include <QTimer>
#include <functional>

namespace xms::bench {

// The claim loop the engine had before claimNext, kept here only to compare against: read the whole
// queue, then try claim(id) on each in order until the slots are full. Several workers all try the same
// oldest job first; on PostgreSQL each loser waits on the winner's row lock before it moves on. Runs
// jobs with the engine's own JobRunner and renews their leases like the engine.
class NaiveWorker : public QObject
{
    Q_OBJECT
public:
    NaiveWorker(JobStore jobs, StageFactory stages, CleanupFn cleanup, int slotCount, QObject* parent = nullptr);

    void start();
    std::function<void()> onIdle; // nothing running and nothing queued for a while

private:
    void poll();
    void launch(const JobRecord& job, const JobLease& lease);
    void renew();
    void onIdleTimeout();

    JobStore m_jobs;
    StageFactory m_stages;
    CleanupFn m_cleanup;
    int m_slotCount;
    QString m_workerId;
    QHash<QString, JobRunner*> m_running;
    QTimer m_pollTimer;
    QTimer m_heartbeat;
    QTimer m_idleTimer;
};

} // namespace xms::bench
