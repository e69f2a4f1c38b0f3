#include "common/errorcodes.h"
#include "common/text.h"
#include "sqlitestore.h"

#include <QCoreApplication>
#include <QHostInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QUuid>
#include <algorithm>

namespace xms {

namespace {

QString now()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}
QString ago(int seconds)
{
    return QDateTime::currentDateTimeUtc().addSecs(-seconds).toString(Qt::ISODateWithMs);
}
QString later(int seconds)
{
    return QDateTime::currentDateTimeUtc().addSecs(seconds).toString(Qt::ISODateWithMs);
}
QString newToken()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// The condition every job-state write carries (on a row of jobs): the writer's lease holds — its token
// and an unexpired lease, or, for a bare job id, no owner at all. Bound by Sql::lease().
const QString kHeld = QStringLiteral("(CASE WHEN :lease_token = '' THEN owner = '' ELSE lease_token = :lease_token2 "
                                     "AND lease_expires_at > :lease_now END)");
// The same for writes to a job's other tables.
QString heldJob(const char* jobIdParam)
{
    return QStringLiteral("EXISTS (SELECT 1 FROM jobs WHERE jobs.id = %1 AND %2)")
        .arg(QLatin1StringView(jobIdParam), kHeld);
}
QDateTime fromIso(const QVariant& v)
{
    return QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
}
QString json(const QJsonObject& o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}
QJsonObject object(const QVariant& v)
{
    return QJsonDocument::fromJson(v.toString().toUtf8()).object();
}
QString text(const QString& s)
{
    return s.isNull() ? QStringLiteral("") : s;
}
// Texts are stored as written (each reader renders them in its own language) and, for logs and tools
// that read the database directly, in English.
QString textJson(const Text& t)
{
    if (t.isEmpty())
        return {};
    return QString::fromUtf8(QJsonDocument(QJsonArray {t.toJson()}).toJson(QJsonDocument::Compact));
}
Text textFrom(const QVariant& v)
{
    const QByteArray json = v.toString().toUtf8();
    return json.isEmpty() ? Text() : Text::fromJson(QJsonDocument::fromJson(json).array().at(0));
}
QString english(const Text& t)
{
    return t.toSourceString();
}
Text waitingText()
{
    return Text::translate("JobStore", "Waiting for a worker slot");
}

// A prepared statement with named values; one call per statement keeps the store code flat.
class Sql
{
public:
    Sql(const QSqlDatabase& db, const QString& statement)
        : m_q(db)
        , m_sql(statement)
    {
        m_q.prepare(statement);
    }
    Sql& bind(const char* name, const QVariant& v)
    {
        m_q.bindValue(QLatin1StringView(name), v.typeId() == QMetaType::QString ? QVariant(text(v.toString())) : v);
        return *this;
    }
    Sql& lease(const JobLease& l)
    {
        return bind(":lease_token", l.token).bind(":lease_token2", l.token).bind(":lease_now", now());
    }
    Status exec()
    {
        if (!m_q.exec())
            return std::unexpected(sqlError(m_q, m_sql));
        return {};
    }
    QSqlQuery& query() { return m_q; }

private:
    QSqlQuery m_q;
    QString m_sql;
};

JobRecord jobFrom(const QSqlQuery& q)
{
    JobRecord j;
    j.id = q.value(QStringLiteral("id")).toString();
    j.seq = q.value(QStringLiteral("seq")).toLongLong();
    j.spec = object(q.value(QStringLiteral("spec_json")));
    j.stage = stageFromKey(q.value(QStringLiteral("stage")).toString()).value_or(Stage::Queued);
    j.failedStage = stageFromKey(q.value(QStringLiteral("failed_stage")).toString()).value_or(Stage::Queued);
    j.status = textFrom(q.value(QStringLiteral("status_json")));
    j.statusText = j.status.isEmpty() ? q.value(QStringLiteral("status_text")).toString() : j.status.toString();
    j.error = object(q.value(QStringLiteral("error_json")));
    j.result = object(q.value(QStringLiteral("result_json")));
    j.checkpoint = object(q.value(QStringLiteral("checkpoint_json")));
    j.owner = q.value(QStringLiteral("owner")).toString();
    j.heartbeatAt = fromIso(q.value(QStringLiteral("heartbeat_at")));
    j.leaseExpiresAt = fromIso(q.value(QStringLiteral("lease_expires_at")));
    j.cancelRequested = q.value(QStringLiteral("cancel_requested")).toBool();
    j.attempt = q.value(QStringLiteral("attempt")).toInt();
    j.bytesTransferred = q.value(QStringLiteral("bytes_transferred")).toLongLong();
    j.bytesTotal = q.value(QStringLiteral("bytes_total")).toLongLong();
    j.rate = q.value(QStringLiteral("rate")).toDouble();
    j.etaSeconds = q.value(QStringLiteral("eta_seconds")).toLongLong();
    j.createdAt = fromIso(q.value(QStringLiteral("created_at")));
    j.updatedAt = fromIso(q.value(QStringLiteral("updated_at")));
    j.startedAt = fromIso(q.value(QStringLiteral("started_at")));
    j.finishedAt = fromIso(q.value(QStringLiteral("finished_at")));
    return j;
}

Status loadProgress(const QSqlDatabase& db, JobRecord& j)
{
    Sql s(db, QStringLiteral("SELECT stage, percent, bytes_done, bytes_total FROM stage_progress WHERE job_id = :id"));
    if (auto r = s.bind(":id", j.id).exec(); !r)
        return r;
    while (s.query().next()) {
        if (auto st = stageFromKey(s.query().value(0).toString()))
            j.progress[*st]
                = {s.query().value(1).toInt(), s.query().value(2).toLongLong(), s.query().value(3).toLongLong()};
    }
    return {};
}

Error jobNotFound(const QString& id)
{
    return Error::make(errc::kJobNotFound,
                       Text::translate("JobStore",
                                       "There is no migration job '%1'. See 'xms migration "
                                       "list' for the jobs that exist.")
                           .toString()
                           .arg(id));
}

// Why a write under `lease` changed nothing: the job is gone, another worker owns it, or the lease ran out.
Error leaseError(const QSqlDatabase& db, const JobLease& lease)
{
    Sql s(db, QStringLiteral("SELECT owner FROM jobs WHERE id = :id"));
    if (auto r = s.bind(":id", lease.jobId).exec(); !r)
        return r.error();
    if (!s.query().next())
        return jobNotFound(lease.jobId);
    if (!lease.owned())
        return Error::make(errc::kJobOwned,
                           Text::translate("JobStore",
                                           "Job %1 is being run by worker %2; only that worker can change it now. "
                                           "Cancel it, or wait until it ends.")
                               .toString()
                               .arg(lease.jobId.left(8), s.query().value(0).toString()));
    return Error::make(errc::kJobLeaseLost,
                       Text::translate("JobStore",
                                       "This worker no longer owns job %1: its lease expired (the process was "
                                       "paused, or could not reach the database, for longer than the lease) and the "
                                       "job is left to the worker that recovers it.")
                           .toString()
                           .arg(lease.jobId.left(8)));
}

// Runs a statement that must change exactly the rows its lease condition allows; none → leaseError.
Status execHeld(Sql& s, const QSqlDatabase& db, const JobLease& lease)
{
    if (auto r = s.lease(lease).exec(); !r)
        return r;
    if (s.query().numRowsAffected() < 1)
        return std::unexpected(leaseError(db, lease));
    return {};
}

// BEGIN IMMEDIATE takes the write lock up front, so a transaction that reads before it writes cannot fail
// half-way with SQLITE_BUSY; the busy timeout applies to taking it.
Status immediate(const QSqlDatabase& db, const std::function<Status()>& work)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("BEGIN IMMEDIATE")))
        return std::unexpected(sqlError(q, QStringLiteral("BEGIN IMMEDIATE")));
    Status result = work();
    if (!result) {
        QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
        return result;
    }
    if (!q.exec(QStringLiteral("COMMIT"))) {
        const Error e = sqlError(q, QStringLiteral("COMMIT"));
        QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
        return std::unexpected(e);
    }
    return {};
}

} // namespace

Status SqliteStore::inTransaction(const std::function<Status()>& work)
{
    return immediate(db(), work);
}

Result<JobRecord> SqliteStore::createJob(const QJsonObject& spec, qint64 diskBytes)
{
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    Sql s(db(),
          QStringLiteral("INSERT INTO jobs (id, seq, spec_json, stage, status_text, status_json, bytes_total,"
                         " created_at, updated_at) VALUES (:id, (SELECT COALESCE(MAX(seq), 0) + 1 FROM jobs), :spec,"
                         " 'queued', :status, :status_json, :bytes, :now, :now2)"));
    const QString t = now();
    if (auto r = s.bind(":id", id)
                     .bind(":spec", json(spec))
                     .bind(":status", english(waitingText()))
                     .bind(":status_json", textJson(waitingText()))
                     .bind(":bytes", std::max<qint64>(0, diskBytes))
                     .bind(":now", t)
                     .bind(":now2", t)
                     .exec();
        !r)
        return std::unexpected(r.error());
    return job(id);
}

Result<JobRecord> SqliteStore::job(const QString& idOrPrefix) const
{
    if (idOrPrefix.size() < 4)
        return std::unexpected(jobNotFound(idOrPrefix));
    // A prefix is matched literally: '_' and '%' in what the user typed are no wildcards.
    QString pattern = idOrPrefix;
    pattern.replace(u'\\', QStringLiteral("\\\\"))
        .replace(u'%', QStringLiteral("\\%"))
        .replace(u'_', QStringLiteral("\\_"));
    Sql s(db(), QStringLiteral("SELECT * FROM jobs WHERE id = :id OR id LIKE :prefix ESCAPE '\\' LIMIT 2"));
    if (auto r = s.bind(":id", idOrPrefix).bind(":prefix", QString(pattern + u'%')).exec(); !r)
        return std::unexpected(r.error());
    if (!s.query().next())
        return std::unexpected(jobNotFound(idOrPrefix));
    JobRecord j = jobFrom(s.query());
    if (j.id != idOrPrefix && s.query().next())
        return fail(errc::kJobAmbiguous,
                    Text::translate("JobStore", "More than one job starts with '%1'. Give more of the id.")
                        .toString()
                        .arg(idOrPrefix));
    if (auto r = loadProgress(db(), j); !r)
        return std::unexpected(r.error());
    return j;
}

Result<QList<JobRecord>> SqliteStore::jobs(int limit) const
{
    Sql s(db(), QStringLiteral("SELECT * FROM jobs ORDER BY seq DESC LIMIT :limit"));
    if (auto r = s.bind(":limit", limit).exec(); !r)
        return std::unexpected(r.error());
    QList<JobRecord> out;
    while (s.query().next())
        out.append(jobFrom(s.query()));
    for (JobRecord& j : out) {
        if (auto r = loadProgress(db(), j); !r)
            return std::unexpected(r.error());
    }
    return out;
}

Result<QStringList> SqliteStore::queued() const
{
    Sql s(db(),
          QStringLiteral("SELECT id FROM jobs WHERE stage = 'queued' AND owner = ''"
                         " AND cancel_requested = 0 ORDER BY seq"));
    if (auto r = s.exec(); !r)
        return std::unexpected(r.error());
    QStringList ids;
    while (s.query().next())
        ids.append(s.query().value(0).toString());
    return ids;
}

namespace {

// Gives the job to owner with a fresh lease when `condition` holds (claim: queued and unowned; takeOver:
// the lease expired); nullopt when it did not. `alsoSet` and `condition` may use :now2 and :now3.
Result<std::optional<JobLease>> grantLease(const QSqlDatabase& db, const QString& id, const QString& owner,
                                           int leaseSeconds, const QString& alsoSet, const QString& condition)
{
    Sql s(db,
          QStringLiteral("UPDATE jobs SET owner = :owner, lease_token = :token, lease_expires_at = :expires,"
                         " heartbeat_at = :now")
              + alsoSet + QStringLiteral(" WHERE id = :id AND ") + condition);
    const QString t = now();
    const QString token = newToken();
    if (auto r = s.bind(":owner", owner)
                     .bind(":token", token)
                     .bind(":expires", later(leaseSeconds))
                     .bind(":now", t)
                     .bind(":now2", t)
                     .bind(":now3", t)
                     .bind(":id", id)
                     .exec();
        !r)
        return std::unexpected(r.error());
    if (s.query().numRowsAffected() != 1)
        return std::nullopt;
    return JobLease(id, token);
}

} // namespace

Result<std::optional<JobLease>> SqliteStore::claim(const QString& id, const QString& owner, int leaseSeconds)
{
    return grantLease(db(), id, owner, leaseSeconds, QStringLiteral(", started_at = :now2, updated_at = :now3"),
                      QStringLiteral("owner = '' AND stage = 'queued'"));
}

Result<std::optional<JobLease>> SqliteStore::takeOver(const QString& id, const QString& owner, int leaseSeconds)
{
    return grantLease(db(), id, owner, leaseSeconds, QStringLiteral(", updated_at = :now3"),
                      QStringLiteral("owner != '' AND lease_expires_at < :now2"
                                     " AND stage NOT IN ('completed', 'failed', 'cancelled')"));
}

Status SqliteStore::renew(const JobLease& lease, int leaseSeconds)
{
    if (!lease.owned())
        return std::unexpected(leaseError(db(), lease));
    Sql s(db(),
          QString(QStringLiteral("UPDATE jobs SET lease_expires_at = :expires, heartbeat_at = :now WHERE id = :id AND ")
                  + kHeld));
    s.bind(":expires", later(leaseSeconds)).bind(":now", now()).bind(":id", lease.jobId);
    return execHeld(s, db(), lease);
}

Result<QStringList> SqliteStore::orphaned() const
{
    Sql s(db(),
          QStringLiteral("SELECT id FROM jobs WHERE owner != '' AND lease_expires_at < :now"
                         " AND stage NOT IN ('completed', 'failed', 'cancelled') ORDER BY seq"));
    if (auto r = s.bind(":now", now()).exec(); !r)
        return std::unexpected(r.error());
    QStringList ids;
    while (s.query().next())
        ids.append(s.query().value(0).toString());
    return ids;
}

Status SqliteStore::setStage(const JobLease& lease, Stage stage, const Text& status)
{
    Sql s(db(),
          QString(QStringLiteral("UPDATE jobs SET stage = :stage, status_text = :status, status_json = :status_json,"
                                 " updated_at = :now WHERE id = :id AND ")
                  + kHeld));
    s.bind(":stage", stageKey(stage))
        .bind(":status", english(status))
        .bind(":status_json", textJson(status))
        .bind(":now", now())
        .bind(":id", lease.jobId);
    return execHeld(s, db(), lease);
}

namespace {

Result<qint64> insertEvent(const QSqlDatabase& db, const JobLease& lease, const EventRecord& e)
{
    Sql s(db,
          QString(QStringLiteral("INSERT INTO events (job_id, ts, stage, level, name, message, text_json, data_json)"
                                 " SELECT :job, :ts, :stage, :level, :name, :message, :text, :data WHERE ")
                  + heldJob(":job2")));
    const QDateTime ts = e.time.isValid() ? e.time : QDateTime::currentDateTimeUtc();
    s.bind(":job", lease.jobId)
        .bind(":ts", ts.toString(Qt::ISODateWithMs))
        .bind(":stage", stageKey(e.stage))
        .bind(":level", eventLevelKey(e.level))
        .bind(":name", e.name)
        .bind(":message", e.text.isEmpty() ? e.message : english(e.text))
        .bind(":text", textJson(e.text))
        .bind(":data", json(e.data))
        .bind(":job2", lease.jobId);
    if (auto r = execHeld(s, db, lease); !r)
        return std::unexpected(r.error());
    return s.query().lastInsertId().toLongLong();
}

} // namespace

Status SqliteStore::end(const JobLease& lease, const JobEnd& how)
{
    const QSqlDatabase connection = db();
    return immediate(connection, [&]() -> Status {
        const bool failed = how.terminal != Stage::Completed;
        const QString t = now();
        Sql s(connection,
              QString(
                  QStringLiteral("UPDATE jobs SET stage = :stage, failed_stage = :at, status_text = :status,"
                                 " status_json = :status_json, error_json = :error, result_json = :result, owner = '',"
                                 " lease_token = '', lease_expires_at = '', finished_at = :now, updated_at = :now2,"
                                 " eta_seconds = -1 WHERE id = :id AND ")
                  + kHeld));
        s.bind(":stage", stageKey(how.terminal))
            .bind(":at", failed ? stageKey(how.at) : QString())
            .bind(":status", english(how.status))
            .bind(":status_json", textJson(how.status))
            .bind(":error", failed ? json(how.errorOrResult) : QString())
            .bind(":result", failed ? QString() : json(how.errorOrResult))
            .bind(":now", t)
            .bind(":now2", t)
            .bind(":id", lease.jobId);
        if (auto r = execHeld(s, connection, lease); !r)
            return r;
        // What a completed migration made is the operator's now: no cleanup or recovery may touch it.
        if (!failed)
            if (auto r
                = Sql(connection,
                      QStringLiteral("UPDATE ledger SET state = 'kept' WHERE job_id = :id AND state = 'created'"))
                      .bind(":id", lease.jobId)
                      .exec();
                !r)
                return r;
        if (how.event) {
            // The job is unowned from here on: the final event is written under the bare id.
            if (auto r = insertEvent(connection, JobLease(lease.jobId), *how.event); !r)
                return std::unexpected(r.error());
        }
        return {};
    });
}

Status SqliteStore::setProgress(const JobLease& lease, Stage stage, const StageProgress& p)
{
    Sql s(db(),
          QString(
              QStringLiteral("INSERT INTO stage_progress (job_id, stage, percent, bytes_done, bytes_total, started_at)"
                             " SELECT :id, :stage, :pct, :done, :total, :now WHERE ")
              + heldJob(":id2")
              + QStringLiteral(" ON CONFLICT(job_id, stage) DO UPDATE SET percent = excluded.percent,"
                               " bytes_done = excluded.bytes_done, bytes_total = excluded.bytes_total")));
    s.bind(":id", lease.jobId)
        .bind(":stage", stageKey(stage))
        .bind(":pct", p.percent)
        .bind(":done", p.bytesDone)
        .bind(":total", p.bytesTotal)
        .bind(":now", now())
        .bind(":id2", lease.jobId);
    return execHeld(s, db(), lease);
}

Status SqliteStore::setTransfer(const JobLease& lease, qint64 transferred, qint64 total, double rate, qint64 etaSeconds)
{
    Sql s(db(),
          QString(QStringLiteral("UPDATE jobs SET bytes_transferred = :t, bytes_total = :total, rate = :rate,"
                                 " eta_seconds = :eta, updated_at = :now WHERE id = :id AND ")
                  + kHeld));
    s.bind(":t", transferred)
        .bind(":total", total)
        .bind(":rate", rate)
        .bind(":eta", etaSeconds)
        .bind(":now", now())
        .bind(":id", lease.jobId);
    return execHeld(s, db(), lease);
}

Status SqliteStore::setCheckpoint(const JobLease& lease, const QJsonObject& checkpoint)
{
    Sql s(db(),
          QString(QStringLiteral("UPDATE jobs SET checkpoint_json = :cp, updated_at = :now WHERE id = :id AND ")
                  + kHeld));
    s.bind(":cp", checkpoint.isEmpty() ? QString() : json(checkpoint)).bind(":now", now()).bind(":id", lease.jobId);
    return execHeld(s, db(), lease);
}

Status SqliteStore::requestCancel(const QString& id)
{
    return Sql(db(), QStringLiteral("UPDATE jobs SET cancel_requested = 1, updated_at = :now WHERE id = :id"))
        .bind(":now", now())
        .bind(":id", id)
        .exec();
}

Result<bool> SqliteStore::cancelRequested(const QString& id) const
{
    Sql s(db(), QStringLiteral("SELECT cancel_requested FROM jobs WHERE id = :id"));
    if (auto r = s.bind(":id", id).exec(); !r)
        return std::unexpected(r.error());
    return s.query().next() && s.query().value(0).toBool();
}

Status SqliteStore::requeue(const QString& id, bool fromStart)
{
    const QSqlDatabase connection = db();
    return immediate(connection, [&]() -> Status {
        Sql s(connection,
              QStringLiteral("UPDATE jobs SET stage = 'queued', failed_stage = '', error_json = '', result_json = '',"
                             " owner = '', lease_token = '', lease_expires_at = '', cancel_requested = 0,"
                             " attempt = attempt + 1, bytes_transferred = 0, rate = 0, eta_seconds = -1,"
                             " finished_at = '', status_text = :status, status_json = :status_json,"
                             " checkpoint_json = CASE WHEN :from_start THEN '' ELSE checkpoint_json END,"
                             " updated_at = :now WHERE id = :id AND owner = '' AND stage IN ('failed', 'cancelled')"));
        if (auto r = s.bind(":status", english(waitingText()))
                         .bind(":status_json", textJson(waitingText()))
                         .bind(":from_start", fromStart ? 1 : 0)
                         .bind(":now", now())
                         .bind(":id", id)
                         .exec();
            !r)
            return r;
        if (s.query().numRowsAffected() != 1)
            return fail(errc::kUsageRetry,
                        Text::translate("JobStore",
                                        "Job %1 is not a Failed or Cancelled job that no worker holds; "
                                        "only such a job can be queued again.")
                            .toString()
                            .arg(id.left(8)));
        return Sql(connection, QStringLiteral("DELETE FROM stage_progress WHERE job_id = :id")).bind(":id", id).exec();
    });
}

Result<qint64> SqliteStore::appendEvent(const JobLease& lease, const EventRecord& e)
{
    return insertEvent(db(), lease, e);
}

Result<QList<EventRecord>> SqliteStore::events(const QString& jobId, qint64 afterId, int limit) const
{
    Sql s(db(), QStringLiteral("SELECT * FROM events WHERE job_id = :job AND id > :after ORDER BY id LIMIT :limit"));
    if (auto r = s.bind(":job", jobId).bind(":after", afterId).bind(":limit", limit).exec(); !r)
        return std::unexpected(r.error());
    QList<EventRecord> out;
    QSqlQuery& q = s.query();
    while (q.next()) {
        EventRecord e;
        e.id = q.value(QStringLiteral("id")).toLongLong();
        e.jobId = jobId;
        e.time = fromIso(q.value(QStringLiteral("ts")));
        e.stage = stageFromKey(q.value(QStringLiteral("stage")).toString()).value_or(Stage::Queued);
        e.level = eventLevelFromKey(q.value(QStringLiteral("level")).toString());
        e.name = q.value(QStringLiteral("name")).toString();
        e.text = textFrom(q.value(QStringLiteral("text_json")));
        e.message = e.text.isEmpty() ? q.value(QStringLiteral("message")).toString() : e.text.toString();
        e.data = object(q.value(QStringLiteral("data_json")));
        out.append(e);
    }
    return out;
}

Result<qint64> SqliteStore::ledgerAdd(const JobLease& lease, const LedgerEntry& e)
{
    // Durable before the create it guards (synchronous=FULL): after a crash, cleanup finds what was made.
    Sql s(
        db(),
        QString(QStringLiteral("INSERT INTO ledger (job_id, kind, resource_id, cloud, project, name, state, created_at)"
                               " SELECT :job, :kind, :rid, :cloud, :project, :name, :state, :now WHERE ")
                + heldJob(":job2")));
    s.bind(":job", lease.jobId)
        .bind(":kind", e.kind)
        .bind(":rid", e.resourceId)
        .bind(":cloud", e.cloud)
        .bind(":project", e.project)
        .bind(":name", e.name)
        .bind(":state", e.state.isEmpty() ? QStringLiteral("creating") : e.state)
        .bind(":now", now())
        .bind(":job2", lease.jobId);
    if (auto r = execHeld(s, db(), lease); !r)
        return std::unexpected(r.error());
    return s.query().lastInsertId().toLongLong();
}

Status SqliteStore::ledgerSetResource(const JobLease& lease, qint64 entryId, const QString& resourceId)
{
    Sql s(db(),
          QString(
              QStringLiteral("UPDATE ledger SET resource_id = :rid, state = 'created' WHERE id = :id AND job_id = :job"
                             " AND ")
              + heldJob("ledger.job_id")));
    s.bind(":rid", resourceId).bind(":id", entryId).bind(":job", lease.jobId);
    return execHeld(s, db(), lease);
}

Status SqliteStore::ledgerSetState(const JobLease& lease, qint64 entryId, const QString& state)
{
    Sql s(db(),
          QString(QStringLiteral("UPDATE ledger SET state = :state, deleted_at = CASE WHEN :state2 = 'deleted'"
                                 " THEN :now ELSE deleted_at END WHERE id = :id AND job_id = :job AND ")
                  + heldJob("ledger.job_id")));
    s.bind(":state", state).bind(":state2", state).bind(":now", now()).bind(":id", entryId).bind(":job", lease.jobId);
    return execHeld(s, db(), lease);
}

Result<QList<LedgerEntry>> SqliteStore::ledger(const QString& jobId) const
{
    Sql s(db(), QStringLiteral("SELECT * FROM ledger WHERE job_id = :job ORDER BY id"));
    if (auto r = s.bind(":job", jobId).exec(); !r)
        return std::unexpected(r.error());
    QList<LedgerEntry> out;
    QSqlQuery& q = s.query();
    while (q.next()) {
        LedgerEntry e;
        e.id = q.value(QStringLiteral("id")).toLongLong();
        e.jobId = jobId;
        e.kind = q.value(QStringLiteral("kind")).toString();
        e.resourceId = q.value(QStringLiteral("resource_id")).toString();
        e.cloud = q.value(QStringLiteral("cloud")).toString();
        e.project = q.value(QStringLiteral("project")).toString();
        e.name = q.value(QStringLiteral("name")).toString();
        e.state = q.value(QStringLiteral("state")).toString();
        e.createdAt = fromIso(q.value(QStringLiteral("created_at")));
        e.deletedAt = fromIso(q.value(QStringLiteral("deleted_at")));
        out.append(e);
    }
    return out;
}

Status SqliteStore::registerWorker(const QString& id, qint64 pid)
{
    const QString t = now();
    return Sql(db(),
               QStringLiteral("INSERT OR REPLACE INTO workers (id, pid, host, started_at, heartbeat_at)"
                              " VALUES (:id, :pid, :host, :now, :now2)"))
        .bind(":id", id)
        .bind(":pid", pid)
        .bind(":host", QHostInfo::localHostName())
        .bind(":now", t)
        .bind(":now2", t)
        .exec();
}

Status SqliteStore::workerHeartbeat(const QString& id)
{
    return Sql(db(), QStringLiteral("UPDATE workers SET heartbeat_at = :now WHERE id = :id"))
        .bind(":now", now())
        .bind(":id", id)
        .exec();
}

Status SqliteStore::unregisterWorker(const QString& id)
{
    return Sql(db(), QStringLiteral("DELETE FROM workers WHERE id = :id")).bind(":id", id).exec();
}

Result<int> SqliteStore::liveWorkers(int maxAgeSeconds) const
{
    Sql s(db(), QStringLiteral("SELECT COUNT(*) FROM workers WHERE heartbeat_at >= :cutoff"));
    if (auto r = s.bind(":cutoff", ago(maxAgeSeconds)).exec(); !r)
        return std::unexpected(r.error());
    return s.query().next() ? s.query().value(0).toInt() : 0;
}

} // namespace xms
