#include "common/errorcodes.h"
#include "common/paths.h"
#include "common/text.h"
#include "sqlstore.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QUuid>
#include <algorithm>

namespace xms {

namespace {

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

} // namespace

// A prepared statement with named values; one call per statement keeps the store code flat.
class SqlStatement
{
public:
    SqlStatement(const QSqlDatabase& db, const QString& statement)
        : m_q(db)
        , m_sql(statement)
    {
        m_q.prepare(statement);
    }
    SqlStatement& bind(const char* name, const QVariant& v)
    {
        m_q.bindValue(QLatin1StringView(name), v.typeId() == QMetaType::QString ? QVariant(text(v.toString())) : v);
        return *this;
    }
    SqlStatement& lease(const JobLease& l, const QString& now)
    {
        return bind(":lease_token", l.token).bind(":lease_token2", l.token).bind(":lease_now", now);
    }
    Status exec()
    {
        if (!m_q.exec())
            return std::unexpected(sqlError(m_q, m_sql));
        return {};
    }
    // For INSERT … RETURNING id (both databases): the new row's id, or nullopt when nothing was inserted.
    Result<std::optional<qint64>> returnedId()
    {
        if (auto r = exec(); !r)
            return std::unexpected(r.error());
        if (!m_q.next())
            return std::nullopt;
        return m_q.value(0).toLongLong();
    }
    QSqlQuery& query() { return m_q; }

private:
    QSqlQuery m_q;
    QString m_sql;
};

namespace {

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
    j.workerHost = q.value(QStringLiteral("worker_host")).toString();
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

// One stage_progress row (stage, percent, bytes_done, bytes_total from column `at` on) into its job.
void addProgress(JobRecord& j, const QSqlQuery& q, int at)
{
    if (auto st = stageFromKey(q.value(at).toString()))
        j.progress[*st] = {q.value(at + 1).toInt(), q.value(at + 2).toLongLong(), q.value(at + 3).toLongLong()};
}

Status loadProgress(const QSqlDatabase& db, JobRecord& j)
{
    SqlStatement s(db, QStringLiteral("SELECT stage, percent, bytes_done, bytes_total FROM stage_progress WHERE job_id = :id"));
    if (auto r = s.bind(":id", j.id).exec(); !r)
        return r;
    while (s.query().next())
        addProgress(j, s.query(), 0);
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

} // namespace

// Why a write under `lease` changed nothing: the job is gone, another worker owns it, or the lease ran out.
Error SqlStore::leaseError(const JobLease& lease) const
{
    SqlStatement s(db(), QStringLiteral("SELECT owner FROM jobs WHERE id = :id"));
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

Status SqlStore::held(SqlStatement& s, const JobLease& lease) const
{
    if (auto r = s.lease(lease, now()).exec(); !r)
        return r;
    if (s.query().numRowsAffected() < 1)
        return std::unexpected(leaseError(lease));
    return {};
}

// SQLite's BEGIN IMMEDIATE takes the write lock up front, so a transaction that reads before it writes
// cannot fail half-way with SQLITE_BUSY; the busy timeout applies to taking it.
Status SqlStore::immediate(const std::function<Status()>& work) const
{
    const QSqlDatabase connection = db();
    QSqlQuery q(connection);
    if (!q.exec(m_dialect.beginWrite()))
        return std::unexpected(sqlError(q, m_dialect.beginWrite()));
    Status result = work();
    if (!result) {
        QSqlQuery(connection).exec(QStringLiteral("ROLLBACK"));
        return result;
    }
    if (!q.exec(QStringLiteral("COMMIT"))) {
        const Error e = sqlError(q, QStringLiteral("COMMIT"));
        QSqlQuery(connection).exec(QStringLiteral("ROLLBACK"));
        return std::unexpected(e);
    }
    return {};
}

Status SqlStore::inTransaction(const std::function<Status()>& work)
{
    return immediate(work);
}

Result<JobRecord> SqlStore::createJob(const QJsonObject& spec, qint64 diskBytes)
{
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    // seq is the submission order: one creator at a time reads the largest (PostgreSQL reads committed rows
    // only, so two hosts submitting at once would otherwise get the same number).
    const Status created = immediate([&]() -> Status {
        if (const QString lock = m_dialect.lockStatement(QStringLiteral("job-seq")); !lock.isEmpty())
            if (auto r = SqlStatement(db(), lock).exec(); !r)
                return r;
        const QString t = now();
        return SqlStatement(db(),
                            QStringLiteral("INSERT INTO jobs (id, seq, spec_json, stage, status_text, status_json,"
                                           " bytes_total, created_at, updated_at) VALUES (:id, (SELECT COALESCE(MAX(seq),"
                                           " 0) + 1 FROM jobs), :spec, 'queued', :status, :status_json, :bytes, :now,"
                                           " :now2)"))
            .bind(":id", id)
            .bind(":spec", json(spec))
            .bind(":status", english(waitingText()))
            .bind(":status_json", textJson(waitingText()))
            .bind(":bytes", std::max<qint64>(0, diskBytes))
            .bind(":now", t)
            .bind(":now2", t)
            .exec();
    });
    if (!created)
        return std::unexpected(created.error());
    return job(id);
}

Result<JobRecord> SqlStore::job(const QString& idOrPrefix) const
{
    if (idOrPrefix.size() < 4)
        return std::unexpected(jobNotFound(idOrPrefix));
    // A prefix is matched literally: '_' and '%' in what the user typed are no wildcards.
    QString pattern = idOrPrefix;
    pattern.replace(u'\\', QStringLiteral("\\\\"))
        .replace(u'%', QStringLiteral("\\%"))
        .replace(u'_', QStringLiteral("\\_"));
    SqlStatement s(db(), QStringLiteral("SELECT * FROM jobs WHERE id = :id OR id LIKE :prefix ESCAPE '\\' LIMIT 2"));
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

Result<QList<JobRecord>> SqlStore::jobs(int limit) const
{
    SqlStatement s(db(), QStringLiteral("SELECT * FROM jobs ORDER BY seq DESC LIMIT :limit"));
    if (auto r = s.bind(":limit", limit).exec(); !r)
        return std::unexpected(r.error());
    QList<JobRecord> out;
    QHash<QString, qsizetype> at;
    while (s.query().next()) {
        out.append(jobFrom(s.query()));
        at.insert(out.last().id, out.size() - 1);
    }
    // Every listed job's progress in one statement, not one per job: a watcher lists the jobs four times
    // a second, and a factory's store holds thousands.
    SqlStatement p(db(),
                   QStringLiteral("SELECT job_id, stage, percent, bytes_done, bytes_total FROM stage_progress WHERE"
                                  " job_id IN (SELECT id FROM jobs ORDER BY seq DESC LIMIT :limit)"));
    if (auto r = p.bind(":limit", limit).exec(); !r)
        return std::unexpected(r.error());
    while (p.query().next()) {
        const auto row = at.constFind(p.query().value(0).toString());
        if (row != at.cend()) // else a job submitted between the two reads
            addProgress(out[*row], p.query(), 1);
    }
    return out;
}

Result<QStringList> SqlStore::queued() const
{
    SqlStatement s(db(),
                   QStringLiteral("SELECT id FROM jobs WHERE stage = 'queued' AND owner = ''"
                                  " AND cancel_requested = 0 ORDER BY seq"));
    if (auto r = s.exec(); !r)
        return std::unexpected(r.error());
    QStringList ids;
    while (s.query().next())
        ids.append(s.query().value(0).toString());
    return ids;
}

// Gives a job to owner with a fresh lease: the job `target` picks (an SQL expression for its id) when
// `condition` holds (claim: queued and unowned; takeOver: the lease expired); nullopt when none did.
// `alsoSet` and `condition` may use :now2 and :now3; `id` is bound to :id when given.
Result<std::optional<JobLease>> SqlStore::grantLease(const QString& target, const QString& id, const QString& owner,
                                                     int leaseSeconds, const QString& alsoSet,
                                                     const QString& condition) const
{
    SqlStatement s(db(),
                   QStringLiteral("UPDATE jobs SET owner = :owner, lease_token = :token, lease_expires_at = :expires,"
                                  " heartbeat_at = :now, worker_host = :host")
                       + alsoSet + QStringLiteral(" WHERE id = ") + target + QStringLiteral(" AND ") + condition
                       + QStringLiteral(" RETURNING id"));
    const QString t = now();
    const QString token = newToken();
    s.bind(":owner", owner)
        .bind(":token", token)
        .bind(":expires", secondsFromNow(leaseSeconds))
        .bind(":now", t)
        .bind(":host", paths::hostName())
        .bind(":now2", t)
        .bind(":now3", t);
    if (!id.isEmpty())
        s.bind(":id", id);
    if (auto r = s.exec(); !r)
        return std::unexpected(r.error());
    if (!s.query().next())
        return std::nullopt;
    return JobLease(s.query().value(0).toString(), token);
}

namespace {
const QString kClaimable = QStringLiteral("owner = '' AND stage = 'queued' AND cancel_requested = 0");
const QString kClaimSets = QStringLiteral(", started_at = :now2, updated_at = :now3");
} // namespace

Result<std::optional<JobLease>> SqlStore::claim(const QString& id, const QString& owner, int leaseSeconds)
{
    return grantLease(QStringLiteral(":id"), id, owner, leaseSeconds, kClaimSets,
                      QStringLiteral("owner = '' AND stage = 'queued'"));
}

Result<std::optional<JobLease>> SqlStore::claimNext(const QString& owner, int leaseSeconds, const QStringList& skip)
{
    // The oldest claimable row, locked while it is taken; on PostgreSQL other claimers skip a locked row
    // and take the next instead of queueing behind it (SQLite's single writer makes the statement atomic).
    QStringList skipped;
    for (const QString& id : skip)
        skipped << QStringLiteral("'%1'").arg(QString(id).replace(u'\'', QStringLiteral("''")));
    const QString pick = QStringLiteral("(SELECT id FROM jobs WHERE ") + kClaimable
        + (skipped.isEmpty() ? QString() : QStringLiteral(" AND id NOT IN (%1)").arg(skipped.join(u',')))
        + QStringLiteral(" ORDER BY seq LIMIT 1") + m_dialect.skipLocked() + u')';
    return grantLease(pick, {}, owner, leaseSeconds, kClaimSets, kClaimable);
}

Result<std::optional<JobLease>> SqlStore::takeOver(const QString& id, const QString& owner, int leaseSeconds)
{
    return grantLease(QStringLiteral(":id"), id, owner, leaseSeconds, QStringLiteral(", updated_at = :now3"),
                      QStringLiteral("owner != '' AND lease_expires_at < :now2"
                                     " AND stage NOT IN ('completed', 'failed', 'cancelled')"));
}

Status SqlStore::renew(const JobLease& lease, int leaseSeconds)
{
    if (!lease.owned())
        return std::unexpected(leaseError(lease));
    SqlStatement s(
        db(), QString(QStringLiteral("UPDATE jobs SET lease_expires_at = :expires, heartbeat_at = :now WHERE id = :id AND ")
                      + kHeld));
    s.bind(":expires", secondsFromNow(leaseSeconds)).bind(":now", now()).bind(":id", lease.jobId);
    return held(s, lease);
}

Status SqlStore::unclaim(const JobLease& lease, const Text& status)
{
    SqlStatement s(db(),
                   QString(QStringLiteral("UPDATE jobs SET owner = '', lease_token = '', lease_expires_at = '',"
                                          " worker_host = '', started_at = '', status_text = :status,"
                                          " status_json = :status_json, updated_at = :now WHERE id = :id"
                                          " AND stage = 'queued' AND ")
                           + kHeld));
    s.bind(":status", english(status)).bind(":status_json", textJson(status)).bind(":now", now()).bind(":id", lease.jobId);
    return held(s, lease);
}

Result<QStringList> SqlStore::orphaned() const
{
    SqlStatement s(db(),
                   QStringLiteral("SELECT id FROM jobs WHERE owner != '' AND lease_expires_at < :now"
                                  " AND stage NOT IN ('completed', 'failed', 'cancelled') ORDER BY seq"));
    if (auto r = s.bind(":now", now()).exec(); !r)
        return std::unexpected(r.error());
    QStringList ids;
    while (s.query().next())
        ids.append(s.query().value(0).toString());
    return ids;
}

Status SqlStore::setStage(const JobLease& lease, Stage stage, const Text& status)
{
    SqlStatement s(db(),
                   QString(QStringLiteral("UPDATE jobs SET stage = :stage, status_text = :status, status_json = "
                                          ":status_json, updated_at = :now WHERE id = :id AND ")
                           + kHeld));
    s.bind(":stage", stageKey(stage))
        .bind(":status", english(status))
        .bind(":status_json", textJson(status))
        .bind(":now", now())
        .bind(":id", lease.jobId);
    return held(s, lease);
}

Result<qint64> SqlStore::insertEvent(const JobLease& lease, const EventRecord& e) const
{
    SqlStatement s(db(),
                   QString(QStringLiteral("INSERT INTO events (job_id, ts, stage, level, name, message, text_json,"
                                          " data_json) SELECT :job, :ts, :stage, :level, :name, :message, :text, :data"
                                          " WHERE ")
                           + heldJob(":job2") + QStringLiteral(" RETURNING id")));
    const QDateTime ts = e.time.isValid() ? e.time : QDateTime::currentDateTimeUtc();
    s.bind(":job", lease.jobId)
        .bind(":ts", ts.toString(Qt::ISODateWithMs))
        .bind(":stage", stageKey(e.stage))
        .bind(":level", eventLevelKey(e.level))
        .bind(":name", e.name)
        .bind(":message", e.text.isEmpty() ? e.message : english(e.text))
        .bind(":text", textJson(e.text))
        .bind(":data", json(e.data))
        .bind(":job2", lease.jobId)
        .lease(lease, now());
    auto id = s.returnedId();
    if (!id)
        return std::unexpected(id.error());
    if (!*id)
        return std::unexpected(leaseError(lease));
    return **id;
}

Status SqlStore::end(const JobLease& lease, const JobEnd& how)
{
    return immediate([&]() -> Status {
        const bool failed = how.terminal != Stage::Completed;
        const QString t = now();
        SqlStatement s(db(),
                       QString(QStringLiteral("UPDATE jobs SET stage = :stage, failed_stage = :at, status_text = :status,"
                                              " status_json = :status_json, error_json = :error, result_json = :result,"
                                              " owner = '', lease_token = '', lease_expires_at = '', finished_at = :now,"
                                              " updated_at = :now2, eta_seconds = -1 WHERE id = :id AND ")
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
        if (auto r = held(s, lease); !r)
            return r;
        // What a completed migration made is the operator's now: no cleanup or recovery may touch it.
        if (!failed)
            if (auto r = SqlStatement(db(), QStringLiteral("UPDATE ledger SET state = 'kept' WHERE job_id = :id AND "
                                                           "state = 'created'"))
                             .bind(":id", lease.jobId)
                             .exec();
                !r)
                return r;
        if (auto r = SqlStatement(db(), QStringLiteral("DELETE FROM export_slots WHERE job_id = :id"))
                         .bind(":id", lease.jobId)
                         .exec();
            !r)
            return r;
        if (how.event) {
            // The job is unowned from here on: the final event is written under the bare id.
            if (auto r = insertEvent(JobLease(lease.jobId), *how.event); !r)
                return std::unexpected(r.error());
        }
        return {};
    });
}

Status SqlStore::setProgress(const JobLease& lease, Stage stage, const StageProgress& p)
{
    // The casts type the values for PostgreSQL, which reads an untyped parameter in a SELECT list as text.
    SqlStatement s(db(),
                   QString(QStringLiteral("INSERT INTO stage_progress (job_id, stage, percent, bytes_done, bytes_total,"
                                          " started_at) SELECT :id, :stage, CAST(:pct AS INTEGER), CAST(:done AS "
                                          "BIGINT), CAST(:total AS BIGINT), :now WHERE ")
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
    return held(s, lease);
}

Status SqlStore::setTransfer(const JobLease& lease, qint64 transferred, qint64 total, double rate, qint64 etaSeconds)
{
    SqlStatement s(db(),
                   QString(QStringLiteral("UPDATE jobs SET bytes_transferred = :t, bytes_total = :total, rate = :rate,"
                                          " eta_seconds = :eta, updated_at = :now WHERE id = :id AND ")
                           + kHeld));
    s.bind(":t", transferred)
        .bind(":total", total)
        .bind(":rate", rate)
        .bind(":eta", etaSeconds)
        .bind(":now", now())
        .bind(":id", lease.jobId);
    return held(s, lease);
}

Status SqlStore::setCheckpoint(const JobLease& lease, const QJsonObject& checkpoint)
{
    SqlStatement s(db(),
                   QString(QStringLiteral("UPDATE jobs SET checkpoint_json = :cp, updated_at = :now WHERE id = :id AND ")
                           + kHeld));
    s.bind(":cp", checkpoint.isEmpty() ? QString() : json(checkpoint)).bind(":now", now()).bind(":id", lease.jobId);
    return held(s, lease);
}

Status SqlStore::requestCancel(const QString& id)
{
    return SqlStatement(db(), QStringLiteral("UPDATE jobs SET cancel_requested = 1, updated_at = :now WHERE id = :id"))
        .bind(":now", now())
        .bind(":id", id)
        .exec();
}

Result<bool> SqlStore::cancelRequested(const QString& id) const
{
    SqlStatement s(db(), QStringLiteral("SELECT cancel_requested FROM jobs WHERE id = :id"));
    if (auto r = s.bind(":id", id).exec(); !r)
        return std::unexpected(r.error());
    return s.query().next() && s.query().value(0).toBool();
}

Status SqlStore::requeue(const QString& id, bool fromStart)
{
    return immediate([&]() -> Status {
        SqlStatement s(db(),
                       QStringLiteral("UPDATE jobs SET stage = 'queued', failed_stage = '', error_json = '',"
                                      " result_json = '', owner = '', lease_token = '', lease_expires_at = '',"
                                      " cancel_requested = 0, attempt = attempt + 1, bytes_transferred = 0, rate = 0,"
                                      " eta_seconds = -1, finished_at = '', status_text = :status,"
                                      " status_json = :status_json, checkpoint_json = CASE WHEN :from_start = 1 THEN"
                                      " '' ELSE checkpoint_json END, updated_at = :now WHERE id = :id AND owner = ''"
                                      " AND stage IN ('failed', 'cancelled')"));
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
        return SqlStatement(db(), QStringLiteral("DELETE FROM stage_progress WHERE job_id = :id")).bind(":id", id).exec();
    });
}

Result<qint64> SqlStore::appendEvent(const JobLease& lease, const EventRecord& e)
{
    return insertEvent(lease, e);
}

Result<QList<EventRecord>> SqlStore::events(const QString& jobId, qint64 afterId, int limit) const
{
    SqlStatement s(db(),
                   QStringLiteral("SELECT * FROM events WHERE job_id = :job AND id > :after ORDER BY id LIMIT :limit"));
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

Result<qint64> SqlStore::ledgerAdd(const JobLease& lease, const LedgerEntry& e)
{
    // Durable before the create it guards (synchronous=FULL / synchronous_commit): after a crash, cleanup
    // finds what was made.
    SqlStatement s(db(),
                   QString(QStringLiteral("INSERT INTO ledger (job_id, kind, resource_id, cloud, project, name, state,"
                                          " created_at) SELECT :job, :kind, :rid, :cloud, :project, :name, :state, :now"
                                          " WHERE ")
                           + heldJob(":job2") + QStringLiteral(" RETURNING id")));
    s.bind(":job", lease.jobId)
        .bind(":kind", e.kind)
        .bind(":rid", e.resourceId)
        .bind(":cloud", e.cloud)
        .bind(":project", e.project)
        .bind(":name", e.name)
        .bind(":state", e.state.isEmpty() ? QStringLiteral("creating") : e.state)
        .bind(":now", now())
        .bind(":job2", lease.jobId)
        .lease(lease, now());
    auto id = s.returnedId();
    if (!id)
        return std::unexpected(id.error());
    if (!*id)
        return std::unexpected(leaseError(lease));
    return **id;
}

Status SqlStore::ledgerSetResource(const JobLease& lease, qint64 entryId, const QString& resourceId)
{
    SqlStatement s(db(),
                   QString(QStringLiteral("UPDATE ledger SET resource_id = :rid, state = 'created' WHERE id = :id AND"
                                          " job_id = :job AND ")
                           + heldJob("ledger.job_id")));
    s.bind(":rid", resourceId).bind(":id", entryId).bind(":job", lease.jobId);
    return held(s, lease);
}

Status SqlStore::ledgerSetState(const JobLease& lease, qint64 entryId, const QString& state)
{
    SqlStatement s(db(),
                   QString(QStringLiteral("UPDATE ledger SET state = :state, deleted_at = CASE WHEN :state2 = 'deleted'"
                                          " THEN :now ELSE deleted_at END WHERE id = :id AND job_id = :job AND ")
                           + heldJob("ledger.job_id")));
    s.bind(":state", state).bind(":state2", state).bind(":now", now()).bind(":id", entryId).bind(":job", lease.jobId);
    return held(s, lease);
}

Result<QList<LedgerEntry>> SqlStore::ledger(const QString& jobId) const
{
    SqlStatement s(db(), QStringLiteral("SELECT * FROM ledger WHERE job_id = :job ORDER BY id"));
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

namespace {
// Slots on `:host` held by other jobs whose lease is live (a dead worker's slot stops counting).
const QString kLiveSlots = QStringLiteral(
    "SELECT COUNT(*) FROM export_slots JOIN jobs ON jobs.id = export_slots.job_id WHERE export_slots.host = :host"
    " AND jobs.owner != '' AND jobs.lease_expires_at > :now");
} // namespace

Result<bool> SqlStore::acquireExportSlot(const JobLease& lease, const QString& host, int limit)
{
    bool acquired = false;
    const Status taken = immediate([&]() -> Status {
        // Everyone counting this host's slots takes the same lock first, so two workers cannot both see
        // one free slot (SQLite: the write transaction already serialises them).
        if (const QString lock = m_dialect.lockStatement(u"export:" + host); !lock.isEmpty())
            if (auto r = SqlStatement(db(), lock).exec(); !r)
                return r;
        SqlStatement count(db(), kLiveSlots + QStringLiteral(" AND export_slots.job_id != :job"));
        if (auto r = count.bind(":host", host).bind(":now", now()).bind(":job", lease.jobId).exec(); !r)
            return r;
        if (!count.query().next())
            return std::unexpected(sqlError(count.query(), QStringLiteral("export slots")));
        if (count.query().value(0).toInt() >= std::max(1, limit))
            return {};
        SqlStatement take(db(),
                          QString(QStringLiteral("INSERT INTO export_slots (job_id, host, acquired_at) SELECT :job,"
                                                 " :host, :now WHERE ")
                                  + heldJob(":job2")
                                  + QStringLiteral(" ON CONFLICT(job_id) DO UPDATE SET host = excluded.host,"
                                                   " acquired_at = excluded.acquired_at")));
        take.bind(":job", lease.jobId).bind(":host", host).bind(":now", now()).bind(":job2", lease.jobId);
        if (auto r = held(take, lease); !r)
            return r;
        acquired = true;
        return {};
    });
    if (!taken)
        return std::unexpected(taken.error());
    return acquired;
}

Result<int> SqlStore::exportSlotsInUse(const QString& host) const
{
    SqlStatement s(db(), kLiveSlots);
    if (auto r = s.bind(":host", host).bind(":now", now()).exec(); !r)
        return std::unexpected(r.error());
    return s.query().next() ? s.query().value(0).toInt() : 0;
}

Status SqlStore::releaseExportSlot(const JobLease& lease)
{
    return SqlStatement(db(), QStringLiteral("DELETE FROM export_slots WHERE job_id = :id")).bind(":id", lease.jobId).exec();
}

Status SqlStore::registerWorker(const QString& id, qint64 pid)
{
    const QString t = now();
    return SqlStatement(db(),
                        QStringLiteral("INSERT INTO workers (id, pid, host, started_at, heartbeat_at) VALUES (:id, :pid,"
                                       " :host, :now, :now2) ON CONFLICT(id) DO UPDATE SET pid = excluded.pid,"
                                       " host = excluded.host, started_at = excluded.started_at,"
                                       " heartbeat_at = excluded.heartbeat_at"))
        .bind(":id", id)
        .bind(":pid", pid)
        .bind(":host", paths::hostName())
        .bind(":now", t)
        .bind(":now2", t)
        .exec();
}

Status SqlStore::workerHeartbeat(const QString& id)
{
    return SqlStatement(db(), QStringLiteral("UPDATE workers SET heartbeat_at = :now WHERE id = :id"))
        .bind(":now", now())
        .bind(":id", id)
        .exec();
}

Status SqlStore::unregisterWorker(const QString& id)
{
    return SqlStatement(db(), QStringLiteral("DELETE FROM workers WHERE id = :id")).bind(":id", id).exec();
}

Result<int> SqlStore::liveWorkers(int maxAgeSeconds) const
{
    SqlStatement s(db(), QStringLiteral("SELECT COUNT(*) FROM workers WHERE heartbeat_at >= :cutoff"));
    if (auto r = s.bind(":cutoff", secondsFromNow(-maxAgeSeconds)).exec(); !r)
        return std::unexpected(r.error());
    return s.query().next() ? s.query().value(0).toInt() : 0;
}

Result<QStringList> SqlStore::liveWorkerHosts(int maxAgeSeconds) const
{
    SqlStatement s(db(), QStringLiteral("SELECT DISTINCT host FROM workers WHERE heartbeat_at >= :cutoff ORDER BY host"));
    if (auto r = s.bind(":cutoff", secondsFromNow(-maxAgeSeconds)).exec(); !r)
        return std::unexpected(r.error());
    QStringList hosts;
    while (s.query().next())
        hosts << s.query().value(0).toString();
    return hosts;
}

} // namespace xms
