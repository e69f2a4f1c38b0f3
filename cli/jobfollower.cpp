#include "jobfollower.h"

#include "cli.h"
#include "common/text.h"
#include "exitcodes.h"
#include "services/jobcontrol.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <unistd.h>

namespace xms::cli {

JobFollower::JobFollower(JobStore jobs, QString jobId, Mode mode, bool follow, QObject* parent)
    : QObject(parent)
    , m_jobs(std::move(jobs))
    , m_jobId(std::move(jobId))
    , m_mode(mode)
    , m_follow(follow)
{
    m_timer.setInterval(300);
    connect(&m_timer, &QTimer::timeout, this, &JobFollower::poll);
}

void JobFollower::start()
{
    // From the event loop: finishing before QCoreApplication::exec() runs would be ignored.
    QTimer::singleShot(0, this, [this] {
        poll();
        if (m_follow)
            m_timer.start();
    });
}

void JobFollower::poll()
{
    auto job = m_jobs.job(m_jobId);
    if (!job) {
        m_timer.stop();
        finish(report(job.error()));
        return;
    }
    const auto events = m_jobs.events(m_jobId, m_lastEvent).value_or(QList<EventRecord>());
    for (const EventRecord& e : events) {
        if (m_mode == Mode::Progress && e.name.endsWith(u".progress") && isatty(STDOUT_FILENO))
            continue; // the live progress line shows these on a terminal
        printEvent(e);
        m_lastEvent = e.id;
    }
    if (!events.isEmpty())
        m_lastEvent = events.last().id;
    if (m_mode == Mode::Progress)
        printProgress(*job);
    out().flush();

    const bool ended = isTerminal(job->stage);
    if (m_follow && !ended)
        checkWorker(*job);
    if (!m_follow || (ended && events.isEmpty())) {
        m_timer.stop();
        if (m_progressLineOpen)
            out() << Qt::endl;
        if (!m_follow)
            finish(exit::Ok);
        else
            finish(job->stage == Stage::Completed ? exit::Ok : exit::JobFailed);
    }
}

void JobFollower::checkWorker(const JobRecord& job)
{
    if (m_lastWorkerCheck.isValid() && m_lastWorkerCheck.elapsed() < 3000)
        return;
    m_lastWorkerCheck.start();
    const auto check = jobcontrol::recoverStalled(m_jobs);
    if (!check) {
        err() << "xms: " << check.error().message << Qt::endl;
        return;
    }
    if (!check->ownerLost.contains(job.id) || m_reportedOwnerLost)
        return;
    m_reportedOwnerLost = true;
    if (m_progressLineOpen) {
        out() << "\r\033[K";
        m_progressLineOpen = false;
    }
    out() << Text::translate("xms::cli", "The worker running this job stopped (%1: its lease expired at %2). %3")
                 .arg(job.owner, job.leaseExpiresAt.toLocalTime().toString(QStringLiteral("HH:mm:ss")))
                 .arg(check->startedWorker ? Text::translate("xms::cli", "Started a worker to recover it.")
                                           : Text::translate("xms::cli", "Another live worker recovers it."))
                 .toString()
          << Qt::endl;
}

void JobFollower::printEvent(const EventRecord& e)
{
    if (m_progressLineOpen) {
        out() << "\r\033[K";
        m_progressLineOpen = false;
    }
    if (m_mode == Mode::EventsJson) {
        out() << QJsonDocument(e.toJson()).toJson(QJsonDocument::Compact) << '\n';
        return;
    }
    out() << e.time.toLocalTime().toString(QStringLiteral("HH:mm:ss")) << "  " << stageName(e.stage).leftJustified(12)
          << ' ' << e.name.leftJustified(22) << ' ' << e.message << '\n';
}

void JobFollower::printProgress(const JobRecord& job)
{
    if (isTerminal(job.stage))
        return;
    const StageProgress p = job.progress.value(job.stage);
    QString line = QStringLiteral("  %1 %2% ").arg(stageName(job.stage), -12).arg(p.percent, 3);
    const int width = 30;
    const int filled = p.percent * width / 100;
    line += u'[' + QString(filled, u'#') + QString(width - filled, u'.') + u']';
    if (p.bytesTotal > 0)
        line += QStringLiteral(" %1/%2 MiB").arg(p.bytesDone >> 20).arg(p.bytesTotal >> 20);
    if (job.rate > 0)
        line += QStringLiteral(" %1 MiB/s").arg(job.rate / 1048576.0, 0, 'f', 1);
    if (job.etaSeconds >= 0)
        line += QStringLiteral(" ETA %1s").arg(job.etaSeconds);
    if (isatty(STDOUT_FILENO)) {
        out() << "\r\033[K" << line;
        m_progressLineOpen = true;
    }
}

} // namespace xms::cli
