#include "engine.h"

#include "common/errorcodes.h"
#include "common/paths.h"
#include "common/logging.h"
#include "engine/enginesettings.h"
#include "engine/keptstaging.h"

#include <QCoreApplication>
#include <QDir>
#include <QPointer>
#include <QUuid>

namespace xms {

namespace {
constexpr int kWorkerAliveSeconds = 10; // a worker heartbeats every 2 s
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
    connect(&m_idleTimer, &QTimer::timeout, this, &Engine::onIdleTimeout);
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

void Engine::shutdown(const Error& why)
{
    if (m_shuttingDown)
        return;
    m_shuttingDown = true;
    m_pollTimer.stop();
    m_idleTimer.stop();
    qCInfo(lcEngine) << "stopping:" << m_running.size() << "job(s) to end first";
    if (m_running.isEmpty()) {
        emit stopped();
        return;
    }
    for (JobRunner* r : std::as_const(m_running))
        r->interrupt(why);
}

void Engine::beat()
{
    m_jobs.workerHeartbeat(m_workerId);
    renewLeases();
    if (!m_shuttingDown)
        recoverOrphans(); // another worker may have died since
}

void Engine::renewLeases()
{
    const qint64 leaseMs = qint64(m_options.leaseSeconds) * 1000;
    for (auto it = m_running.cbegin(); it != m_running.cend(); ++it) {
        JobRunner* runner = it.value();
        QElapsedTimer& renewed = m_renewed[it.key()];
        // Measured on the monotonic clock: a process that was stopped (SIGSTOP, a debugger) for longer
        // than its lease must assume another worker took the job, whatever the store says.
        if (renewed.isValid() && renewed.elapsed() >= leaseMs) {
            runner->fence(Error::make(errc::kJobLeaseLost,
                                      tr("this worker could not renew the job's lease for %1 s (longer than the "
                                         "lease); it was paused or lost the database")
                                          .arg(renewed.elapsed() / 1000)));
            continue;
        }
        const Status r = m_jobs.renew(runner->lease(), m_options.leaseSeconds);
        if (r)
            renewed.start();
        else if (r.error().is(errc::kJobLeaseLost))
            runner->fence(r.error());
        else
            qCWarning(lcEngine) << "could not renew the lease of job" << it.key() << r.error().toString();
    }
}

void Engine::recoverOrphans()
{
    const QStringList orphans = m_jobs.orphaned().value_or(QStringList());
    for (const QString& id : orphans) {
        if (m_running.contains(id))
            continue; // ours: fenced on the next renewal, never recovered while it may still run
        auto taken = m_jobs.takeOver(id, m_workerId, m_options.leaseSeconds);
        if (!taken || !*taken)
            continue; // another worker recovers it
        if (auto job = m_jobs.job(id))
            launch(*job, **taken, true);
    }
}

void Engine::poll()
{
    if (m_shuttingDown)
        return;
    // One statement per claim: workers on other hosts claiming at the same moment get other jobs.
    while (m_running.size() < m_options.workerSlots && !m_shuttingDown) {
        // Read each time: a job launched here may have been given back (and skipped) already.
        auto claimed = m_jobs.claimNext(m_workerId, m_options.leaseSeconds, QStringList(m_skip.cbegin(), m_skip.cend()));
        if (!claimed) {
            qCWarning(lcEngine) << "could not look at the queue:" << claimed.error().toString();
            return;
        }
        if (!*claimed)
            break;
        auto job = m_jobs.job((*claimed)->jobId);
        if (!job) {
            qCWarning(lcEngine) << "claimed job" << (*claimed)->jobId << "cannot be read:" << job.error().toString();
            break; // its lease runs out and recovery fails it
        }
        launch(*job, **claimed, false);
    }
    if (m_options.idleExitMs < 0 || !m_running.isEmpty() || m_idleTimer.isActive())
        return;
    QStringList queued = m_jobs.queued().value_or(QStringList());
    for (const QString& id : std::as_const(m_skip))
        queued.removeAll(id);
    if (queued.isEmpty())
        m_idleTimer.start(m_options.idleExitMs);
}

void Engine::onIdleTimeout()
{
    if (!m_running.isEmpty())
        return;
    // Unregister first, then look once more: a submitter that saw this worker alive wrote its job before
    // looking, so it is in the queue now; one that looks after sees no worker and starts its own.
    m_jobs.unregisterWorker(m_workerId);
    const bool work
        = !m_jobs.queued().value_or(QStringList()).isEmpty() || !m_jobs.orphaned().value_or(QStringList()).isEmpty();
    if (work) {
        m_jobs.registerWorker(m_workerId, QCoreApplication::applicationPid());
        recoverOrphans();
        poll();
        return;
    }
    emit idle();
}

void Engine::launch(const JobRecord& job, const JobLease& lease, bool recoverOnly)
{
    auto ctx = std::make_unique<JobContext>();
    ctx->jobId = job.id;
    ctx->attempt = job.attempt;
    ctx->workerId = m_workerId;
    ctx->stagingDir = QDir(m_options.stagingRoot).filePath(job.id);
    ctx->settings = EngineSettings::read(m_jobs.store());
    auto spec = MigrationSpec::fromJson(job.spec);
    if (spec)
        ctx->spec = *spec;

    auto* runner = new JobRunner(m_jobs, lease, std::move(ctx), m_stages, m_cleanup, this);
    m_running.insert(job.id, runner);
    m_renewed[job.id].start();
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
    QPointer<JobRunner> guard(runner);
    m_prepare(runner->context(), *runner, this, [this, guard](Status ok) {
        if (!guard)
            return; // fenced (or stopped) while preparing
        if (!ok && ok.error().is(errc::kSecretsNotFound))
            return giveBack(guard, ok.error());
        if (!ok) {
            guard->recover(Stage::Queued, ok.error());
            return;
        }
        guard->start();
    });
}

void Engine::giveBack(JobRunner* runner, const Error& why)
{
    const QString id = runner->context().jobId;
    const QString here = paths::hostName();
    QStringList others = m_jobs.liveWorkerHosts(kWorkerAliveSeconds).value_or(QStringList());
    others.removeAll(here);
    if (others.isEmpty()) // nobody else could run it: fail now, saying which secret is missing
        return runner->recover(Stage::Queued, why);
    qCInfo(lcEngine) << "giving job" << id << "back: this host lacks its secrets;" << others.size() << "other host(s)";
    m_jobs.appendEvent(runner->lease(),
                       EventRecord::of(id, Stage::Queued, EventLevel::Warning, QStringLiteral("job.passed_over"),
                                       Text::translate("xms::Engine",
                                                       "The worker on %1 cannot run this job: %2 It is left for a "
                                                       "worker on another host (%3).")
                                           .arg(here, why.message, others.join(QStringLiteral(", "))),
                                       {{QStringLiteral("host"), here}, {QStringLiteral("code"), why.code}}));
    m_jobs.unclaim(runner->lease(),
                   Text::translate("xms::Engine", "Waiting for a worker that has its credentials (%1 lacks them)")
                       .arg(here));
    m_skip.insert(id);
    m_running.remove(id);
    m_renewed.remove(id);
    runner->deleteLater();
    QTimer::singleShot(0, this, &Engine::poll);
}

void Engine::onRunnerFinished(const QString& jobId, Stage terminal)
{
    if (JobRunner* r = m_running.take(jobId))
        r->deleteLater();
    m_renewed.remove(jobId);
    if (isTerminal(terminal))
        emit jobFinished(jobId, terminal);
    else
        emit jobLost(jobId);
    if (m_shuttingDown) {
        if (m_running.isEmpty())
            emit stopped();
        return;
    }
    poll();
}

} // namespace xms
