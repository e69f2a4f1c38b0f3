#pragma once

#include "common/error.h"
#include "exportlease.h"
#include "exportresult.h"
#include "vminfo.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <atomic>
#include <deque>
#include <memory>

class QThread;

namespace xms::vsphere {

class Session;

struct ExportProgress
{
    int diskIndex = 0; // the disk being transferred (VM disk order)
    int diskCount = 0;
    quint64 bytesReceived = 0; // over the wire, all disks so far
    quint64 bytesWritten = 0; // disk bytes decoded into staging, zeros included
    quint64 position = 0; // disk bytes covered, all disks so far
    quint64 capacity = 0; // all disks
    double bytesPerSecond = 0; // wire rate over the last few seconds

    int percent() const { return capacity ? int(position * 100 / capacity) : 0; }
    QJsonObject toJson() const;
};

// Exports a powered-off VM's disks into local staging images: ExportVm lease, then each disk URL streamed
// by libcurl on a worker thread (options.parallelDisks of them at once) (session cookie, TLS pinned to the lease's
// thumbprint) through the one-pass decoder into "<stagingDir>/disk-<n>.raw". Keeps the lease alive with progress,
// completes it on success and aborts it on any error or cancel; a disk that did not finish leaves no file. Never writes
// to the source.
class ExportSession : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        QString stagingDir;
        int maxResumes = 20; // Range resumes per disk after a dropped connection; 0 = fail at once
        bool reuseCompleteDisks = true; // a finished "<stagingDir>/disk-<n>.raw" of the right size is kept
        int leaseReadyTimeoutSec = 600;
        int keepAliveIntervalMs = 0; // 0: a fifth of the lease timeout
        int parallelDisks = 1; // disks streamed at once from the lease
    };

    ExportSession(Session& session, VmInfo vm, Options options, QObject* parent = nullptr);
    ~ExportSession() override; // cancels and waits for the worker

    void start();
    // Stops the transfer within a second, aborts the lease, removes partial files, then finished() with
    // "export.cancelled".
    void cancel();

    const ExportResult& result() const { return m_result; } // after finished() with success
    static QString stagingPath(const QString& dir, int diskIndex);

signals:
    void started(const QJsonObject& eventData); // the lease is ready: the "export.started" event
    void progress(const xms::vsphere::ExportProgress& progress);
    void diskFinished(const xms::vsphere::ExportedDisk& disk);
    void finished(const xms::Status& status); // once

private:
    struct Plan;
    void onLeaseReady(const LeaseInfo& info);
    void runWorker(std::shared_ptr<Plan> plan);
    void onWorkerProgress(int diskIndex, quint64 received, quint64 written, quint64 position);
    void onDiskDone(const ExportedDisk& disk);
    void onWorkerDone(const Status& status);
    void finish(const Status& status);
    Error cancelledError() const;

    Session& m_session;
    VmInfo m_vm;
    Options m_options;
    ExportLease m_lease;
    ExportResult m_result;
    std::atomic_bool m_cancel {false};
    QList<QThread*> m_workers; // one per disk streamed at once
    int m_workersDone = 0;
    struct Flow
    {
        quint64 received = 0, written = 0, position = 0;
    };
    QHash<int, Flow> m_active; // disks in flight, by index
    QElapsedTimer m_clock;
    quint64 m_capacity = 0;
    quint64 m_doneReceived = 0; // finished disks
    quint64 m_donePosition = 0;
    quint64 m_doneWritten = 0;
    std::deque<std::pair<qint64, quint64>> m_samples; // (ms, bytes received) for the rate
    bool m_ended = false;
};

} // namespace xms::vsphere
