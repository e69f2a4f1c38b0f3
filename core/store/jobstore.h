#pragma once

#include "model/jobrecords.h"
#include "store.h"

#include <QList>
#include <QStringList>

namespace xms {

// Jobs, their per-stage progress, events and resource ledger in the shared store: a handle on the store's
// backend (storebackend.h), as Store is for records. Every method is a short statement or transaction,
// safe from several processes at once.
class JobStore
{
public:
    explicit JobStore(Store store)
        : m_store(std::move(store))
        , m_b(&m_store.backend())
    {
    }

    // diskBytes: the VM's disks as discovered at submit (bytesTotal until Export knows better), so a
    // queued job already counts in the next preflight's staging estimate. 0: unknown.
    Result<JobRecord> create(const QJsonObject& spec, qint64 diskBytes = 0) { return m_b->createJob(spec, diskBytes); }
    // Exact id or a unique prefix of one (like short git hashes). "job.not_found" / "job.ambiguous".
    Result<JobRecord> job(const QString& idOrPrefix) const { return m_b->job(idOrPrefix); }
    Result<QList<JobRecord>> jobs(int limit = 1000) const { return m_b->jobs(limit); }
    Result<QStringList> queued() const { return m_b->queued(); } // claimable, in submission order

    // Atomically takes an unowned queued job for this worker with a fresh lease of leaseSeconds; nullopt
    // when another process was faster.
    Result<std::optional<JobLease>> claim(const QString& id, const QString& owner, int leaseSeconds = 15)
    {
        return m_b->claim(id, owner, leaseSeconds);
    }
    // Takes a job whose owner's lease expired (it died, was paused, or lost the database) so that exactly
    // one process recovers it; never a job whose lease is live.
    // Claims the oldest claimable job except those in skip (FOR UPDATE SKIP LOCKED on PostgreSQL).
    Result<std::optional<JobLease>> claimNext(const QString& owner, int leaseSeconds = 15, const QStringList& skip = {})
    {
        return m_b->claimNext(owner, leaseSeconds, skip);
    }
    Result<std::optional<JobLease>> takeOver(const QString& id, const QString& owner, int leaseSeconds = 15)
    {
        return m_b->takeOver(id, owner, leaseSeconds);
    }
    // Extends a live lease; "job.lease_lost" once it expired or another worker took the job.
    Status renew(const JobLease& lease, int leaseSeconds) { return m_b->renew(lease, leaseSeconds); }
    // Back to the queue (a claimed job this worker cannot run, before it started): another worker takes it.
    Status unclaim(const JobLease& lease, const Text& status) { return m_b->unclaim(lease, status); }
    // Jobs that did not end and whose owner's lease expired.
    Result<QStringList> orphaned() const { return m_b->orphaned(); }

    // status: what the views show; stored as a Text so each reader renders it in its own language.
    Status setStage(const JobLease& lease, Stage stage, const Text& status = {})
    {
        return m_b->setStage(lease, stage, status);
    }
    // Ends the job in one transaction (see JobEnd); also releases it.
    Status end(const JobLease& lease, const JobEnd& how) { return m_b->end(lease, how); }
    Status setEnded(const JobLease& lease, Stage terminal, Stage atStage, const QJsonObject& errorOrResult,
                    const Text& status)
    {
        return m_b->end(lease, {terminal, atStage, errorOrResult, status, std::nullopt});
    }
    Status setProgress(const JobLease& lease, Stage stage, const StageProgress& p)
    {
        return m_b->setProgress(lease, stage, p);
    }
    Status setTransfer(const JobLease& lease, qint64 transferred, qint64 total, double rate, qint64 etaSeconds)
    {
        return m_b->setTransfer(lease, transferred, total, rate, etaSeconds);
    }
    Status requestCancel(const QString& id) { return m_b->requestCancel(id); }
    Result<bool> cancelRequested(const QString& id) const { return m_b->cancelRequested(id); }
    // Puts a Failed/Cancelled job back in the queue (attempt + 1, progress reset, events kept), in one
    // transaction. Its checkpoint stays unless fromStart, so the next attempt may resume after the conversion.
    Status requeue(const QString& id, bool fromStart = false) { return m_b->requeue(id, fromStart); }
    // Empty clears it.
    Status setCheckpoint(const JobLease& lease, const QJsonObject& checkpoint)
    {
        return m_b->setCheckpoint(lease, checkpoint);
    }

    // Stores event.text (rendered again by each reader) and, for old readers and logs, its English. Without
    // a lease the job must be unowned (an operator's event on a queued or ended job).
    Result<qint64> appendEvent(const JobLease& lease, const EventRecord& event)
    {
        return m_b->appendEvent(lease, event);
    }
    Result<qint64> appendEvent(const EventRecord& event) { return m_b->appendEvent(JobLease(event.jobId), event); }
    Result<QList<EventRecord>> events(const QString& jobId, qint64 afterId = 0, int limit = 10000) const
    {
        return m_b->events(jobId, afterId, limit);
    }

    Result<qint64> ledgerAdd(const JobLease& lease, const LedgerEntry& entry) { return m_b->ledgerAdd(lease, entry); }
    Status ledgerSetResource(const JobLease& lease, qint64 entryId, const QString& resourceId)
    {
        return m_b->ledgerSetResource(lease, entryId, resourceId);
    }
    Status ledgerSetState(const JobLease& lease, qint64 entryId, const QString& state)
    {
        return m_b->ledgerSetState(lease, entryId, state);
    }
    Result<QList<LedgerEntry>> ledger(const QString& jobId) const { return m_b->ledger(jobId); }

    // Worker processes (one row each) so a submitter knows whether someone will run its job.
    Result<bool> acquireExportSlot(const JobLease& lease, const QString& host, int limit)
    {
        return m_b->acquireExportSlot(lease, host, limit);
    }
    Result<int> exportSlotsInUse(const QString& host) const { return m_b->exportSlotsInUse(host); }
    Status releaseExportSlot(const JobLease& lease) { return m_b->releaseExportSlot(lease); }

    Status registerWorker(const QString& id, qint64 pid) { return m_b->registerWorker(id, pid); }
    Status unregisterWorker(const QString& id) { return m_b->unregisterWorker(id); }
    Status workerHeartbeat(const QString& id) { return m_b->workerHeartbeat(id); }
    Result<int> liveWorkers(int maxAgeSeconds) const { return m_b->liveWorkers(maxAgeSeconds); }
    Result<QStringList> liveWorkerHosts(int maxAgeSeconds) const { return m_b->liveWorkerHosts(maxAgeSeconds); }

    const Store& store() const { return m_store; }

private:
    Store m_store;
    StoreBackend* m_b; // m_store's, for the one-line forwards above
};

} // namespace xms
