#pragma once

#include "storebackend.h"

#include <QSqlDatabase>
#include <memory>

class QSqlQuery;

namespace xms {

// The default backend: one SQLite file (WAL, busy timeout, foreign keys) under XMS_HOME, shared by the
// GUI, several CLI processes and worker threads. Each thread gets its own connection. Its methods live in
// sqlitestore.cpp (records) and sqlitejobs.cpp (jobs, events, ledger, workers).
class SqliteStore final : public StoreBackend
{
public:
    // Opens (creating and migrating when needed) the database at path.
    static Result<std::shared_ptr<SqliteStore>> open(const QString& path);

    QString location() const override { return m_path; }
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
    Result<std::optional<JobLease>> takeOver(const QString& id, const QString& owner, int leaseSeconds) override;
    Status renew(const JobLease& lease, int leaseSeconds) override;
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

    Status registerWorker(const QString& id, qint64 pid) override;
    Status unregisterWorker(const QString& id) override;
    Status workerHeartbeat(const QString& id) override;
    Result<int> liveWorkers(int maxAgeSeconds) const override;

private:
    explicit SqliteStore(QString path);
    QSqlDatabase db() const; // this thread's connection, opened on first use
    QString m_path;
};

// Turns a failed query into an Error (shared by the SQLite backend's parts and its schema).
Error sqlError(const QSqlQuery& query, const QString& what);

} // namespace xms
