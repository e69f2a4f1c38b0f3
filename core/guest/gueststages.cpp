#include "gueststages.h"

#include "common/paths.h"
#include "engine/jobcontext.h"
#include "guest/guestfixesstage.h"
#include "guest/imageproperties.h"
#include "guest/inspectstage.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>

namespace xms {

void InspectStageRunner::start(JobContext* ctx)
{
    InspectRequest req;
    req.disks = ctx->stagingDisks;
    req.vmFirmware = firmwareFromKey(ctx->vm.value(u"firmware").toString());
    m_stage = new InspectStage(req, this);
    connect(m_stage, &InspectStage::progress, this, [this](int percent, const QString& message) {
        emit progress(percent, 0, 0);
        if (message != m_lastMessage) {
            m_lastMessage = message;
            emit event(EventLevel::Info, QStringLiteral("inspect.step"), message, {});
        }
    });
    connect(m_stage, &InspectStage::finished, this, [this, ctx](const Result<GuestInfo>& r) {
        m_stage->deleteLater();
        if (!r)
            return emit finished(std::unexpected(r.error()));
        for (const QString& w : r->warnings)
            emit event(EventLevel::Warning, QStringLiteral("inspect.warning"), w, {});
        ctx->guest = r->toJson();
        ctx->imageProperties = imageProperties(*r);
        emit event(EventLevel::Info, QStringLiteral("inspect.completed"), r->summary(), ctx->guest);
        emit finished({});
    });
    m_stage->start();
}

void InspectStageRunner::cancel()
{
    if (m_stage)
        m_stage->cancel();
}

GuestFixesStageRunner::GuestFixesStageRunner(QString virtioWin, QObject* parent)
    : StageRunner(parent)
    , m_virtioWin(std::move(virtioWin))
{
}

void GuestFixesStageRunner::start(JobContext* ctx)
{
    const auto info = GuestInfo::fromJson(ctx->guest);
    if (!info) {
        QMetaObject::invokeMethod(
            this, [this, e = info.error()] { emit finished(std::unexpected(e)); }, Qt::QueuedConnection);
        return;
    }
    GuestFixesRequest req;
    req.disks = ctx->stagingDisks;
    req.firmware = info->firmware;
    req.osType = info->primaryRoot() ? info->primaryRoot()->osType : QString();
    req.vmName = ctx->spec.vm;
    req.virtioWin = m_virtioWin;
    req.workDir = QDir(ctx->stagingDir).filePath(QStringLiteral("guest-fixes"));
    req.logFile = QDir(ctx->stagingDir).filePath(QStringLiteral("guest-fixes.log"));
    m_stage = new GuestFixesStage(req, this);
    connect(m_stage, &GuestFixesStage::progress, this, [this](int percent, const QString& message) {
        emit progress(percent, 0, 0);
        if (message != m_lastMessage) {
            m_lastMessage = message;
            emit event(EventLevel::Info, QStringLiteral("guest_fixes.step"), message, {});
        }
    });
    connect(m_stage, &GuestFixesStage::finished, this,
            [this, ctx, info = *info, jobId = ctx->jobId, log = req.logFile](const Result<GuestFixesResult>& r) {
                m_stage->deleteLater();
                if (!r) {
                    Error e = r.error();
                    // The engine removes a failed job's staging directory: keep the log where people look.
                    const QString kept = QDir(paths::logDir()).filePath(jobId + u"-guest-fixes.log");
                    QFile::remove(kept);
                    if (!e.is(u"job.cancelled") && QFile::copy(log, kept))
                        e.detail = tr("Log kept as %1").arg(kept) + u'\n' + e.detail;
                    return emit finished(std::unexpected(e));
                }
                for (const QString& w : r->warnings)
                    emit event(EventLevel::Warning, QStringLiteral("guest_fixes.warning"), w, {});
                ctx->imageProperties = imageProperties(info, &*r);
                emit event(EventLevel::Info, QStringLiteral("guest_fixes.completed"),
                           tr("The guest now boots on VirtIO (%1 s)").arg(r->elapsedMs / 1000),
                           {{QStringLiteral("logFile"), r->logFile},
                            {QStringLiteral("elapsedMs"), double(r->elapsedMs)},
                            {QStringLiteral("warnings"), QJsonArray::fromStringList(r->warnings)},
                            {QStringLiteral("imageProperties"), ctx->imageProperties}});
                emit finished({});
            });
    emit event(EventLevel::Info, QStringLiteral("guest_fixes.started"),
               tr("VirtIO driver injection and boot loader repair have begun"), {});
    m_stage->start();
}

void GuestFixesStageRunner::cancel()
{
    if (m_stage)
        m_stage->cancel();
}

} // namespace xms
