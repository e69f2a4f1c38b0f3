#include "sqlstore.h"

#include "common/errorcodes.h"
#include "common/logging.h"
#include "common/paths.h"
#include "common/text.h"
#include "schema.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>

namespace xms {

namespace {

// Qt binds a null QString as SQL NULL; the schema's text columns are NOT NULL with '' meaning "unset".
QString text(const QString& s)
{
    return s.isNull() ? QStringLiteral("") : s;
}

QString now()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}
QDateTime fromIso(const QVariant& v)
{
    return QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
}

QString tlsModeKey(TlsPolicy::Mode m)
{
    switch (m) {
    case TlsPolicy::Mode::SystemCa:
        return QStringLiteral("system");
    case TlsPolicy::Mode::CaFile:
        return QStringLiteral("ca-file");
    case TlsPolicy::Mode::Pinned:
        return QStringLiteral("pinned");
    case TlsPolicy::Mode::Insecure:
        return QStringLiteral("insecure");
    }
    return QStringLiteral("system");
}

TlsPolicy tlsFrom(const QSqlQuery& q)
{
    TlsPolicy t;
    const QString mode = q.value(QStringLiteral("tls_mode")).toString();
    t.mode = mode == u"ca-file" ? TlsPolicy::Mode::CaFile
        : mode == u"pinned"     ? TlsPolicy::Mode::Pinned
        : mode == u"insecure"   ? TlsPolicy::Mode::Insecure
                                : TlsPolicy::Mode::SystemCa;
    t.caFile = q.value(QStringLiteral("ca_file")).toString();
    t.pinSha1 = q.value(QStringLiteral("pin_sha1")).toString().toLatin1();
    t.pinSha256 = q.value(QStringLiteral("pin_sha256")).toString().toLatin1();
    return t;
}

void bindTls(QSqlQuery& q, const TlsPolicy& t)
{
    q.bindValue(QStringLiteral(":tls_mode"), tlsModeKey(t.mode));
    q.bindValue(QStringLiteral(":ca_file"), text(t.caFile));
    q.bindValue(QStringLiteral(":pin_sha1"), text(QString::fromLatin1(t.pinSha1)));
    q.bindValue(QStringLiteral(":pin_sha256"), text(QString::fromLatin1(t.pinSha256)));
}

EnvironmentRecord environmentFrom(const QSqlQuery& q)
{
    EnvironmentRecord e;
    e.name = q.value(QStringLiteral("name")).toString();
    e.host = q.value(QStringLiteral("host")).toString();
    e.port = q.value(QStringLiteral("port")).toInt();
    e.username = q.value(QStringLiteral("username")).toString();
    e.datacenter = q.value(QStringLiteral("datacenter")).toString();
    e.tls = tlsFrom(q);
    e.createdAt = fromIso(q.value(QStringLiteral("created_at")));
    e.updatedAt = fromIso(q.value(QStringLiteral("updated_at")));
    return e;
}

CloudRecord cloudFrom(const QSqlQuery& q)
{
    CloudRecord c;
    c.name = q.value(QStringLiteral("name")).toString();
    c.authUrl = q.value(QStringLiteral("auth_url")).toString();
    c.region = q.value(QStringLiteral("region")).toString();
    c.auth = q.value(QStringLiteral("auth_type")).toString() == u"appcred" ? CloudRecord::Auth::ApplicationCredential
                                                                           : CloudRecord::Auth::Password;
    c.username = q.value(QStringLiteral("username")).toString();
    c.userDomain = q.value(QStringLiteral("user_domain")).toString();
    c.appCredId = q.value(QStringLiteral("app_cred_id")).toString();
    c.appCredName = q.value(QStringLiteral("app_cred_name")).toString();
    c.project = q.value(QStringLiteral("project")).toString();
    c.projectDomain = q.value(QStringLiteral("project_domain")).toString();
    c.tls = tlsFrom(q);
    c.dashboardUrl = q.value(QStringLiteral("dashboard_url")).toString();
    c.createdAt = fromIso(q.value(QStringLiteral("created_at")));
    c.updatedAt = fromIso(q.value(QStringLiteral("updated_at")));
    return c;
}

ProfileRecord profileFrom(const QSqlQuery& q)
{
    ProfileRecord p;
    p.name = q.value(QStringLiteral("name")).toString();
    p.mapping = QJsonDocument::fromJson(q.value(QStringLiteral("mapping_json")).toString().toUtf8()).object();
    p.createdAt = fromIso(q.value(QStringLiteral("created_at")));
    p.updatedAt = fromIso(q.value(QStringLiteral("updated_at")));
    return p;
}

// Runs a SELECT and maps every row.
template<typename T, typename Map> Result<QList<T>> selectAll(const QSqlDatabase& db, const QString& sql, Map map)
{
    QSqlQuery q(db);
    if (!q.exec(sql))
        return std::unexpected(sqlError(q, sql));
    QList<T> out;
    while (q.next())
        out.append(map(q));
    return out;
}

template<typename T, typename Map>
Result<T> selectOne(const QSqlDatabase& db, const QString& sql, const QString& name, Map map, Error notFound)
{
    QSqlQuery q(db);
    q.prepare(sql);
    q.bindValue(QStringLiteral(":name"), name);
    if (!q.exec())
        return std::unexpected(sqlError(q, sql));
    if (!q.next())
        return std::unexpected(notFound);
    return map(q);
}

void bindTimestamps(QSqlQuery& q)
{
    const QString t = now();
    q.bindValue(QStringLiteral(":created"), t);
    q.bindValue(QStringLiteral(":updated"), t);
}

Status execBound(QSqlQuery& q, const QString& what)
{
    if (!q.exec())
        return std::unexpected(sqlError(q, what));
    return {};
}

Status removeByName(const QSqlDatabase& db, const QString& table, const QString& name, Error notFound)
{
    QSqlQuery q(db);
    q.prepare(u"DELETE FROM " + table + u" WHERE name = :name");
    q.bindValue(QStringLiteral(":name"), name);
    if (!q.exec())
        return std::unexpected(sqlError(q, table));
    if (q.numRowsAffected() == 0)
        return std::unexpected(notFound);
    return {};
}

Error notFound(const char* code, const QString& what, const QString& name, const QString& listCommand)
{
    return Error::make(QString::fromLatin1(code),
                       Text::translate("Store", "There is no %1 named '%2'. See '%3' for the ones that exist.")
                           .toString()
                           .arg(what, name, listCommand));
}

} // namespace

Error sqlError(const QSqlQuery& query, const QString& what)
{
    return Error::make(errc::kStoreSql,
                       Text::translate("Store", "The XMS database could not be read or written.").toString(),
                       query.lastError().text() + u" (" + what.left(80) + u')');
}

SqlStore::SqlStore(StoreLocation where, QString password)
    : m_where(std::move(where))
    , m_password(std::move(password))
    , m_dialect(m_where.kind)
{
}

namespace {

// Says why a database could not be opened, with what to do about it.
Error openError(const StoreLocation& where, const QSqlError& e)
{
    const QString detail = e.text();
    if (!where.isPostgres())
        return Error::make(errc::kStoreOpen,
                           Text::translate("Store",
                                           "The XMS database %1 cannot be opened. Check that the "
                                           "directory exists and is writable, or set XMS_HOME.")
                               .toString()
                               .arg(where.path),
                           detail);
    if (detail.contains(u"password authentication failed") || detail.contains(u"no password supplied"))
        return Error::make(errc::kStoreAuth,
                           Text::translate("Store",
                                           "PostgreSQL at %1 refused user '%2': the password is wrong or missing. "
                                           "Save it with 'xms store password' (or, for a worker started by systemd, "
                                           "as the credential xms-store-password).")
                               .toString()
                               .arg(where.display(), where.user),
                           detail);
    if (detail.contains(u"does not exist") && detail.contains(u"database"))
        return Error::make(errc::kStoreOpen,
                           Text::translate("Store",
                                           "PostgreSQL at %1 has no database '%2'. Create it (for example "
                                           "'createdb -O %3 %2' on the server), then try again.")
                               .toString()
                               .arg(where.display(), where.database, where.user),
                           detail);
    return Error::make(errc::kStoreUnreachable,
                       Text::translate("Store",
                                       "Cannot reach the PostgreSQL job store at %1. Check that the server runs, "
                                       "that this host may connect to it (listen_addresses, pg_hba.conf) and that "
                                       "the URL is right.")
                           .toString()
                           .arg(where.display()),
                       detail);
}

} // namespace

Result<std::shared_ptr<SqlStore>> SqlStore::open(const StoreLocation& where, const QString& password)
{
    StoreLocation at = where;
    if (!at.isPostgres())
        at.path = QFileInfo(at.path).absoluteFilePath();
    std::shared_ptr<SqlStore> store(new SqlStore(at, password));
    QSqlDatabase db = store->db();
    if (!db.isOpen())
        return std::unexpected(openError(at, db.lastError()));
    if (at.isPostgres()) {
        // Leases are compared across hosts: every worker writes them in the server's clock.
        QSqlQuery q(db);
        QElapsedTimer rtt;
        rtt.start();
        if (!q.exec(QStringLiteral("SELECT CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000 AS BIGINT)")) || !q.next())
            return std::unexpected(sqlError(q, QStringLiteral("clock")));
        const qint64 local = QDateTime::currentMSecsSinceEpoch() - rtt.elapsed() / 2;
        store->m_clockOffsetMs = q.value(0).toLongLong() - local;
    }
    if (auto r = schema::migrate(db, store->m_dialect); !r)
        return std::unexpected(r.error());
    return store;
}

QSqlDatabase SqlStore::db() const
{
    // QSqlDatabase connections belong to the thread that made them: one per (thread, database).
    const QString name = QStringLiteral("xms-%1-%2")
                             .arg(reinterpret_cast<quintptr>(QThread::currentThread()))
                             .arg(qHash(m_where.display()));
    if (QSqlDatabase::contains(name)) {
        if (QSqlDatabase db = QSqlDatabase::database(name, false); db.isOpen())
            return db;
        QSqlDatabase::removeDatabase(name); // closed after a failed open or a broken connection: retry
    }
    QSqlDatabase db = m_dialect.connect(name, m_where, m_password);
    if (db.isOpen()) {
        if (auto r = m_dialect.configure(db); !r) {
            qCWarning(lcStore) << "not using the database" << m_where.display() << ":" << r.error().toString();
            db.close();
        }
    }
    return db;
}

QString SqlStore::now() const
{
    return QDateTime::currentDateTimeUtc().addMSecs(m_clockOffsetMs).toString(Qt::ISODateWithMs);
}

QString SqlStore::secondsFromNow(int seconds) const
{
    return QDateTime::currentDateTimeUtc().addMSecs(m_clockOffsetMs + qint64(seconds) * 1000).toString(Qt::ISODateWithMs);
}

Result<QList<EnvironmentRecord>> SqlStore::environments() const
{
    return selectAll<EnvironmentRecord>(db(), QStringLiteral("SELECT * FROM environments ORDER BY name"),
                                        environmentFrom);
}

Result<EnvironmentRecord> SqlStore::environment(const QString& name) const
{
    return selectOne<EnvironmentRecord>(db(), QStringLiteral("SELECT * FROM environments WHERE name = :name"), name,
                                        environmentFrom,
                                        notFound("source.not_found", Text::translate("Store", "source").toString(),
                                                 name, QStringLiteral("xms source list")));
}

Status SqlStore::saveEnvironment(const EnvironmentRecord& e)
{
    QSqlQuery q(db());
    q.prepare(QStringLiteral(
        "INSERT INTO environments (name, host, port, username, datacenter, tls_mode, ca_file, pin_sha1, pin_sha256,"
        " created_at, updated_at) VALUES (:name, :host, :port, :username, :datacenter, :tls_mode, :ca_file,"
        " :pin_sha1, :pin_sha256, :created, :updated) ON CONFLICT(name) DO UPDATE SET host = excluded.host,"
        " port = excluded.port, username = excluded.username, datacenter = excluded.datacenter,"
        " tls_mode = excluded.tls_mode, ca_file = excluded.ca_file, pin_sha1 = excluded.pin_sha1,"
        " pin_sha256 = excluded.pin_sha256, updated_at = excluded.updated_at"));
    q.bindValue(QStringLiteral(":name"), text(e.name));
    q.bindValue(QStringLiteral(":host"), text(e.host));
    q.bindValue(QStringLiteral(":port"), e.port);
    q.bindValue(QStringLiteral(":username"), text(e.username));
    q.bindValue(QStringLiteral(":datacenter"), text(e.datacenter));
    bindTls(q, e.tls);
    bindTimestamps(q);
    return execBound(q, QStringLiteral("save environment"));
}

Status SqlStore::removeEnvironment(const QString& name)
{
    return removeByName(db(), QStringLiteral("environments"), name,
                        notFound("source.not_found", Text::translate("Store", "source").toString(), name,
                                 QStringLiteral("xms source list")));
}

Result<QList<CloudRecord>> SqlStore::clouds() const
{
    return selectAll<CloudRecord>(db(), QStringLiteral("SELECT * FROM clouds ORDER BY name"), cloudFrom);
}

Result<CloudRecord> SqlStore::cloud(const QString& name) const
{
    return selectOne<CloudRecord>(db(), QStringLiteral("SELECT * FROM clouds WHERE name = :name"), name, cloudFrom,
                                  notFound("cloud.not_found", Text::translate("Store", "cloud").toString(), name,
                                           QStringLiteral("xms cloud list")));
}

Status SqlStore::saveCloud(const CloudRecord& c)
{
    QSqlQuery q(db());
    q.prepare(QStringLiteral(
        "INSERT INTO clouds (name, auth_url, region, auth_type, username, user_domain, app_cred_id, app_cred_name,"
        " project, project_domain, tls_mode, ca_file, pin_sha1, pin_sha256, dashboard_url, created_at, updated_at)"
        " VALUES (:name, :auth_url, :region, :auth_type, :username, :user_domain, :app_cred_id, :app_cred_name,"
        " :project, :project_domain, :tls_mode, :ca_file, :pin_sha1, :pin_sha256, :dashboard_url, :created, :updated)"
        " ON CONFLICT(name) DO UPDATE SET auth_url = excluded.auth_url, region = excluded.region,"
        " auth_type = excluded.auth_type, username = excluded.username, user_domain = excluded.user_domain,"
        " app_cred_id = excluded.app_cred_id, app_cred_name = excluded.app_cred_name, project = excluded.project,"
        " project_domain = excluded.project_domain, tls_mode = excluded.tls_mode, ca_file = excluded.ca_file,"
        " pin_sha1 = excluded.pin_sha1, pin_sha256 = excluded.pin_sha256, dashboard_url = excluded.dashboard_url,"
        " updated_at = excluded.updated_at"));
    q.bindValue(QStringLiteral(":name"), text(c.name));
    q.bindValue(QStringLiteral(":auth_url"), text(c.authUrl));
    q.bindValue(QStringLiteral(":region"), text(c.region));
    q.bindValue(QStringLiteral(":auth_type"),
                c.auth == CloudRecord::Auth::ApplicationCredential ? QStringLiteral("appcred")
                                                                   : QStringLiteral("password"));
    q.bindValue(QStringLiteral(":username"), text(c.username));
    q.bindValue(QStringLiteral(":user_domain"), text(c.userDomain));
    q.bindValue(QStringLiteral(":app_cred_id"), text(c.appCredId));
    q.bindValue(QStringLiteral(":app_cred_name"), text(c.appCredName));
    q.bindValue(QStringLiteral(":project"), text(c.project));
    q.bindValue(QStringLiteral(":project_domain"), text(c.projectDomain));
    bindTls(q, c.tls);
    q.bindValue(QStringLiteral(":dashboard_url"), text(c.dashboardUrl));
    bindTimestamps(q);
    return execBound(q, QStringLiteral("save cloud"));
}

Status SqlStore::removeCloud(const QString& name)
{
    return removeByName(db(), QStringLiteral("clouds"), name,
                        notFound("cloud.not_found", Text::translate("Store", "cloud").toString(), name,
                                 QStringLiteral("xms cloud list")));
}

Result<QList<ProfileRecord>> SqlStore::profiles() const
{
    return selectAll<ProfileRecord>(db(), QStringLiteral("SELECT * FROM profiles ORDER BY name"), profileFrom);
}

Result<ProfileRecord> SqlStore::profile(const QString& name) const
{
    return selectOne<ProfileRecord>(db(), QStringLiteral("SELECT * FROM profiles WHERE name = :name"), name,
                                    profileFrom,
                                    notFound("profile.not_found", Text::translate("Store", "profile").toString(), name,
                                             QStringLiteral("xms profile list")));
}

Status SqlStore::saveProfile(const ProfileRecord& p)
{
    QSqlQuery q(db());
    q.prepare(QStringLiteral("INSERT INTO profiles (name, mapping_json, created_at, updated_at)"
                             " VALUES (:name, :mapping, :created, :updated) ON CONFLICT(name) DO UPDATE SET"
                             " mapping_json = excluded.mapping_json, updated_at = excluded.updated_at"));
    q.bindValue(QStringLiteral(":name"), text(p.name));
    q.bindValue(QStringLiteral(":mapping"), QString::fromUtf8(QJsonDocument(p.mapping).toJson(QJsonDocument::Compact)));
    bindTimestamps(q);
    return execBound(q, QStringLiteral("save profile"));
}

Status SqlStore::removeProfile(const QString& name)
{
    return removeByName(db(), QStringLiteral("profiles"), name,
                        notFound("profile.not_found", Text::translate("Store", "profile").toString(), name,
                                 QStringLiteral("xms profile list")));
}

QString SqlStore::setting(const QString& key, const QString& fallback) const
{
    QSqlQuery q(db());
    q.prepare(QStringLiteral("SELECT value FROM settings WHERE key = :key"));
    q.bindValue(QStringLiteral(":key"), key);
    if (q.exec() && q.next() && !q.value(0).toString().isEmpty())
        return q.value(0).toString();
    return fallback; // absent, or cleared with an empty value
}

Status SqlStore::setSetting(const QString& key, const QString& value)
{
    QSqlQuery q(db());
    q.prepare(QStringLiteral("INSERT INTO settings (key, value) VALUES (:key, :value)"
                             " ON CONFLICT(key) DO UPDATE SET value = excluded.value"));
    q.bindValue(QStringLiteral(":key"), key);
    q.bindValue(QStringLiteral(":value"), text(value));
    return execBound(q, QStringLiteral("save setting"));
}

} // namespace xms
