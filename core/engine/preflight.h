#pragma once

#include "common/error.h"
#include "engine/migrationspec.h"
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

// Xloud's words for a VM's readiness: Pass can go, Warn can go with a note, Block cannot be submitted.
enum class Verdict { Pass, Warn, Block };
QString verdictName(Verdict v); // "Pass", "Warn", "Block" (translated)
QString verdictKey(Verdict v); // "pass", "warn", "block" (JSON, stable)

struct PreflightCheck
{
    QString category; // "Compute", "Storage", "Network", "Guest", "Target", "Source"
    QString key; // stable id, e.g. "storage.independent_disk", "target.quota.cores"
    Verdict verdict = Verdict::Pass;
    QString message; // what was found
    QString fix; // what to do about it; empty on Pass
    QJsonObject toJson() const;
};

// Estimated wall time of a job from its disk bytes: export at the measured rate, guest fixes at a
// measured constant plus per-GiB, upload and volume write — refined from the store's finished jobs.
struct Estimate
{
    qint64 seconds = 0;
    qint64 diskBytes = 0; // what the estimate is for: the VM's disks
    QString basis; // "defaults" or "N finished jobs"
    QJsonObject toJson() const;
};
struct PreflightReport
{
    QString vm;
    Verdict verdict = Verdict::Pass; // the worst of the checks
    QList<PreflightCheck> checks;
    std::optional<Estimate> estimate; // when the VM was found (runPreflight)
    // What VMware Tools reported at this discovery (runPreflight, when the VM was found): submit keeps it
    // with the job (MigrationSpec::guestNetworkAtSubmit).
    std::optional<vsphere::GuestNetwork> guestNetwork;
    void add(PreflightCheck check);
    QList<PreflightCheck> failing() const; // Warn and Block, Block first
    QString summary() const; // one line: "Block: 2 problems (…); 1 warning"
    QJsonObject toJson() const;
};

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
