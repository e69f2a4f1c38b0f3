#pragma once

#include "vsphere/guestnetwork.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <optional>

namespace xms {

// What preflight found for one VM: its checks and verdicts and the runtime estimate. A value type the
// checks produce (preflight.h), the front ends show, and a job keeps from its submit (MigrationSpec).
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
    static PreflightCheck fromJson(const QJsonObject& o);
};

// Estimated wall time of a job from its disk bytes: export at the measured rate, guest fixes at a
// measured constant plus per-GiB, upload and volume write — refined from the store's finished jobs.
struct Estimate
{
    qint64 seconds = 0;
    qint64 diskBytes = 0; // what the estimate is for: the VM's disks
    QString basis; // "defaults" or "N finished jobs"
    QJsonObject toJson() const;
    static Estimate fromJson(const QJsonObject& o);
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
    QJsonObject toJson() const; // without guestNetwork (the spec keeps that on its own)
    static PreflightReport fromJson(const QJsonObject& o);
};

Verdict verdictFromKey(QStringView key); // Pass for an unknown key

} // namespace xms
