#include "engine.h"

#include "common/errorcodes.h"
#include "common/logging.h"
#include "engine/enginesettings.h"
#include "engine/keptstaging.h"

#include <QCoreApplication>
#include <QDir>
#include <QUuid>

namespace xms {

namespace {
} // namespace

Engine::Engine(JobStore jobs, StageFactory stages, CleanupFn cleanup, PrepareFn prepare, EngineOptions options,
               QObject* parent)
    : QObject(parent)
    , m_jobs(std::move(jobs))
    , m_stages(std::move(stages))
    , m_cleanup(std::move(cleanup))
    , m_prepare(std::move(prepare))
    , m_options(std::move(options))
    , m_workerId(QStringLiteral("worker-%1-%2")
                     .arg(QCoreApplication::applicationPid())
                     .arg(QUuid::createUuid().toString(QUuid::Id128).left(8)))
{
    m_pollTimer.setInterval(m_options.pollMs);
    connect(&m_pollTimer, &QTimer::timeout, this, &Engine::poll);
    m_heartbeat.setInterval(m_options.heartbeatMs);
    connect(&m_heartbeat, &QTimer::timeout, this, &Engine::beat);
    m_idleTimer.setSingleShot(true);
    connect(&m_idleTimer, &QTimer::timeout, this, [this] {
        if (m_running.isEmpty() && m_preparing == 0 && m_jobs.queued().value_or(QStringList()).isEmpty())
            emit idle();
    });
}

Engine::~Engine()
{
    m_jobs.unregisterWorker(m_workerId);
}

void Engine::start()
{
    if (auto r = m_jobs.registerWorker(m_workerId, QCoreApplication::applicationPid()); !r)
        qCWarning(lcEngine) << "could not register worker:" << r.error().toString();
    recoverOrphans();
    if (const int swept = sweepKeptStaging(m_jobs, m_options.keepConvertedDays); swept > 0)
        qCInfo(lcEngine) << "discarded the kept disks of" << swept << "failed job(s) older than"
                         << m_options.keepConvertedDays << "days";
    m_pollTimer.start();
    m_heartbeat.start();
    poll();
}

void Engine::beat()
{
    m_jobs.heartbeat(m_workerId);
    recoverOrphans(); // another worker may have died since
}

void Engine::recoverOrphans()
{
    const QStringList orphans = m_jobs.orphaned(m_options.orphanAgeSeconds).value_or(QStringList());
    for (const QString& id : orphans) {
        auto taken = m_jobs.takeOver(id, m_workerId, m_options.orphanAgeSeconds);
        if (!taken || !*taken)
            continue; // another worker recovers it
        if (auto job = m_jobs.job(id))
            launch(*job, true);
    }
}

void Engine::poll()
{
    const QStringList queued = m_jobs.queued().value_or(QStringList());
    for (const QString& id : queued) {
        if (m_running.size() + m_preparing >= m_options.workerSlots)
            break;
        auto claimed = m_jobs.claim(id, m_workerId);
        if (!claimed || !*claimed)
            continue;
        if (auto job = m_jobs.job(id))
            launch(*job, false);
    }
    if (m_options.idleExitMs >= 0 && m_running.isEmpty() && m_preparing == 0 && queued.isEmpty()
        && !m_idleTimer.isActive())
        m_idleTimer.start(m_options.idleExitMs);
}

void Engine::launch(const JobRecord& job, bool recoverOnly)
{
    auto ctx = std::make_unique<JobContext>();
    ctx->jobId = job.id;
    ctx->attempt = job.attempt;
    ctx->stagingDir = QDir(m_options.stagingRoot).filePath(job.id);
    ctx->settings = EngineSettings::read(m_jobs.store());
    auto spec = MigrationSpec::fromJson(job.spec);
    if (spec)
        ctx->spec = *spec;

    auto* runner = new JobRunner(m_jobs, std::move(ctx), m_stages, m_cleanup, this);
    m_running.insert(job.id, runner);
    connect(runner, &JobRunner::finished, this, &Engine::onRunnerFinished);
    emit jobStarted(job.id);

    if (recoverOnly) {
        runner->recover(job.stage,
                        Error::make(errc::kJobOrphaned,
                                    tr("The process running this job stopped unexpectedly during %1. "
                                       "XMS removed what the job had created in Xloud; run 'xms "
                                       "migration retry %2' to start it again.")
                                        .arg(stageName(job.stage), job.id.left(8))));
        return;
    }
    if (!spec) {
        runner->recover(Stage::Queued, spec.error());
        return;
    }
    if (!m_prepare) {
        runner->start();
        return;
    }
    ++m_preparing;
    m_running.remove(job.id); // counted as preparing until its secrets are in
    m_prepare(runner->context(), *runner, this, [this, runner, id = job.id](Status ok) {
        --m_preparing;
        m_running.insert(id, runner);
        if (!ok) {
            runner->recover(Stage::Queued, ok.error());
            return;
        }
        runner->start();
    });
}

void Engine::onRunnerFinished(const QString& jobId, Stage terminal)
{
    if (JobRunner* r = m_running.take(jobId))
        r->deleteLater();
    emit jobFinished(jobId, terminal);
    poll();
}

} // namespace xms
