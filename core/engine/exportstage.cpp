#include "exportstage.h"

#include "common/logging.h"
#include "engine/jobcontext.h"
#include "vsphere/vmexport.h"

#include <QCoreApplication>
#include <QDir>
#include <QStorageInfo>

namespace xms {

namespace {
constexpr qint64 kGiB = 1024LL * 1024 * 1024;
constexpr qint64 kOverlayReserve = 1 * kGiB; // virt-v2v's scratch overlay and logs
}

Status checkStagingSpace(const QString& stagingDir, qint64 diskBytes)
{
    QString probe = stagingDir;
    while (!probe.isEmpty() && !QDir(probe).exists())
        probe = QFileInfo(probe).path() == probe ? QString() : QFileInfo(probe).path();
    const QStorageInfo fs(probe.isEmpty() ? QDir::rootPath() : probe);
    const qint64 need = diskBytes + kOverlayReserve;
    if (fs.isValid() && fs.bytesAvailable() < need)
        return fail(QStringLiteral("staging.no_space"),
                    QCoreApplication::translate("xms::ExportStageRunner",
                                                "Not enough free space for staging: %1 needs %2 GiB but %3 has "
                                                "%4 GiB free. Free some space or choose another staging directory "
                                                "(Settings, or XMS_HOME), then retry.")
                        .arg(QDir::toNativeSeparators(stagingDir))
                        .arg(double(need) / kGiB, 0, 'f', 1)
                        .arg(fs.rootPath())
                        .arg(double(fs.bytesAvailable()) / kGiB, 0, 'f', 1));
    return {};
}

void ExportStageRunner::start(JobContext* ctx)
{
    m_ctx = ctx;
    QDir().mkpath(ctx->stagingDir);
    vsphere::VmExport::Options o;
    o.vm = ctx->spec.vm;
    o.datacenter = ctx->environment.datacenter;
    o.stagingDir = ctx->stagingDir;
    m_export = new vsphere::VmExport(vsphere::Session::optionsFor(ctx->environment, ctx->sourcePassword), o, this);
    connect(m_export, &vsphere::VmExport::jobEvent, this, &ExportStageRunner::onSourceEvent);
    connect(m_export, &vsphere::VmExport::progress, this, [this](const vsphere::ExportProgress& p) {
        emit progress(p.percent(), qint64(p.position), qint64(p.capacity));
    });
    connect(m_export, &vsphere::VmExport::finished, this, [this](const Status& status) {
        m_export->deleteLater();
        if (m_refusal)
            return emit finished(std::unexpected(*m_refusal));
        if (!status) {
            Error e = status.error();
            if (m_cancelled || e.is(u"export.cancelled"))
                e.code = QStringLiteral("job.cancelled");
            return emit finished(std::unexpected(e));
        }
        m_ctx->vm = m_export->vm().toJson();
        m_ctx->stagingDisks = m_export->result().paths();
        emit event(EventLevel::Info, QStringLiteral("export.completed"),
                   tr("%n disk(s) staged in %1 s", nullptr, int(m_ctx->stagingDisks.size()))
                       .arg(m_export->result().elapsedMs / 1000),
                   m_export->result().toJson());
        emit finished({});
    });
    m_export->start();
}

void ExportStageRunner::onSourceEvent(const QString& name, const QString& message, const QJsonObject& data)
{
    emit event(EventLevel::Info, name, message, data);
    if (name != u"source.discovered")
        return;
    // Checked before anything is powered off or written.
    const qint64 bytes = qint64(data.value(u"vm").toObject().value(u"totalDiskBytes").toDouble());
    if (Status space = checkStagingSpace(m_ctx->stagingDir, bytes); !space) {
        m_refusal = space.error();
        m_export->cancel();
    }
}

void ExportStageRunner::cancel()
{
    m_cancelled = true;
    if (m_export)
        m_export->cancel();
}

} // namespace xms
