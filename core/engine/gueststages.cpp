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
    if (m_next)
        m_next->startAhead(ctx);
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
        if (!r) {
            // The conversion started ahead ends first: nothing of this attempt runs on after it fails.
            if (m_next)
                return m_next->stopAhead([this, e = r.error()] { emit finished(std::unexpected(e)); });
            return emit finished(std::unexpected(r.error()));
        }
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

GuestFixesRequest GuestFixesStageRunner::request(JobContext* ctx, Firmware firmware) const
{
    GuestFixesRequest req;
    req.disks = ctx->stagingDisks();
    req.firmware = firmware;
    req.vmName = ctx->spec.vm;
    req.virtioWin = ctx->settings.virtioWin;
    req.workDir = QDir(ctx->stagingDir).filePath(QStringLiteral("guest-fixes"));
    // With the job's logs, not in staging: it outlives the job (and a retry appends to it).
    req.logFile = QDir(paths::logDir()).filePath(ctx->jobId + u"-guest-fixes.log");
    req.verifyBoot = ctx->settings.bootVerificationOn();
    req.bootNics = nicIdentity(*ctx).boot;
    req.evidenceDir = QDir(paths::logDir()).filePath(ctx->jobId + u"-boot");
    return req;
}

void GuestFixesStageRunner::startAhead(JobContext* ctx)
{
    const Firmware firmware = firmwareFromKey(ctx->vm.firmware);
    if (m_stage || firmware == Firmware::Unknown) // unknown: the inspection decides it, so wait for it
        return;
    run(ctx, request(ctx, firmware), true);
}

void GuestFixesStageRunner::run(JobContext* ctx, const GuestFixesRequest& req, bool ahead)
{
    m_stage = new GuestFixesStage(req, this);
    connect(m_stage, &GuestFixesStage::progress, this, &GuestFixesStageRunner::onProgress);
    connect(m_stage, &GuestFixesStage::finished, this, [this, ctx](const Result<GuestFixesResult>& r) {
        if (m_afterStop) { // stopped ahead (the inspection failed, or chose other firmware)
            m_stage->deleteLater();
            m_stage = nullptr;
            return std::exchange(m_afterStop, nullptr)();
        }
        if (!m_live)
            return void(m_aheadResult = r);
        onFinished(ctx, r);
    });
    if (ahead)
        m_stage->startAhead();
    else
        m_stage->start();
}

void GuestFixesStageRunner::stopAhead(std::function<void()> then)
{
    if (!m_stage || !m_stage->isRunning()) {
        if (m_stage)
            m_stage->deleteLater();
        m_stage = nullptr;
        return then();
    }
    m_afterStop = std::move(then);
    m_stage->cancel();
}

void GuestFixesStageRunner::onProgress(int percent, const QString& message)
{
    if (!m_live) {
        m_aheadProgress = {percent, message};
        return;
    }
    emit progress(percent, 0, 0);
    if (message != m_lastMessage) {
        m_lastMessage = message;
        emit event(EventLevel::Info, QStringLiteral("guest_fixes.step"), Text::literal(message), {});
    }
}

void GuestFixesStageRunner::start(JobContext* ctx)
{
    const std::optional<GuestInfo>& info = ctx->guest;
    if (!info) { // Inspect did not run, or a checkpoint held no readable result
        QMetaObject::invokeMethod(
            this, [this] { emit finished(std::unexpected(GuestInfo::incompleteRecord())); }, Qt::QueuedConnection);
        return;
    }
    QList<NicPin> pins;
    if (const GuestRoot* root = info->primaryRoot(); root && root->osType == u"linux") {
        const NicNamePlan plan = planNicNames(root->nicConfig, nicIdentity(*ctx).pins);
        pins = plan.pins;
        for (const QString& n : plan.notes)
            emit event(EventLevel::Info, QStringLiteral("guest_fixes.nic_names"), Text::literal(n), {});
        for (const QString& w : plan.warnings + root->nicConfig.vmwareOnly)
            emit event(EventLevel::Warning, QStringLiteral("guest_fixes.warning"), Text::literal(w), {});
    }
    const QString osType = info->primaryRoot() ? info->primaryRoot()->osType : QString();
    emit event(
        EventLevel::Info, QStringLiteral("guest_fixes.started"),
        Text::translate("xms::GuestFixesStageRunner", "VirtIO driver injection and boot loader repair have begun"), {});
    m_live = true;
    if (m_stage && m_stage->firmware() != info->firmware) {
        // The inspection chose other firmware than the VM's configuration: convert again for it.
        emit event(EventLevel::Info, QStringLiteral("guest_fixes.step"),
                   Text::translate("xms::GuestFixesStageRunner",
                                   "Converting again: the guest boots with %1 firmware, not the VM's configured %2")
                       .arg(firmwareKey(info->firmware), firmwareKey(m_stage->firmware())),
                   {});
        m_aheadResult.reset();
        return stopAhead([this, ctx, osType, pins] {
            if (m_cancelRequested) // asked while the conversion ahead stopped
                return emit finished(std::unexpected(GuestFixesStage::cancelledError()));
            convert(ctx, osType, pins);
        });
    }
    if (m_stage) { // converting since Inspect began: catch up on where it is
        if (m_aheadProgress)
            onProgress(m_aheadProgress->first, m_aheadProgress->second);
        if (m_aheadResult) // it ended while Inspect ran: report it as a stage that just ended would
            return void(QMetaObject::invokeMethod(
                this, [this, ctx, r = *std::exchange(m_aheadResult, std::nullopt)] { onFinished(ctx, r); },
                Qt::QueuedConnection));
        m_stage->setPlan(osType, pins);
        return;
    }
    convert(ctx, osType, pins);
}

void GuestFixesStageRunner::convert(JobContext* ctx, const QString& osType, const QList<NicPin>& pins)
{
    GuestFixesRequest req = request(ctx, ctx->guest->firmware);
    req.osType = osType;
    req.pins = pins;
    run(ctx, req, false);
}

void GuestFixesStageRunner::onFinished(JobContext* ctx, const Result<GuestFixesResult>& r)
{
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
    ctx->imageProperties = imageProperties(*ctx->guest, &*r);
    emit event(
        EventLevel::Info, QStringLiteral("guest_fixes.completed"),
        Text::translate("xms::GuestFixesStageRunner", "The guest now boots on VirtIO (%1 s)").arg(r->elapsedMs / 1000),
        {{QStringLiteral("logFile"), r->logFile},
         {QStringLiteral("elapsedMs"), double(r->elapsedMs)},
         {QStringLiteral("warnings"), QJsonArray::fromStringList(r->warnings)},
         {QStringLiteral("changes"), QJsonArray::fromStringList(r->changes)},
         {QStringLiteral("imageProperties"), ctx->imageProperties}});
    emit finished({});
}

void GuestFixesStageRunner::cancel()
{
    m_cancelRequested = true;
    if (m_stage)
        m_stage->cancel();
}

} // namespace xms
