#pragma once

#include "engine/stagerunner.h"

#include <QPointer>

namespace xms {

namespace vsphere {
class VmExport;
struct VmInfo;
} // namespace vsphere

// Export: log in to the source, find the VM, check staging space, power it off, stream its disks into
// sparse staging images (vsphere::VmExport). Writes ctx->vm and ctx->exported (the staging images, and at
// once when it powers the source off, exported.poweredOff).
class ExportStageRunner : public StageRunner
{
    Q_OBJECT
public:
    using StageRunner::StageRunner;
    Stage stage() const override { return Stage::Export; }
    void start(JobContext* ctx) override;
    void cancel() override;

    ~ExportStageRunner() override;

private:
    void waitForSlot();
    void releaseSlot();
    void begin();
    void onDiscovered(const vsphere::VmInfo& vm);
    void reportGuestNetwork(const vsphere::VmInfo& vm); // event source.guest_network

    JobContext* m_ctx = nullptr;
    QPointer<vsphere::VmExport> m_export;
    std::optional<Error> m_refusal; // why we stopped the export ourselves (staging space)
    bool m_cancelled = false;
    QString m_hostKey; // environment/ESXi host this export counts against
    bool m_holdsSlot = false; // an export slot on m_hostKey (ctx->exportSlots)
    int m_perHost = 2;
    bool m_waitAnnounced = false;
};

// Staging needs room for every disk's full virtual size (a sparse image can fill up) plus room for
// virt-v2v's overlay. Returns an error that says how much is missing and how to make room.
Status checkStagingSpace(const QString& stagingDir, qint64 diskBytes);
// What staging needs beyond the disks themselves: virt-v2v's scratch overlay and logs.
inline constexpr qint64 kStagingReserveBytes = 1024LL * 1024 * 1024;

} // namespace xms
