#pragma once

#include "engine/enginesettings.h"
#include "engine/migrationspec.h"
#include "engine/exportslots.h"
#include "engine/resourceledger.h"
#include "guest/guestinfo.h"
#include "model/records.h"
#include "vsphere/exportresult.h"
#include "vsphere/vminfo.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <memory>
#include <optional>

namespace xms {

// What the stages of one job share: the spec, where to put files, how to record cloud resources, and
// what earlier stages found or made. Owned by the JobRunner for the job's lifetime. The job store is
// not in it: stages reach the store only through the ledger.
struct JobContext
{
    QString jobId;
    int attempt = 1;
    QString workerId; // the worker running it (job.started names it and its host)
    MigrationSpec spec;
    EngineSettings settings; // the store's settings as the engine read them when the job started
    std::unique_ptr<ResourceLedger> ledger; // this job's; the JobRunner gives it a JobStoreLedger
    std::unique_ptr<ExportSlots> exportSlots; // the JobRunner gives it JobStoreExportSlots; none = no limit
    QString stagingDir; // this job's directory; removed when the job ends, kept for a retry after a late failure
    QString sourcePassword; // read from the keychain before the job starts; never stored or logged
    QString cloudSecret;
    EnvironmentRecord environment; // the spec's source and cloud, read before the first stage
    CloudRecord cloud;

    // Filled as the job goes, typed: JSON only where it leaves the process (events, checkpoint, result).
    vsphere::VmInfo vm; // the source VM as Export discovered it (disks, NICs, firmware …)
    // Export's staging images, in the VM's disk order, and the source VM when this job powered it off
    // (null when it was already off).
    vsphere::ExportResult exported;
    std::optional<GuestInfo> guest; // what Inspect found; empty until it ran
    QJsonObject imageProperties; // hw_* / os_* for the target volumes
    QStringList volumeIds; // in disk order; [0] boots
    QStringList portIds; // in NIC order
    QString serverId;
    bool cancelled = false; // set before cleanup when the job ends Cancelled
    // Set before start when a retry must not reuse the converted disks (the source changed since).
    QString resumeBlocked;

    QStringList stagingDisks() const { return exported.paths(); }

    // Deterministic names let cleanup find a resource even when the process died before its id came back.
    QString resourceName(const QString& what) const { return u"xms-" + jobId.left(8) + u'-' + what; }
};

} // namespace xms
