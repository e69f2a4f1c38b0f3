#include "exportsession.h"

#include "common/errorcodes.h"
#include "common/logging.h"
#include "diskdownload.h"
#include "session.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QThread>
#include <mutex>
#include <optional>

namespace xms::vsphere {

namespace {
constexpr qint64 kRateWindowMs = 5000;
}

struct ExportSession::Plan
{
    struct Disk
    {
        int index = 0;
        QString key;
        DiskDownload::Job job;
    };
    QList<Disk> disks;
    bool reuse = true;
    std::atomic_int next {0}; // the next disk a worker takes
    std::mutex lock;
    std::optional<Error> error; // the first failure; the others only followed it
};

QJsonObject ExportProgress::toJson() const
{
    return QJsonObject {
        {QStringLiteral("disk"), diskIndex},
        {QStringLiteral("disks"), diskCount},
        {QStringLiteral("bytesReceived"), qint64(bytesReceived)},
        {QStringLiteral("bytesWritten"), qint64(bytesWritten)},
        {QStringLiteral("position"), qint64(position)},
        {QStringLiteral("capacity"), qint64(capacity)},
        {QStringLiteral("bytesPerSecond"), bytesPerSecond},
        {QStringLiteral("percent"), percent()},
    };
}

QString ExportSession::stagingPath(const QString& dir, int diskIndex)
{
    return QDir(dir).filePath(QStringLiteral("disk-%1.raw").arg(diskIndex));
}

ExportSession::ExportSession(Session& session, VmInfo vm, Options options, QObject* parent)
    : QObject(parent)
    , m_session(session)
    , m_vm(std::move(vm))
    , m_options(std::move(options))
    , m_lease(session, this)
{
    if (m_options.keepAliveIntervalMs > 0)
        m_lease.setKeepAliveIntervalMs(m_options.keepAliveIntervalMs);
}

ExportSession::~ExportSession()
{
    m_cancel = true;
    for (QThread* w : std::as_const(m_workers)) {
        w->wait(); // the transfer sees the flag within 100 ms
        delete w;
    }
}

void ExportSession::start()
{
    m_clock.start();
    if (m_options.stagingDir.isEmpty() || !QDir().mkpath(m_options.stagingDir))
        return finish(fail(errc::kExportStaging,
                           tr("The staging directory '%1' cannot be created. Check the disk and its permissions.")
                               .arg(m_options.stagingDir)));
    m_lease.open(
        m_vm.moref,
        [this](Result<LeaseInfo> info) {
            if (m_ended)
                return;
            if (!info) // a lease that failed to get ready may still exist: end it (a no-op when it does not)
                return m_lease.abort([this, e = info.error()](Status) { finish(std::unexpected(e)); });
            if (m_cancel)
                return m_lease.abort([this](Status) { finish(std::unexpected(cancelledError())); });
            onLeaseReady(*info);
        },
        m_options.leaseReadyTimeoutSec);
}

void ExportSession::cancel()
{
    if (m_ended || m_cancel.exchange(true))
        return;
    qCInfo(lcVsphere) << "cancelling the export of" << m_vm.name;
    if (m_workers.isEmpty()) // still waiting for the lease: end it now rather than after it is ready
        m_lease.abort([this](Status) { finish(std::unexpected(cancelledError())); });
}

Error ExportSession::cancelledError() const
{
    return Error::make(errc::kExportCancelled, tr("The export of %1 was cancelled.").arg(m_vm.name));
}

void ExportSession::onLeaseReady(const LeaseInfo& info)
{
    auto plan = std::make_shared<Plan>();
    plan->reuse = m_options.reuseCompleteDisks;
    QList<bool> taken(m_vm.disks.size(), false);
    int next = 0;
    for (const LeaseDevice& dev : info.devices) {
        if (!dev.disk)
            continue; // nvram and other files: not needed in the cloud
        int index = -1, bus = 0, unit = 0;
        if (dev.busAndUnit(bus, unit)) {
            for (int i = 0; i < m_vm.disks.size(); ++i) {
                const DiskInfo& d = m_vm.disks.at(i);
                if (!taken.at(i) && d.controllerBus == bus && d.unitNumber == unit && dev.key.contains(u"Controller")) {
                    index = i;
                    break;
                }
            }
        }
        for (; index < 0 && next < m_vm.disks.size(); ++next) { // no usable key: the lease lists disks in order
            if (!taken.at(next))
                index = next;
        }
        if (index < 0)
            index = int(plan->disks.size()); // the VmInfo did not list the disks
        if (index < taken.size())
            taken[index] = true;
        Plan::Disk d;
        d.index = index;
        d.key = dev.key;
        d.job.url = dev.url;
        // The host serving the disk presents the certificate the lease names; otherwise the source's trust.
        d.job.tls = dev.sslThumbprint.isEmpty() ? m_session.soap().tlsPolicy() : TlsPolicy::pinned(dev.sslThumbprint);
        d.job.cookie = m_session.soap().sessionCookie();
        d.job.path = stagingPath(m_options.stagingDir, index);
        d.job.capacity = index < m_vm.disks.size() ? quint64(m_vm.disks.at(index).capacityBytes) : 0;
        d.job.maxResumes = m_options.maxResumes;
        m_capacity += d.job.capacity;
        plan->disks.append(d);
    }
    if (plan->disks.isEmpty())
        return m_lease.abort([this](Status) {
            finish(fail(errc::kExportNoDisks, tr("vSphere offered no disks to export for %1.").arg(m_vm.name)));
        });
    emit started(QJsonObject {
        {QStringLiteral("vm"), m_vm.name},
        {QStringLiteral("lease"), info.lease.value},
        {QStringLiteral("disks"), int(plan->disks.size())},
        {QStringLiteral("capacityBytes"), qint64(m_capacity)},
        {QStringLiteral("leaseTimeoutSec"), info.leaseTimeoutSec},
    });
    // Disks stream side by side from the one lease: a host serves each NFC stream at a capped rate, so
    // a VM's disks take as long as its largest one, not their sum.
    const int workers = std::clamp(m_options.parallelDisks, 1, int(plan->disks.size()));
    for (int i = 0; i < workers; ++i) {
        QThread* w = QThread::create([this, plan] { runWorker(plan); });
        w->setObjectName(QStringLiteral("xms-export-%1").arg(i));
        m_workers.append(w);
    }
    for (QThread* w : std::as_const(m_workers))
        w->start();
}

// On a worker thread: only the plan, atomics and posted lambdas — no member state is touched directly.
// Each worker takes the next disk until none is left or one failed (which stops the others).
void ExportSession::runWorker(std::shared_ptr<Plan> plan)
{
    for (int i = plan->next++; i < plan->disks.size() && !m_cancel; i = plan->next++) {
        const Plan::Disk& d = plan->disks.at(i);
        ExportedDisk e;
        e.index = d.index;
        e.deviceKey = d.key;
        e.path = d.job.path;
        e.capacityBytes = d.job.capacity;
        const QFileInfo staged(d.job.path);
        if (plan->reuse && staged.exists() && d.job.capacity && quint64(staged.size()) == d.job.capacity) {
            e.format = QStringLiteral("reused"); // finished by an earlier attempt: final names only exist when complete
        } else {
            const int index = d.index;
            auto outcome = DiskDownload::run(d.job, &m_cancel, [this, index](const DecodeProgress& p) {
                QMetaObject::invokeMethod(
                    this, [this, index, p] { onWorkerProgress(index, p.bytesReceived, p.bytesWritten, p.position); },
                    Qt::QueuedConnection);
            });
            if (!outcome) {
                const std::lock_guard<std::mutex> held(plan->lock);
                if (!plan->error)
                    plan->error = outcome.error();
                m_cancel = true; // the other disks stop too: the job fails as one
                break;
            }
            e.format = outcome->format;
            e.capacityBytes = outcome->capacity;
            e.bytesReceived = outcome->bytesReceived;
            e.resumes = outcome->resumes;
        }
        QMetaObject::invokeMethod(
            this, [this, e] { onDiskDone(e); }, Qt::QueuedConnection);
    }
    QMetaObject::invokeMethod(
        this,
        [this, plan] {
            if (++m_workersDone < m_workers.size())
                return;
            const std::lock_guard<std::mutex> held(plan->lock);
            onWorkerDone(plan->error ? Status(std::unexpected(*plan->error)) : Status());
        },
        Qt::QueuedConnection);
}

void ExportSession::onDiskDone(const ExportedDisk& disk)
{
    m_active.remove(disk.index);
    m_result.disks.append(disk);
    m_doneReceived += disk.bytesReceived;
    m_donePosition += disk.capacityBytes;
    m_doneWritten += disk.capacityBytes;
    emit diskFinished(disk);
}

void ExportSession::onWorkerProgress(int diskIndex, quint64 received, quint64 written, quint64 position)
{
    if (m_ended)
        return;
    m_active[diskIndex] = {received, written, position};
    ExportProgress p;
    p.diskIndex = diskIndex;
    p.diskCount = int(m_vm.disks.size());
    p.bytesReceived = m_doneReceived;
    p.bytesWritten = m_doneWritten;
    p.position = m_donePosition;
    for (const Flow& f : std::as_const(m_active)) {
        p.bytesReceived += f.received;
        p.bytesWritten += f.written;
        p.position += f.position;
    }
    p.capacity = m_capacity;
    const qint64 now = m_clock.elapsed();
    m_samples.emplace_back(now, p.bytesReceived);
    while (m_samples.size() > 2 && now - m_samples.front().first > kRateWindowMs)
        m_samples.pop_front();
    const qint64 span = now - m_samples.front().first;
    if (span > 0)
        p.bytesPerSecond = double(p.bytesReceived - m_samples.front().second) * 1000.0 / double(span);
    m_lease.setProgress(p.percent());
    emit progress(p);
}

void ExportSession::onWorkerDone(const Status& status)
{
    for (QThread* w : std::as_const(m_workers))
        w->wait();
    if (!status) {
        const Error error = status.error().is(errc::kTransferCancelled) ? cancelledError() : status.error();
        qCWarning(lcVsphere) << "export of" << m_vm.name << "failed:" << error.toString();
        return m_lease.abort([this, error](Status) { finish(std::unexpected(error)); });
    }
    std::sort(m_result.disks.begin(), m_result.disks.end(),
              [](const ExportedDisk& a, const ExportedDisk& b) { return a.index < b.index; });
    m_lease.setProgress(100);
    m_lease.complete([this](Status s) {
        if (!s)
            qCWarning(lcVsphere) << "HttpNfcLeaseComplete failed (the disks are staged):" << s.error().toString();
        finish({});
    });
}

void ExportSession::finish(const Status& status)
{
    if (m_ended)
        return;
    m_ended = true;
    m_result.elapsedMs = m_clock.elapsed();
    if (status)
        qCInfo(lcVsphere) << "exported" << m_result.disks.size() << "disk(s) of" << m_vm.name << "in"
                          << m_result.elapsedMs << "ms";
    emit finished(status);
}

} // namespace xms::vsphere
