#pragma once

#include "common/error.h"
#include "model/jobrecords.h"
#include "model/records.h"

#include <QList>
#include <QStringList>
#include <functional>
#include <optional>

namespace xms {

// Everything XMS keeps, behind one interface: stored records (sources, clouds, profiles, settings), jobs
// with their progress, events, resource ledger, and worker registrations. Store and JobStore are the
// handles the rest of the code holds; the backend (sqlstore.h: SQLite, or PostgreSQL for workers on many
// hosts) is the only code that knows how the state is kept.
// Every method is one short statement or transaction, safe from several processes at once.
class StoreBackend
{
public:
    virtual ~StoreBackend() = default;
    virtual QString location() const = 0; // the file or server, for messages and logs
    // Runs work as one transaction on this thread's connection (bulk writes; all or nothing).
    virtual Status inTransaction(const std::function<Status()>& work) = 0;

    // Records
    virtual Result<QList<EnvironmentRecord>> environments() const = 0;
    virtual Result<EnvironmentRecord> environment(const QString& name) const = 0; // "source.not_found"
    virtual Status saveEnvironment(const EnvironmentRecord& env) = 0; // insert or update by name
    virtual Status removeEnvironment(const QString& name) = 0;
    virtual Result<QList<CloudRecord>> clouds() const = 0;
    virtual Result<CloudRecord> cloud(const QString& name) const = 0; // "cloud.not_found"
    virtual Status saveCloud(const CloudRecord& cloud) = 0;
    virtual Status removeCloud(const QString& name) = 0;
    virtual Result<QList<ProfileRecord>> profiles() const = 0;
    virtual Result<ProfileRecord> profile(const QString& name) const = 0; // "profile.not_found"
    virtual Status saveProfile(const ProfileRecord& profile) = 0;
    virtual Status removeProfile(const QString& name) = 0;
    virtual QString setting(const QString& key, const QString& fallback) const = 0;
    virtual Status setSetting(const QString& key, const QString& value) = 0;

    // Jobs (see jobstore.h for what each means). Writes take the writer's JobLease: the owner's token, or a
    // bare id for a job no worker owns; a write whose lease does not hold changes nothing and fails with
    // "job.lease_lost" (owned) or "job.owned" (bare id).
    virtual Result<JobRecord> createJob(const QJsonObject& spec, qint64 diskBytes) = 0;
    virtual Result<JobRecord> job(const QString& idOrPrefix) const = 0;
    virtual Result<QList<JobRecord>> jobs(int limit) const = 0;
    virtual Result<QStringList> queued() const = 0;
    virtual Result<std::optional<JobLease>> claim(const QString& id, const QString& owner, int leaseSeconds) = 0;
    // Claims the oldest queued job not in skip; several workers at once each get a different one.
    virtual Result<std::optional<JobLease>> claimNext(const QString& owner, int leaseSeconds, const QStringList& skip)
        = 0;
    virtual Result<std::optional<JobLease>> takeOver(const QString& id, const QString& owner, int leaseSeconds) = 0;
    virtual Status renew(const JobLease& lease, int leaseSeconds) = 0;
    // Gives a claimed job that has not started back to the queue, with a status saying why.
    virtual Status unclaim(const JobLease& lease, const Text& status) = 0;
    virtual Result<QStringList> orphaned() const = 0;
    virtual Status setStage(const JobLease& lease, Stage stage, const Text& status) = 0;
    virtual Status end(const JobLease& lease, const JobEnd& end) = 0;
    virtual Status setProgress(const JobLease& lease, Stage stage, const StageProgress& p) = 0;
    virtual Status setTransfer(const JobLease& lease, qint64 transferred, qint64 total, double rate, qint64 etaSeconds)
        = 0;
    virtual Status requestCancel(const QString& id) = 0;
    virtual Result<bool> cancelRequested(const QString& id) const = 0;
    virtual Status requeue(const QString& id, bool fromStart) = 0;
    virtual Status setCheckpoint(const JobLease& lease, const QJsonObject& checkpoint) = 0;

    // Events
    virtual Result<qint64> appendEvent(const JobLease& lease, const EventRecord& event) = 0;
    virtual Result<QList<EventRecord>> events(const QString& jobId, qint64 afterId, int limit) const = 0;

    // Resource ledger
    virtual Result<qint64> ledgerAdd(const JobLease& lease, const LedgerEntry& entry) = 0;
    virtual Status ledgerSetResource(const JobLease& lease, qint64 entryId, const QString& resourceId) = 0;
    virtual Status ledgerSetState(const JobLease& lease, qint64 entryId, const QString& state) = 0;
    virtual Result<QList<LedgerEntry>> ledger(const QString& jobId) const = 0;

    // Export slots on an ESXi host, counted across every worker sharing the store: a slot counts while its
    // job's lease is live, so a dead worker's slot frees itself when its lease runs out.
    virtual Result<bool> acquireExportSlot(const JobLease& lease, const QString& host, int limit) = 0;
    virtual Result<int> exportSlotsInUse(const QString& host) const = 0;
    virtual Status releaseExportSlot(const JobLease& lease) = 0;

    // Worker processes
    virtual Status registerWorker(const QString& id, qint64 pid) = 0;
    virtual Status unregisterWorker(const QString& id) = 0;
    virtual Status workerHeartbeat(const QString& id) = 0;
    virtual Result<int> liveWorkers(int maxAgeSeconds) const = 0;
    virtual Result<QStringList> liveWorkerHosts(int maxAgeSeconds) const = 0; // distinct, sorted
};

} // namespace xms
