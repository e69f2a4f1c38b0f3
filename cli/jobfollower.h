#pragma once

#include "store/jobstore.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

namespace xms::cli {

// Tails one job from the shared store: prints each new event as it is stored (by any process), and in
// --wait mode a live progress line. Ends with the job: exit 0 when Completed, 5 when Failed/Cancelled.
class JobFollower : public QObject
{
    Q_OBJECT
public:
    enum class Mode { Events, EventsJson, Progress };
    JobFollower(JobStore jobs, QString jobId, Mode mode, bool follow, QObject* parent = nullptr);
    void start();

private:
    void poll();
    void printEvent(const EventRecord& e);
    void printProgress(const JobRecord& job);
    void checkWorker(const JobRecord& job); // a followed job whose worker is gone gets one

    JobStore m_jobs;
    QString m_jobId;
    Mode m_mode;
    bool m_follow;
    qint64 m_lastEvent = 0;
    bool m_progressLineOpen = false;
    QElapsedTimer m_lastWorkerCheck;
    bool m_reportedOwnerLost = false;
    QTimer m_timer;
};

} // namespace xms::cli
