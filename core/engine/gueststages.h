#pragma once

#include "engine/stagerunner.h"
#include "guest/guestfixesstage.h"

#include <QPointer>
#include <functional>
#include <optional>

namespace xms {

class InspectStage;

// The engine's view of Inspect: reads ctx->stagingDisks() and ctx->vm.firmware ("bios"/"efi"), writes
// ctx->guest and a first ctx->imageProperties. Events: inspect.step (each phase),
// inspect.warning, inspect.completed (message = summary, data = GuestInfo JSON).
class GuestFixesStageRunner;

// Inspect. With convertAhead() it starts the next stage's conversion as it begins: virt-v2v works on
// overlays while the inspection reads the staging images, so the two appliance boots overlap instead of
// adding up. A failed or cancelled inspection stops that conversion before it reports.
class InspectStageRunner : public StageRunner
{
    Q_OBJECT
public:
    using StageRunner::StageRunner;
    Stage stage() const override { return Stage::Inspect; }
    void start(JobContext* ctx) override;
    void cancel() override;
    void convertAhead(GuestFixesStageRunner* next) { m_next = next; }

private:
    QPointer<InspectStage> m_stage;
    QPointer<GuestFixesStageRunner> m_next;
    QString m_lastMessage;
};

// The engine's view of Guest Fixes: reads ctx->stagingDisks() and ctx->guest ("guest.bad_record" without it), converts
// the staging images in place (scratch in <stagingDir>/guest-fixes, log <stagingDir>/guest-fixes.log — also copied to
// the log directory on failure, since the engine removes a failed job's staging files), writes ctx->imageProperties.
// Events: guest_fixes.started, guest_fixes.step, guest_fixes.warning, guest_fixes.completed.
// The virtio-win ISO is the user's setting, ctx->settings.virtioWin (empty: $VIRTIO_WIN).
class GuestFixesStageRunner : public StageRunner
{
    Q_OBJECT
public:
    using StageRunner::StageRunner;
    Stage stage() const override { return Stage::GuestFixes; }
    void start(JobContext* ctx) override;
    void cancel() override;

    // Called by Inspect as it starts: the conversion runs from here, silent (its progress and outcome
    // are kept for start()), on the VM's configured firmware. Without one, nothing starts ahead.
    void startAhead(JobContext* ctx);
    // Stops a conversion started ahead (the inspection failed or was cancelled); `then` runs once its
    // processes are gone, at once when none runs.
    void stopAhead(std::function<void()> then);

private:
    GuestFixesRequest request(JobContext* ctx, Firmware firmware) const;
    void convert(JobContext* ctx, const QString& osType, const QList<NicPin>& pins); // not ahead
    void run(JobContext* ctx, const GuestFixesRequest& req, bool ahead); // the stage and its signals
    void connectLive(JobContext* ctx);
    void onFinished(JobContext* ctx, const Result<GuestFixesResult>& r);
    void onProgress(int percent, const QString& message);

    QPointer<GuestFixesStage> m_stage;
    bool m_live = false; // start() ran: progress and the outcome go out as they come
    bool m_cancelRequested = false;
    std::optional<std::pair<int, QString>> m_aheadProgress; // the last one while ahead
    std::optional<Result<GuestFixesResult>> m_aheadResult; // it ended while ahead
    std::function<void()> m_afterStop;
    QString m_lastMessage;
};

} // namespace xms
