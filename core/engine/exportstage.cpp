#include "exportstage.h"

#include "common/errorcodes.h"
#include "common/logging.h"
#include "common/text.h"
#include "engine/guestnetworkreport.h"
#include "engine/jobcontext.h"
#include "vsphere/inventorycache.h"
#include "vsphere/vmexport.h"

#include <QCoreApplication>
#include <QDir>
#include <QStorageInfo>
#include <QTimer>

namespace xms {

namespace {
constexpr qint64 kGiB = 1024LL * 1024 * 1024;
}

Status checkStagingSpace(const QString& stagingDir, qint64 diskBytes)
{
    QString probe = stagingDir;
    while (!probe.isEmpty() && !QDir(probe).exists())
        probe = QFileInfo(probe).path() == probe ? QString() : QFileInfo(probe).path();
    const QStorageInfo fs(probe.isEmpty() ? QDir::rootPath() : probe);
    const qint64 need = diskBytes + kStagingReserveBytes;
    if (fs.isValid() && fs.bytesAvailable() < need)
        return fail(errc::kStagingNoSpace,
                    Text::translate("xms::ExportStageRunner",
                                    "Not enough free space for staging: %1 needs %2 GiB but %3 has "
                                    "%4 GiB free. Free some space or choose another staging directory "
                                    "(Settings, or XMS_HOME), then retry.")
                        .toString()
                        .arg(QDir::toNativeSeparators(stagingDir))
                        .arg(double(need) / kGiB, 0, 'f', 1)
                        .arg(fs.rootPath())
                        .arg(double(fs.bytesAvailable()) / kGiB, 0, 'f', 1));
    return {};
}

// A slot still held here is freed by the store when the job ends (JobStore::end), or stops counting
// when its lease runs out; the context may already be gone when a runner is destroyed.
ExportStageRunner::~ExportStageRunner() = default;

void ExportStageRunner::releaseSlot()
{
    if (m_holdsSlot && m_ctx && m_ctx->exportSlots)
        m_ctx->exportSlots->release();
    m_holdsSlot = false;
}

void ExportStageRunner::start(JobContext* ctx)
{
    m_ctx = ctx;
    m_perHost = ctx->settings.exportsPerHost;
    // The VM's ESXi host from the last discovery when known; the environment's address otherwise.
    QString host = ctx->environment.host;
    if (auto inv = vsphere::InventoryCache::load(ctx->spec.source, 24 * 3600))
        if (const vsphere::VmInfo* vm = inv->find(ctx->spec.vm); vm && !vm->host.isEmpty())
            host = vm->host;
    m_hostKey = ctx->environment.name + u'/' + host;
    waitForSlot();
}

void ExportStageRunner::waitForSlot()
{
    if (m_cancelled)
        return;
    ExportSlots* pool = m_ctx->exportSlots.get();
    const Result<bool> acquired = pool ? pool->tryAcquire(m_hostKey, m_perHost) : Result<bool>(true);
    if (!acquired) // the store is unreachable, or this worker lost the job: nothing was started
        return emit finished(std::unexpected(acquired.error()));
    if (*acquired) {
        m_holdsSlot = pool != nullptr;
        return begin();
    }
    if (!m_waitAnnounced) {
        m_waitAnnounced = true;
        emit event(EventLevel::Info, QStringLiteral("export.waiting"),
                   Text::translate("xms::ExportStageRunner",
                                   "Waiting for an export slot: %1 export(s) already run against %2 (limit %3)")
                       .arg(pool->inUse(m_hostKey))
                       .arg(m_hostKey)
                       .arg(m_perHost),
                   {{QStringLiteral("host"), m_hostKey}, {QStringLiteral("limit"), m_perHost}});
    }
    QTimer::singleShot(1000, this, &ExportStageRunner::waitForSlot);
}

void ExportStageRunner::begin()
{
    JobContext* ctx = m_ctx;
    QDir().mkpath(ctx->stagingDir);
    vsphere::VmExport::Options o;
    o.vm = ctx->spec.vm;
    o.datacenter = ctx->environment.datacenter;
    o.stagingDir = ctx->stagingDir;
    // The same cap as exports per host: a host's NFC streams are what it limits.
    o.transfer.parallelDisks = std::max(1, ctx->settings.exportsPerHost);
    m_export = new vsphere::VmExport(vsphere::Session::optionsFor(ctx->environment, ctx->sourcePassword), o, this);
    connect(m_export, &vsphere::VmExport::jobEvent, this,
            [this](const QString& name, const Text& message, const QJsonObject& data) {
                emit event(EventLevel::Info, name, message, data);
            });
    connect(m_export, &vsphere::VmExport::discovered, this, &ExportStageRunner::onDiscovered);
    connect(m_export, &vsphere::VmExport::poweredOff, this,
            [this](const vsphere::MoRef& vm, const vsphere::PowerOffResult& r) {
                // Known at once, not only when the stage ends: a cancel during the transfer powers it on again.
                if (r.method != vsphere::PowerOffResult::Method::AlreadyOff)
                    m_ctx->exported.poweredOff = vm;
            });
    connect(m_export, &vsphere::VmExport::progress, this, [this](const vsphere::ExportProgress& p) {
        emit progress(p.percent(), qint64(p.position), qint64(p.capacity));
    });
    connect(m_export, &vsphere::VmExport::finished, this, [this](const Status& status) {
        m_export->deleteLater();
        releaseSlot();
        if (m_refusal)
            return emit finished(std::unexpected(*m_refusal));
        if (!status) {
            Error e = status.error();
            if (m_cancelled || e.is(errc::kExportCancelled))
                e.code = errc::kJobCancelled;
            return emit finished(std::unexpected(e));
        }
        m_ctx->vm = m_export->vm();
        m_ctx->exported = m_export->result();
        emit event(EventLevel::Info, QStringLiteral("export.completed"),
                   Text::translate("xms::ExportStageRunner", "%n disk(s) staged in %1 s", nullptr,
                                   int(m_ctx->exported.disks.size()))
                       .arg(m_export->result().elapsedMs / 1000),
                   m_export->result().toJson());
        emit finished({});
    });
    m_export->start();
}

void ExportStageRunner::onDiscovered(const vsphere::VmInfo& vm)
{
    reportGuestNetwork(vm);
    // Checked before anything is powered off or written.
    if (Status space = checkStagingSpace(m_ctx->stagingDir, vm.totalDiskBytes()); !space) {
        m_refusal = space.error();
        m_export->cancel();
    }
}

void ExportStageRunner::reportGuestNetwork(const vsphere::VmInfo& vm)
{
    const GuestNetworkReport r = guestNetworkReport(vm, m_ctx->spec.guestNetworkAtSubmit);
    emit event(r.level, QStringLiteral("source.guest_network"), r.message, r.data);
}

void ExportStageRunner::cancel()
{
    m_cancelled = true;
    if (m_export)
        return m_export->cancel();
    // Still waiting for a slot: nothing was touched yet.
    QMetaObject::invokeMethod(
        this, [this] { emit finished(fail(errc::kJobCancelled, tr("Cancelled while waiting for an export slot"))); },
        Qt::QueuedConnection);
}

} // namespace xms
