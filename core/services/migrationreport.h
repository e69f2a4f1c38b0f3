#pragma once

#include "common/error.h"
#include "engine/migrationspec.h"
#include "engine/preflightresult.h"
#include "model/jobrecords.h"
#include "vsphere/vminfo.h"

#include <QDateTime>
#include <QList>
#include <optional>

namespace xms {

class JobStore;

// The report of one migration job, for `xms migration report` and the job pane's Save Report…: what was
// migrated, what preflight said, how long each stage took, what changed in the guest, whether the disks
// arrived intact, what was created in the cloud, and the whole event log. Built from what the store keeps
// for the job (its record, events and ledger) — nothing is asked of vSphere or the cloud — then rendered
// as text, JSON or self-contained HTML (reportrender.h). Never holds a secret: event data is redacted.
struct MigrationReport
{
    // One work stage of the attempt the job ended with. A stage a retry resumed past shows the attempt
    // that ran it (fromAttempt); a stage that never ran has no times.
    struct StageSpan
    {
        Stage stage = Stage::Export;
        QDateTime start;
        QDateTime end;
        qint64 bytes = 0; // received (Export) or sent (Write Volume); 0 for the others
        int fromAttempt = 0; // the attempt it ran in
        bool ran() const { return start.isValid(); }
        qint64 seconds() const { return ran() ? start.secsTo(end) : 0; }
        double bytesPerSecond() const; // 0 when unknown
    };

    // A disk's checksums: of the raw staging image (SHA-256), of what XMS sent, and the image service's
    // own over what it received (Glance's os_hash_value).
    struct DiskIntegrity
    {
        enum class Verdict { Match, Mismatch, NotCompared };
        int disk = 0;
        QString imageId;
        qint64 bytesSent = 0;
        QString rawSha256;
        QString algorithm; // what XMS hashed the upload with ("sha512")
        QString sent; // XMS's digest of the bytes it sent
        QString serviceAlgorithm; // os_hash_algo
        QString received; // os_hash_value
        Verdict verdict = Verdict::NotCompared;
    };

    QDateTime generatedAt;
    JobRecord job; // as stored, without its checkpoint
    std::optional<MigrationSpec> spec; // unset when the stored spec cannot be read
    std::optional<vsphere::VmInfo> vm; // as Export discovered it (or as the checkpoint kept it)
    std::optional<PreflightReport> preflight; // the preflight the job was submitted after
    int attempts = 0; // attempts that started
    QList<StageSpan> timeline; // the work stages in order
    std::optional<Estimate> estimate; // preflight's
    qint64 elapsedSeconds = -1; // the final attempt's wall time; -1 while it runs or if it never started
    QList<EventRecord> guestChanges; // guest_fixes.guest_change
    QList<DiskIntegrity> integrity; // per uploaded disk, in disk order
    QList<LedgerEntry> resources; // the ledger: every cloud resource the job created, with its id
    QList<EventRecord> warnings; // Warning and Error events
    QList<EventRecord> events; // all of them, oldest first (data redacted)

    // From what a store read for a job; generatedAt = now.
    static MigrationReport build(const JobRecord& job, const QList<EventRecord>& events,
                                 const QList<LedgerEntry>& ledger);
    // The job by id or unique prefix ("job.not_found", "job.ambiguous").
    static Result<MigrationReport> load(const JobStore& jobs, const QString& idOrPrefix);
};

QString integrityVerdictKey(MigrationReport::DiskIntegrity::Verdict v); // "match", "mismatch", "not_compared"

// Event data as a report shows it: values under keys that name a secret (password, token, secret,
// credential, cookie, key) replaced, at any depth.
QJsonObject redactSecrets(const QJsonObject& data);

} // namespace xms
