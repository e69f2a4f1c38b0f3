#pragma once

#include "model/jobrecords.h"
#include "store.h"

#include <QList>
#include <QStringList>

namespace xms {

// Jobs, their per-stage progress, events and resource ledger in the shared database. Every method is a
// short statement or transaction, safe from several processes at once (WAL + busy timeout).
class JobStore
{
public:
    explicit JobStore(Store store);

    // diskBytes: the VM's disks as discovered at submit (bytesTotal until Export knows better), so a
    // queued job already counts in the next preflight's staging estimate. 0: unknown.
    Result<JobRecord> create(const QJsonObject& spec, qint64 diskBytes = 0);
    // Exact id or a unique prefix of one (like short git hashes). "job.not_found" / "job.ambiguous".
    Result<JobRecord> job(const QString& idOrPrefix) const;
    Result<QList<JobRecord>> jobs(int limit = 1000) const;
    Result<QStringList> queued() const; // claimable, in submission order

    // Atomically takes an unowned queued job for this worker; false when another process was faster.
    Result<bool> claim(const QString& id, const QString& owner);
    Status release(const QString& id); // owner cleared (job ended or handed back)
    // Takes an orphaned job (its owner stopped beating) so that exactly one process recovers it.
    Result<bool> takeOver(const QString& id, const QString& owner, int maxAgeSeconds);
    Status heartbeat(const QString& owner);
    // Jobs whose owner stopped beating for longer than maxAgeSeconds and that did not end.
    Result<QStringList> orphaned(int maxAgeSeconds) const;

    // status: what the views show; stored as a Text so each reader renders it in its own language.
    Status setStage(const QString& id, Stage stage, const Text& status = {});
    Status setEnded(const QString& id, Stage terminal, Stage atStage, const QJsonObject& errorOrResult,
                    const Text& status);
    Status setProgress(const QString& id, Stage stage, const StageProgress& p);
    Status setTransfer(const QString& id, qint64 transferred, qint64 total, double rate, qint64 etaSeconds);
    Status requestCancel(const QString& id);
    Result<bool> cancelRequested(const QString& id) const;
    // Puts a Failed/Cancelled job back in the queue (attempt + 1, progress reset, events kept). Its
    // checkpoint stays unless fromStart, so the next attempt may resume after the conversion.
    Status requeue(const QString& id, bool fromStart = false);
    // Empty clears it.
    Status setCheckpoint(const QString& id, const QJsonObject& checkpoint);

    // Stores event.text (rendered again by each reader) and, for old readers and logs, its English.
    Result<qint64> appendEvent(const EventRecord& event);
    Result<QList<EventRecord>> events(const QString& jobId, qint64 afterId = 0, int limit = 10000) const;

    Result<qint64> ledgerAdd(const LedgerEntry& entry);
    Status ledgerSetResource(qint64 entryId, const QString& resourceId);
    Status ledgerSetState(qint64 entryId, const QString& state);
    Result<QList<LedgerEntry>> ledger(const QString& jobId) const;

    // Worker processes (one row each) so a submitter knows whether someone will run its job.
    Status registerWorker(const QString& id, qint64 pid);
    Status unregisterWorker(const QString& id);
    Result<int> liveWorkers(int maxAgeSeconds) const;

    const Store& store() const { return m_store; }

private:
    Store m_store;
};

} // namespace xms
