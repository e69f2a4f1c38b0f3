#pragma once

#include "model/jobsnapshot.h"
#include "services/jobcontrol.h"
#include "store/jobstore.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QHash>
#include <QObject>
#include <QTimer>

namespace xms {

// Watches the shared store for the front ends: jobs submitted or advanced by any process (the CLI, a
// headless worker, this app) show up here. Each poll runs on a pool thread — the caller's thread never
// touches SQLite — and its result is diffed against the last one, so one tick emits at most one batch of
// changed jobs and one batch of new events. The interval bounds the update rate (250 ms → 4/s).
class JobWatcher : public QObject
{
    Q_OBJECT
public:
    explicit JobWatcher(JobStore jobs, QObject* parent = nullptr);
    ~JobWatcher() override;

    void setInterval(int ms) { m_timer.setInterval(ms); }
    void setEventBatchLimit(int limit) { m_eventLimit = limit; }
    // Following a job with a long history starts at its newest `backlog` events, not its first.
    void setEventBacklog(int backlog) { m_backlog = backlog; }
    void start(); // polls at once, then every interval
    void stop();
    // Events of this job are delivered from its first one on; an empty id stops following.
    void follow(const QString& jobId);
    // Every few seconds, also start a worker when jobs wait for one that is not there (jobcontrol.h).
    void setRecoverStalled(bool on) { m_recoverStalled = on; }
    QString followed() const { return m_follow; }
    const JobStore& jobStore() const { return m_jobs; }

signals:
    void jobsChanged(const QList<xms::JobRecord>& jobs); // new or changed since the last poll
    void jobsRemoved(const QStringList& ids);
    void eventsAppended(const QString& jobId, const QList<xms::EventRecord>& events);
    void storeFailed(const QString& message); // the store could not be read (shown, polling goes on)
    // A worker was started for jobs nobody ran: ownerLost of them had an owner whose lease expired.
    void workerStarted(int ownerLost, int queued);

private:
    struct Poll
    {
        Result<QList<JobRecord>> jobs;
        QString followId;
        quint64 followGeneration = 0;
        Result<QList<EventRecord>> events;
        std::optional<Result<jobcontrol::StallCheck>> stall;
    };
    static Poll readPoll(const JobStore& jobs, const QString& follow, quint64 generation, qint64 after, int limit,
                         int backlog, bool checkStalled);
    void tick();
    void onPolled();
    void deliverEvents();

    JobStore m_jobs;
    QTimer m_timer;
    QFutureWatcher<Poll> m_poll;
    QHash<QString, size_t> m_seen; // job id → fingerprint of what was last emitted
    QString m_follow;
    quint64 m_followGeneration = 0; // a poll started before follow() changed is ignored for events
    qint64 m_lastEvent = 0;
    bool m_recoverStalled = false;
    QElapsedTimer m_lastStallCheck;
    QString m_lastStallError;
    int m_eventLimit = 2000; // per tick: 8,000 events/s keeps up with any real job, in small UI slices
    int m_backlog = 20000;
    QList<EventRecord> m_pending; // read but not yet handed out (a long history arrives in slices)
    bool m_again = false; // a tick arrived while a poll was running
};

// What the jobs table draws, from a stored job.
JobSnapshot snapshotOf(const JobRecord& job);

} // namespace xms
