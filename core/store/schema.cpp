#include "schema.h"

#include "common/errorcodes.h"
#include "common/logging.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

namespace xms::schema {

namespace {

// Append only: each entry moves the schema from version i to i+1. Never edit a released step.
const char* const kSteps[] = {
    // 1: the whole first schema
    R"SQL(
CREATE TABLE environments (
    name TEXT PRIMARY KEY, host TEXT NOT NULL, port INTEGER NOT NULL DEFAULT 443, username TEXT NOT NULL,
    datacenter TEXT NOT NULL DEFAULT '', tls_mode TEXT NOT NULL DEFAULT 'system', ca_file TEXT NOT NULL DEFAULT '',
    pin_sha1 TEXT NOT NULL DEFAULT '', pin_sha256 TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
CREATE TABLE clouds (
    name TEXT PRIMARY KEY, auth_url TEXT NOT NULL, region TEXT NOT NULL DEFAULT '',
    auth_type TEXT NOT NULL DEFAULT 'password', username TEXT NOT NULL DEFAULT '',
    user_domain TEXT NOT NULL DEFAULT 'Default', app_cred_id TEXT NOT NULL DEFAULT '',
    app_cred_name TEXT NOT NULL DEFAULT '', project TEXT NOT NULL DEFAULT '',
    project_domain TEXT NOT NULL DEFAULT 'Default', tls_mode TEXT NOT NULL DEFAULT 'system',
    ca_file TEXT NOT NULL DEFAULT '', pin_sha1 TEXT NOT NULL DEFAULT '', pin_sha256 TEXT NOT NULL DEFAULT '',
    dashboard_url TEXT NOT NULL DEFAULT '', created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
CREATE TABLE profiles (
    name TEXT PRIMARY KEY, mapping_json TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE jobs (
    id TEXT PRIMARY KEY, seq INTEGER NOT NULL, spec_json TEXT NOT NULL, stage TEXT NOT NULL,
    failed_stage TEXT NOT NULL DEFAULT '', status_text TEXT NOT NULL DEFAULT '',
    error_json TEXT NOT NULL DEFAULT '', result_json TEXT NOT NULL DEFAULT '',
    owner TEXT NOT NULL DEFAULT '', heartbeat_at TEXT NOT NULL DEFAULT '',
    cancel_requested INTEGER NOT NULL DEFAULT 0, attempt INTEGER NOT NULL DEFAULT 1,
    bytes_transferred INTEGER NOT NULL DEFAULT 0, bytes_total INTEGER NOT NULL DEFAULT 0,
    rate REAL NOT NULL DEFAULT 0, eta_seconds INTEGER NOT NULL DEFAULT -1,
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL, started_at TEXT NOT NULL DEFAULT '',
    finished_at TEXT NOT NULL DEFAULT '');
CREATE TABLE workers (
    id TEXT PRIMARY KEY, pid INTEGER NOT NULL, host TEXT NOT NULL, started_at TEXT NOT NULL,
    heartbeat_at TEXT NOT NULL);
CREATE INDEX jobs_stage ON jobs(stage);
CREATE TABLE stage_progress (
    job_id TEXT NOT NULL REFERENCES jobs(id) ON DELETE CASCADE, stage TEXT NOT NULL,
    percent INTEGER NOT NULL DEFAULT 0, bytes_done INTEGER NOT NULL DEFAULT 0,
    bytes_total INTEGER NOT NULL DEFAULT 0, started_at TEXT NOT NULL DEFAULT '',
    finished_at TEXT NOT NULL DEFAULT '', PRIMARY KEY (job_id, stage));
CREATE TABLE events (
    id INTEGER PRIMARY KEY AUTOINCREMENT, job_id TEXT NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
    ts TEXT NOT NULL, stage TEXT NOT NULL, level TEXT NOT NULL, name TEXT NOT NULL,
    message TEXT NOT NULL, data_json TEXT NOT NULL DEFAULT '{}');
CREATE INDEX events_job ON events(job_id, id);
CREATE TABLE ledger (
    id INTEGER PRIMARY KEY AUTOINCREMENT, job_id TEXT NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
    kind TEXT NOT NULL, resource_id TEXT NOT NULL DEFAULT '', cloud TEXT NOT NULL, project TEXT NOT NULL,
    name TEXT NOT NULL DEFAULT '', state TEXT NOT NULL DEFAULT 'creating', created_at TEXT NOT NULL,
    deleted_at TEXT NOT NULL DEFAULT '');
CREATE INDEX ledger_job ON ledger(job_id);
)SQL",
    // 2: what a retry may resume from (the converted staging disks and what the stages before found)
    R"SQL(
ALTER TABLE jobs ADD COLUMN checkpoint_json TEXT NOT NULL DEFAULT '';
)SQL",
    // 3: texts stored as written, rendered by each reader in its own language (common/text.h)
    R"SQL(
ALTER TABLE events ADD COLUMN text_json TEXT NOT NULL DEFAULT '';
ALTER TABLE jobs ADD COLUMN status_json TEXT NOT NULL DEFAULT '';
)SQL",
    // 4: ownership with fencing — the owner's lease token and when its lease runs out (model/jobrecords.h)
    R"SQL(
ALTER TABLE jobs ADD COLUMN lease_token TEXT NOT NULL DEFAULT '';
ALTER TABLE jobs ADD COLUMN lease_expires_at TEXT NOT NULL DEFAULT '';
)SQL",
    // 5: workers on several hosts — which host runs (or last ran) a job, and the export slots a job holds
    // on an ESXi host, counted across every worker while the job's lease is live
    R"SQL(
ALTER TABLE jobs ADD COLUMN worker_host TEXT NOT NULL DEFAULT '';
CREATE TABLE export_slots (
    job_id TEXT PRIMARY KEY REFERENCES jobs(id) ON DELETE CASCADE, host TEXT NOT NULL, acquired_at TEXT NOT NULL);
CREATE INDEX export_slots_host ON export_slots(host);
)SQL",
};

constexpr int kLatest = int(std::size(kSteps));

Status exec(QSqlDatabase& db, const QString& sql)
{
    QSqlQuery q(db);
    if (!q.exec(sql))
        return fail(errc::kStoreSchema,
                    QObject::tr("The XMS database could not be updated. Check that its directory is writable."),
                    q.lastError().text() + u": " + sql.left(120));
    return {};
}

} // namespace

int latestVersion()
{
    return kLatest;
}

Status migrate(QSqlDatabase& db, const SqlDialect& dialect)
{
    // The version is read inside the write transaction, under a lock every migrating process takes: two
    // processes (or hosts) opening an old database at once cannot both migrate it — the second waits for
    // the lock, then sees the new version.
    QSqlQuery q(db);
    if (!q.exec(dialect.beginWrite()))
        return fail(errc::kStoreSchema, QObject::tr("The XMS database is locked or cannot be written."),
                    q.lastError().text());
    auto abort = [&db](Status s) {
        QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
        return s;
    };
    QStringList before = dialect.prepareVersion();
    if (const QString lock = dialect.lockStatement(QStringLiteral("schema")); !lock.isEmpty())
        before.prepend(lock);
    for (const QString& s : before)
        if (auto r = exec(db, s); !r)
            return abort(r);
    if (!q.exec(dialect.readVersion()) || !q.next())
        return abort(fail(errc::kStoreSchema, QObject::tr("The XMS database cannot be read."), q.lastError().text()));
    const int current = q.value(0).toInt();
    q.finish();
    if (current > kLatest)
        return abort(fail(errc::kStoreTooNew,
                          QObject::tr("This database was written by a newer XMS (schema %1; this build knows %2). "
                                      "Update XMS, or point XMS_HOME at another directory.")
                              .arg(current)
                              .arg(kLatest)));
    for (int v = current; v < kLatest; ++v) {
        const QStringList statements = dialect.ddl(QString::fromUtf8(kSteps[v])).split(u';', Qt::SkipEmptyParts);
        for (const QString& s : statements) {
            if (s.trimmed().isEmpty())
                continue;
            if (auto r = exec(db, s); !r)
                return abort(r);
        }
    }
    if (current < kLatest) {
        for (const QString& s : dialect.writeVersion(kLatest))
            if (auto r = exec(db, s); !r)
                return abort(r);
    }
    if (!q.exec(QStringLiteral("COMMIT")))
        return abort(
            fail(errc::kStoreSchema, QObject::tr("The XMS database could not be updated."), q.lastError().text()));
    if (current < kLatest)
        qCInfo(lcStore) << "database schema migrated from version" << current << "to" << kLatest;
    return {};
}

} // namespace xms::schema
