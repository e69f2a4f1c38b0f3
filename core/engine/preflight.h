#pragma once

#include "common/error.h"
#include "engine/migrationspec.h"
#include "engine/preflightresult.h"
#include "model/jobrecords.h"
#include "vsphere/vminfo.h"
#include "xloud/resources.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>
#include <functional>
#include <optional>

namespace xms {

class Store;

// Everything the checks look at. Only `vm` is required: without a spec/target the report covers the
// source-side checks (what the wizard's Workload page shows before a target is chosen).
struct PreflightInput
{
    vsphere::VmInfo vm; // as discovery reports it
    std::optional<MigrationSpec> spec; // the target choices
    std::optional<xloud::CloudResources> target; // what the spec's project offers, with quota
    QList<QPair<QString, QString>> macsInUse; // (source MAC, port id) already on a Neutron port
    QList<xloud::Port> ipsInUse; // ports that already hold an address a keep-ip NIC would take
    QString virtioWin; // the virtio-win ISO setting
    qint64 stagingFreeBytes = -1; // -1: unknown
    qint64 alreadyQueuedBytes = 0; // staging that queued/running jobs will also need
    QList<JobRecord> jobsForVm; // the store's jobs of this source and VM, any state
    int serversNamed = -1; // instances already named as the target's instance name in its project; -1 unknown
};

// The checks themselves: pure, no I/O.
PreflightReport evaluatePreflight(const PreflightInput& input);

// Staging that jobs not yet past Guest Fixes will still take: their disks' size. A job resuming from kept
// disks (a checkpoint) needs none — its disks are on disk already, so the free space counts them.
qint64 stagingStillNeeded(const QList<JobRecord>& jobs);

// Gathers the input for one VM — source VM from discovery (or the inventory cache), target resources
// and MAC lookups from the spec's cloud, staging space — then evaluates. A source or cloud that cannot be
// reached is a Block check in the report, not an error; errors are only for bad arguments (unknown source
// or cloud). `spec.vm` names the VM; target fields may be empty for source-only checks.
void runPreflight(Store& store, const MigrationSpec& spec, QObject* context,
                  std::function<void(Result<PreflightReport>)> done);

Estimate estimateJob(const Store& store, const vsphere::VmInfo& vm);

} // namespace xms
