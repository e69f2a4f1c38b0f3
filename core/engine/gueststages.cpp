#include "gueststages.h"

#include "common/paths.h"
#include "engine/jobcontext.h"
#include "engine/nicidentity.h"
#include "guest/guestfixesstage.h"
#include "guest/imageproperties.h"
#include "guest/inspectstage.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>

namespace xms {

void InspectStageRunner::start(JobContext* ctx)
{
    InspectRequest req;
    req.disks = ctx->stagingDisks();
    req.vmFirmware = firmwareFromKey(ctx->vm.firmware);
    m_stage = new InspectStage(req, this);
    connect(m_stage, &InspectStage::progress, this, [this](int percent, const QString& message) {
        emit progress(percent, 0, 0);
        if (message != m_lastMessage) {
            m_lastMessage = message;
            emit event(EventLevel::Info, QStringLiteral("inspect.step"), Text::literal(message), {});
        }
    });
    connect(m_stage, &InspectStage::finished, this, [this, ctx](const Result<GuestInfo>& r) {
        m_stage->deleteLater();
        if (!r)
            return emit finished(std::unexpected(r.error()));
        for (const QString& w : r->warnings)
            emit event(EventLevel::Warning, QStringLiteral("inspect.warning"), Text::literal(w), {});
        ctx->guest = *r;
        ctx->imageProperties = imageProperties(*r);
        emit event(EventLevel::Info, QStringLiteral("inspect.completed"), Text::literal(r->summary()), r->toJson());
        emit finished({});
    });
    m_stage->start();
}

void InspectStageRunner::cancel()
{
    if (m_stage)
        m_stage->cancel();
}

void GuestFixesStageRunner::start(JobContext* ctx)
{
    const std::optional<GuestInfo>& info = ctx->guest;
    if (!info) { // Inspect did not run, or a checkpoint held no readable result
        QMetaObject::invokeMethod(
            this, [this] { emit finished(std::unexpected(GuestInfo::incompleteRecord())); }, Qt::QueuedConnection);
        return;
    }
    GuestFixesRequest req;
    req.disks = ctx->stagingDisks();
    req.firmware = info->firmware;
    req.osType = info->primaryRoot() ? info->primaryRoot()->osType : QString();
    req.vmName = ctx->spec.vm;
    req.virtioWin = ctx->settings.virtioWin;
    req.workDir = QDir(ctx->stagingDir).filePath(QStringLiteral("guest-fixes"));
    // With the job's logs, not in staging: it outlives the job (and a retry appends to it).
    req.logFile = QDir(paths::logDir()).filePath(ctx->jobId + u"-guest-fixes.log");
    const NicIdentity nics = nicIdentity(*ctx);
    if (const GuestRoot* root = info->primaryRoot(); root && root->osType == u"linux") {
        const NicNamePlan plan = planNicNames(root->nicConfig, nics.pins);
        req.pins = plan.pins;
        for (const QString& n : plan.notes)
            emit event(EventLevel::Info, QStringLiteral("guest_fixes.nic_names"), Text::literal(n), {});
        for (const QString& w : plan.warnings + root->nicConfig.vmwareOnly)
            emit event(EventLevel::Warning, QStringLiteral("guest_fixes.warning"), Text::literal(w), {});
    }
    req.verifyBoot = ctx->settings.bootVerificationOn();
    req.bootNics = nics.boot;
    req.evidenceDir = QDir(paths::logDir()).filePath(ctx->jobId + u"-boot");
    m_stage = new GuestFixesStage(req, this);
    connect(m_stage, &GuestFixesStage::progress, this, [this](int percent, const QString& message) {
        emit progress(percent, 0, 0);
        if (message != m_lastMessage) {
            m_lastMessage = message;
            emit event(EventLevel::Info, QStringLiteral("guest_fixes.step"), Text::literal(message), {});
        }
    });
    connect(m_stage, &GuestFixesStage::finished, this, [this, ctx, info = *info](const Result<GuestFixesResult>& r) {
        m_stage->deleteLater();
        if (!r) // its detail names the log, which stays with the job's logs
            return emit finished(std::unexpected(r.error()));
        for (const QString& w : r->warnings)
            emit event(EventLevel::Warning, QStringLiteral("guest_fixes.warning"), Text::literal(w), {});
        for (const QString& c : r->changes)
            emit event(EventLevel::Info, QStringLiteral("guest_fixes.guest_change"), Text::literal(c), {});
        if (r->boot.elapsedMs > 0)
            emit event(EventLevel::Info, QStringLiteral("guest_fixes.boot_verified"),
                       Text::translate("xms::GuestFixesStageRunner",
                                       "The converted guest booted and brought its network up in %1 s (%2)")
                           .arg(r->boot.elapsedMs / 1000)
                           .arg(r->boot.seen.join(u"; ")),
                       {{QStringLiteral("seconds"), double(r->boot.elapsedMs) / 1000.0},
                        {QStringLiteral("kvm"), r->boot.kvm},
                        {QStringLiteral("seen"), QJsonArray::fromStringList(r->boot.seen)}});
        ctx->imageProperties = imageProperties(info, &*r);
        emit event(EventLevel::Info, QStringLiteral("guest_fixes.completed"),
                   Text::translate("xms::GuestFixesStageRunner", "The guest now boots on VirtIO (%1 s)")
                       .arg(r->elapsedMs / 1000),
                   {{QStringLiteral("logFile"), r->logFile},
                    {QStringLiteral("elapsedMs"), double(r->elapsedMs)},
                    {QStringLiteral("warnings"), QJsonArray::fromStringList(r->warnings)},
                    {QStringLiteral("changes"), QJsonArray::fromStringList(r->changes)},
                    {QStringLiteral("imageProperties"), ctx->imageProperties}});
        emit finished({});
    });
    emit event(
        EventLevel::Info, QStringLiteral("guest_fixes.started"),
        Text::translate("xms::GuestFixesStageRunner", "VirtIO driver injection and boot loader repair have begun"), {});
    m_stage->start();
}

void GuestFixesStageRunner::cancel()
{
    if (m_stage)
        m_stage->cancel();
}

} // namespace xms
