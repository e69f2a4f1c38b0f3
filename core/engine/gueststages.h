#pragma once

#include "engine/stagerunner.h"

#include <QPointer>

namespace xms {

class InspectStage;
class GuestFixesStage;

// The engine's view of Inspect: reads ctx->stagingDisks() and ctx->vm.firmware ("bios"/"efi"), writes
// ctx->guest and a first ctx->imageProperties. Events: inspect.step (each phase),
// inspect.warning, inspect.completed (message = summary, data = GuestInfo JSON).
class InspectStageRunner : public StageRunner
{
    Q_OBJECT
public:
    using StageRunner::StageRunner;
    Stage stage() const override { return Stage::Inspect; }
    void start(JobContext* ctx) override;
    void cancel() override;

private:
    QPointer<InspectStage> m_stage;
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

private:
    QPointer<GuestFixesStage> m_stage;
    QString m_lastMessage;
};

} // namespace xms
