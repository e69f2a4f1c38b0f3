#pragma once

#include "sqldialect.h"
#include "storebackend.h"
#include "storelocation.h"

#include <QSqlDatabase>
#include <atomic>
#include <memory>

class QSqlQuery;

namespace xms {

class SqlStatement; // sqljobs.cpp

// The store on an SQL database: one SQLite file (WAL, busy timeout, foreign keys) under XMS_HOME, shared
// by the GUI, several CLI processes and worker threads; or a PostgreSQL server shared by workers on many
// hosts. One SQL text serves both; what differs is in SqlDialect. Each thread gets its own connection.
// Its methods live in sqlstore.cpp (records) and sqljobs.cpp (jobs, events, ledger, workers, slots).
class SqlStore final : public StoreBackend
{
public:
    // Opens (creating and migrating when needed) the database at `where`; password only for PostgreSQL.
    static Result<std::shared_ptr<SqlStore>> open(const StoreLocation& where, const QString& password = {});

    QString location() const override { return m_where.display(); }
    Status inTransaction(const std::function<Status()>& work) override;

    Result<QList<EnvironmentRecord>> environments() const override;
    Result<EnvironmentRecord> environment(const QString& name) const override;
    Status saveEnvironment(const EnvironmentRecord& env) override;
    Status removeEnvironment(const QString& name) override;
    Result<QList<CloudRecord>> clouds() const override;
    Result<CloudRecord> cloud(const QString& name) const override;
    Status saveCloud(const CloudRecord& cloud) override;
    Status removeCloud(const QString& name) override;
    Result<QList<ProfileRecord>> profiles() const override;
    Result<ProfileRecord> profile(const QString& name) const override;
    Status saveProfile(const ProfileRecord& profile) override;
    Status removeProfile(const QString& name) override;
    QString setting(const QString& key, const QString& fallback) const override;
    Status setSetting(const QString& key, const QString& value) override;

    Result<JobRecord> createJob(const QJsonObject& spec, qint64 diskBytes) override;
    Result<JobRecord> job(const QString& idOrPrefix) const override;
    Result<QList<JobRecord>> jobs(int limit) const override;
    Result<QStringList> queued() const override;
    Result<std::optional<JobLease>> claim(const QString& id, const QString& owner, int leaseSeconds) override;
    Result<std::optional<JobLease>> claimNext(const QString& owner, int leaseSeconds,
                                              const QStringList& skip) override;
    Result<std::optional<JobLease>> takeOver(const QString& id, const QString& owner, int leaseSeconds) override;
    Status renew(const JobLease& lease, int leaseSeconds) override;
    Status unclaim(const JobLease& lease, const Text& status) override;
    Result<QStringList> orphaned() const override;
    Status setStage(const JobLease& lease, Stage stage, const Text& status) override;
    Status end(const JobLease& lease, const JobEnd& end) override;
    Status setProgress(const JobLease& lease, Stage stage, const StageProgress& p) override;
    Status setTransfer(const JobLease& lease, qint64 transferred, qint64 total, double rate,
                       qint64 etaSeconds) override;
    Status requestCancel(const QString& id) override;
    Result<bool> cancelRequested(const QString& id) const override;
    Status requeue(const QString& id, bool fromStart) override;
    Status setCheckpoint(const JobLease& lease, const QJsonObject& checkpoint) override;

    Result<qint64> appendEvent(const JobLease& lease, const EventRecord& event) override;
    Result<QList<EventRecord>> events(const QString& jobId, qint64 afterId, int limit) const override;

    Result<qint64> ledgerAdd(const JobLease& lease, const LedgerEntry& entry) override;
    Status ledgerSetResource(const JobLease& lease, qint64 entryId, const QString& resourceId) override;
    Status ledgerSetState(const JobLease& lease, qint64 entryId, const QString& state) override;
    Result<QList<LedgerEntry>> ledger(const QString& jobId) const override;

    Result<bool> acquireExportSlot(const JobLease& lease, const QString& host, int limit) override;
    Result<int> exportSlotsInUse(const QString& host) const override;
    Status releaseExportSlot(const JobLease& lease) override;

    Status registerWorker(const QString& id, qint64 pid) override;
    Status unregisterWorker(const QString& id) override;
    Status workerHeartbeat(const QString& id) override;
    Result<int> liveWorkers(int maxAgeSeconds) const override;
    Result<QStringList> liveWorkerHosts(int maxAgeSeconds) const override;

private:
    SqlStore(StoreLocation where, QString password);
    QSqlDatabase db() const; // this thread's connection, opened on first use
    // Timestamps for leases and heartbeats in the database server's clock (PostgreSQL: measured at open,
    // so workers on hosts whose clocks disagree still agree on when a lease ends); ISO-8601 UTC text.
    QString now() const;
    QString secondsFromNow(int seconds) const;
    Status immediate(const std::function<Status()>& work) const; // one write transaction
    Error leaseError(const JobLease& lease) const;
    // Runs a statement that must change the rows its lease condition allows; none → leaseError.
    Status held(SqlStatement& s, const JobLease& lease) const;
    Result<qint64> insertEvent(const JobLease& lease, const EventRecord& e) const;
    Result<std::optional<JobLease>> grantLease(const QString& target, const QString& id, const QString& owner,
                                               int leaseSeconds, const QString& alsoSet,
                                               const QString& condition) const;

    StoreLocation m_where;
    QString m_password;
    SqlDialect m_dialect;
    std::atomic<qint64> m_clockOffsetMs {0};
};

// Turns a failed query into an Error (shared by the SQL backend's parts and its schema).
Error sqlError(const QSqlQuery& query, const QString& what);

} // namespace xms
