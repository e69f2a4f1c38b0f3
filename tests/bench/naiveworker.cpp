#include "naiveworker.h"

#include "common/errorcodes.h"
#include "common/paths.h"
#include "engine/enginesettings.h"

#include <QCoreApplication>
#include <QDir>
#include <QUuid>

namespace xms::bench {

namespace {
constexpr int kLeaseSeconds = 15; // the engine's defaults
constexpr int kPollMs = 500;
constexpr int kHeartbeatMs = 2000;
constexpr int kIdleExitMs = 500;
} // namespace

NaiveWorker::NaiveWorker(JobStore jobs, StageFactory stages, CleanupFn cleanup, int slotCount, QObject* parent)
    : QObject(parent)
    , m_jobs(std::move(jobs))
    , m_stages(std::move(stages))
    , m_cleanup(std::move(cleanup))
    , m_slotCount(slotCount)
    , m_workerId(QStringLiteral("naive-%1-%2")
                     .arg(QCoreApplication::applicationPid())
                     .arg(QUuid::createUuid().toString(QUuid::Id128).left(8)))
{
    m_pollTimer.setInterval(kPollMs);
    connect(&m_pollTimer, &QTimer::timeout, this, &NaiveWorker::poll);
    m_heartbeat.setInterval(kHeartbeatMs);
    connect(&m_heartbeat, &QTimer::timeout, this, &NaiveWorker::renew);
    m_idleTimer.setSingleShot(true);
    connect(&m_idleTimer, &QTimer::timeout, this, &NaiveWorker::onIdleTimeout);
}

void NaiveWorker::start()
{
    m_pollTimer.start();
    m_heartbeat.start();
    poll();
}

void NaiveWorker::poll()
{
    const QStringList queued = m_jobs.queued().value_or(QStringList());
    for (const QString& id : queued) {
        if (m_running.size() >= m_slotCount)
            break;
        auto claimed = m_jobs.claim(id, m_workerId, kLeaseSeconds);
        if (!claimed || !*claimed)
            continue; // another worker was faster
        if (auto job = m_jobs.job(id))
            launch(*job, **claimed);
    }
    if (m_running.isEmpty() && queued.isEmpty() && !m_idleTimer.isActive())
        m_idleTimer.start(kIdleExitMs);
}

void NaiveWorker::launch(const JobRecord& job, const JobLease& lease)
{
    auto ctx = std::make_unique<JobContext>();
    ctx->jobId = job.id;
    ctx->attempt = job.attempt;
    ctx->workerId = m_workerId;
    ctx->stagingDir = QDir(paths::stagingDir()).filePath(job.id);
    ctx->settings = EngineSettings::read(m_jobs.store());
    if (auto spec = MigrationSpec::fromJson(job.spec))
        ctx->spec = *spec;
    auto* runner = new JobRunner(m_jobs, lease, std::move(ctx), m_stages, m_cleanup, this);
    m_running.insert(job.id, runner);
    connect(runner, &JobRunner::finished, this, [this](const QString& id, Stage) {
        if (JobRunner* r = m_running.take(id))
            r->deleteLater();
        poll();
    });
    runner->start();
}

void NaiveWorker::renew()
{
    for (JobRunner* r : std::as_const(m_running))
        if (const Status s = m_jobs.renew(r->lease(), kLeaseSeconds); !s && s.error().is(errc::kJobLeaseLost))
            r->fence(s.error());
}

void NaiveWorker::onIdleTimeout()
{
    if (m_running.isEmpty() && m_jobs.queued().value_or(QStringList()).isEmpty() && onIdle)
        onIdle();
}

} // namespace xms::bench
