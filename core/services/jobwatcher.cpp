#include "jobwatcher.h"

#include "storereader.h"

#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

namespace xms {

namespace {

// Cheap identity of what a view shows of a job; a change in any of these is worth a repaint.
size_t viewFingerprint(const JobRecord& j)
{
    size_t h = qHashMulti(0, int(j.stage), j.statusText, j.bytesTransferred, j.bytesTotal, j.etaSeconds,
                          j.cancelRequested, j.attempt, j.owner, j.updatedAt.toMSecsSinceEpoch(), j.rate);
    for (auto it = j.progress.cbegin(); it != j.progress.cend(); ++it)
        h = qHashMulti(h, int(it.key()), it->percent, it->bytesDone, it->bytesTotal);
    return h;
}

} // namespace

JobWatcher::JobWatcher(JobStore jobs, QObject* parent)
    : QObject(parent)
    , m_jobs(std::move(jobs))
{
    qRegisterMetaType<QList<xms::JobRecord>>();
    qRegisterMetaType<QList<xms::EventRecord>>();
    m_timer.setInterval(250);
    connect(&m_timer, &QTimer::timeout, this, &JobWatcher::tick);
    connect(&m_poll, &QFutureWatcher<Poll>::finished, this, &JobWatcher::onPolled);
}

JobWatcher::~JobWatcher()
{
    m_timer.stop();
    m_poll.waitForFinished(); // the pool thread reads m_jobs' store path; one short query at most
}

void JobWatcher::start()
{
    tick();
    m_timer.start();
}

void JobWatcher::stop()
{
    m_timer.stop();
}

void JobWatcher::follow(const QString& jobId)
{
    if (jobId == m_follow)
        return;
    m_follow = jobId;
    ++m_followGeneration;
    m_lastEvent = 0;
    m_pending.clear();
    if (!m_poll.isRunning())
        tick();
}

// On a pool thread: the jobs, the followed job's new events, and (every few seconds) the stall check.
JobWatcher::Poll JobWatcher::readPoll(const JobStore& jobs, const QString& follow, quint64 generation, qint64 after,
                                      int limit, int backlog, bool checkStalled)
{
    Poll p {jobs.jobs(), follow, generation, QList<EventRecord>(), std::nullopt};
    if (checkStalled)
        p.stall = jobcontrol::recoverStalled(jobs);
    if (follow.isEmpty())
        return p;
    if (after > 0) {
        p.events = jobs.events(follow, after, limit);
        return p;
    }
    // A job just followed: read its history here, off the caller's thread, keeping the newest part.
    QList<EventRecord> newest;
    qint64 cursor = 0;
    for (;;) {
        auto batch = jobs.events(follow, cursor, 5000);
        if (!batch) {
            p.events = std::unexpected(batch.error());
            return p;
        }
        if (batch->isEmpty())
            break;
        cursor = batch->last().id;
        newest.append(*batch);
        if (newest.size() > backlog)
            newest.remove(0, newest.size() - backlog);
        if (batch->size() < 5000)
            break;
    }
    p.events = newest;
    return p;
}

void JobWatcher::tick()
{
    if (m_poll.isRunning()) {
        m_again = true;
        return;
    }
    m_again = false;
    const JobStore jobs = m_jobs;
    const QString follow = m_follow;
    const quint64 generation = m_followGeneration;
    const qint64 after = m_lastEvent;
    const int limit = m_eventLimit;
    const int backlog = m_backlog;
    const bool checkStalled = m_recoverStalled && (!m_lastStallCheck.isValid() || m_lastStallCheck.elapsed() >= 5000);
    if (checkStalled)
        m_lastStallCheck.start();
    m_poll.setFuture(QtConcurrent::run(storeReaderPool(), [=] {
        return readPoll(jobs, follow, generation, after, limit, backlog, checkStalled);
    }));
}

void JobWatcher::onPolled()
{
    const Poll p = m_poll.result();
    if (p.stall && *p.stall && (*p.stall)->startedWorker)
        emit workerStarted(int((*p.stall)->ownerLost.size()), (*p.stall)->queued);
    else if (p.stall && !*p.stall && p.stall->error().message != m_lastStallError) // said once, not every 5 s
        emit storeFailed(m_lastStallError = p.stall->error().message);
    if (!p.jobs) {
        emit storeFailed(p.jobs.error().message);
    } else {
        QList<JobRecord> changed;
        QHash<QString, size_t> seen;
        seen.reserve(p.jobs->size());
        for (const JobRecord& j : *p.jobs) {
            const size_t f = viewFingerprint(j);
            seen.insert(j.id, f);
            const auto old = m_seen.constFind(j.id);
            if (old == m_seen.cend() || *old != f)
                changed.append(j);
        }
        QStringList removed;
        for (auto it = m_seen.cbegin(); it != m_seen.cend(); ++it) {
            if (!seen.contains(it.key()))
                removed.append(it.key());
        }
        m_seen = std::move(seen);
        if (!removed.isEmpty())
            emit jobsRemoved(removed);
        if (!changed.isEmpty())
            emit jobsChanged(changed);
    }
    if (p.followGeneration == m_followGeneration && !p.followId.isEmpty()) {
        if (!p.events) {
            emit storeFailed(p.events.error().message);
        } else if (!p.events->isEmpty()) {
            m_lastEvent = p.events->last().id;
            m_pending.append(*p.events);
            if (m_pending.size() > m_backlog) // the caller keeps no more than that anyway
                m_pending.remove(0, m_pending.size() - m_backlog);
        }
        deliverEvents();
    }
    if (m_again || p.followGeneration != m_followGeneration)
        tick();
}

// At most one slice per poll reaches the caller, so a long history never blocks its thread.
void JobWatcher::deliverEvents()
{
    if (m_pending.isEmpty())
        return;
    const qsizetype n = qMin<qsizetype>(m_pending.size(), m_eventLimit);
    const QList<EventRecord> slice = m_pending.first(n);
    m_pending.remove(0, n);
    emit eventsAppended(m_follow, slice);
}

JobSnapshot snapshotOf(const JobRecord& j)
{
    JobSnapshot s;
    s.id = j.id;
    s.sourceName = j.spec.value(u"source").toString();
    s.vmName = j.spec.value(u"vm").toString();
    s.cloudName = j.spec.value(u"cloud").toString();
    s.targetProject = j.spec.value(u"project").toString();
    s.instanceName = j.spec.value(u"instance_name").toString();
    s.stage = j.stage;
    for (auto it = j.progress.cbegin(); it != j.progress.cend(); ++it)
        s.stagePercent.insert(it.key(), it->percent);
    s.bytesTransferred = j.bytesTransferred;
    s.bytesTotal = j.bytesTotal;
    s.bytesPerSecond = j.rate;
    s.etaSeconds = j.etaSeconds;
    s.statusText = j.statusText;
    s.instanceId = j.result.value(u"server_id").toString();
    s.workerHost = j.workerHost;
    s.createdAt = j.createdAt;
    s.finishedAt = j.finishedAt;
    return s;
}

} // namespace xms
