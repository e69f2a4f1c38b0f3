#include "sqlitestore.h"

#include "common/errorcodes.h"
#include "common/logging.h"
#include "common/paths.h"
#include "common/text.h"
#include "schema.h"

#include <QCoreApplication>
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

SqliteStore::SqliteStore(QString path)
    : m_path(std::move(path))
{
}

Result<std::shared_ptr<SqliteStore>> SqliteStore::open(const QString& path)
{
    std::shared_ptr<SqliteStore> store(new SqliteStore(QFileInfo(path).absoluteFilePath()));
    QSqlDatabase db = store->db();
    if (!db.isOpen())
        return fail(errc::kStoreOpen,
                    Text::translate("Store",
                                    "The XMS database %1 cannot be opened. Check that the "
                                    "directory exists and is writable, or set XMS_HOME.")
                        .toString()
                        .arg(path),
                    db.lastError().text());
    if (auto r = schema::migrate(db); !r)
        return std::unexpected(r.error());
    return store;
}

QSqlDatabase SqliteStore::db() const
{
    // QSqlDatabase connections belong to the thread that made them: one per (thread, file).
    const QString name
        = QStringLiteral("xms-%1-%2").arg(reinterpret_cast<quintptr>(QThread::currentThread())).arg(qHash(m_path));
    if (QSqlDatabase::contains(name))
        return QSqlDatabase::database(name);
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    db.setDatabaseName(m_path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    if (db.open()) {
        // WAL lets readers run beside the one writer; synchronous=FULL makes each commit durable before it
        // returns — a ledger row must survive power loss, or cleanup would not know what was created.
        const auto pragmaIs = [&db](const QString& pragma, const QString& expected) {
            QSqlQuery q(db);
            if (!q.exec(pragma) || !q.exec(pragma.section(u'=', 0, 0)) || !q.next())
                return false;
            return q.value(0).toString().compare(expected, Qt::CaseInsensitive) == 0;
        };
        if (!pragmaIs(QStringLiteral("PRAGMA journal_mode=WAL"), QStringLiteral("wal"))
            || !pragmaIs(QStringLiteral("PRAGMA synchronous=FULL"), QStringLiteral("2"))
            || !pragmaIs(QStringLiteral("PRAGMA foreign_keys=ON"), QStringLiteral("1"))) {
            qCWarning(lcStore) << "the database" << m_path << "refused its settings (WAL, synchronous=FULL,"
                               << "foreign keys); not using it";
            db.close();
        }
    }
    return db;
}

Result<QList<EnvironmentRecord>> SqliteStore::environments() const
{
    return selectAll<EnvironmentRecord>(db(), QStringLiteral("SELECT * FROM environments ORDER BY name"),
                                        environmentFrom);
}

Result<EnvironmentRecord> SqliteStore::environment(const QString& name) const
{
    return selectOne<EnvironmentRecord>(db(), QStringLiteral("SELECT * FROM environments WHERE name = :name"), name,
                                        environmentFrom,
                                        notFound("source.not_found", Text::translate("Store", "source").toString(),
                                                 name, QStringLiteral("xms source list")));
}

Status SqliteStore::saveEnvironment(const EnvironmentRecord& e)
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

Status SqliteStore::removeEnvironment(const QString& name)
{
    return removeByName(db(), QStringLiteral("environments"), name,
                        notFound("source.not_found", Text::translate("Store", "source").toString(), name,
                                 QStringLiteral("xms source list")));
}

Result<QList<CloudRecord>> SqliteStore::clouds() const
{
    return selectAll<CloudRecord>(db(), QStringLiteral("SELECT * FROM clouds ORDER BY name"), cloudFrom);
}

Result<CloudRecord> SqliteStore::cloud(const QString& name) const
{
    return selectOne<CloudRecord>(db(), QStringLiteral("SELECT * FROM clouds WHERE name = :name"), name, cloudFrom,
                                  notFound("cloud.not_found", Text::translate("Store", "cloud").toString(), name,
                                           QStringLiteral("xms cloud list")));
}

Status SqliteStore::saveCloud(const CloudRecord& c)
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

Status SqliteStore::removeCloud(const QString& name)
{
    return removeByName(db(), QStringLiteral("clouds"), name,
                        notFound("cloud.not_found", Text::translate("Store", "cloud").toString(), name,
                                 QStringLiteral("xms cloud list")));
}

Result<QList<ProfileRecord>> SqliteStore::profiles() const
{
    return selectAll<ProfileRecord>(db(), QStringLiteral("SELECT * FROM profiles ORDER BY name"), profileFrom);
}

Result<ProfileRecord> SqliteStore::profile(const QString& name) const
{
    return selectOne<ProfileRecord>(db(), QStringLiteral("SELECT * FROM profiles WHERE name = :name"), name,
                                    profileFrom,
                                    notFound("profile.not_found", Text::translate("Store", "profile").toString(), name,
                                             QStringLiteral("xms profile list")));
}

Status SqliteStore::saveProfile(const ProfileRecord& p)
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

Status SqliteStore::removeProfile(const QString& name)
{
    return removeByName(db(), QStringLiteral("profiles"), name,
                        notFound("profile.not_found", Text::translate("Store", "profile").toString(), name,
                                 QStringLiteral("xms profile list")));
}

QString SqliteStore::setting(const QString& key, const QString& fallback) const
{
    QSqlQuery q(db());
    q.prepare(QStringLiteral("SELECT value FROM settings WHERE key = :key"));
    q.bindValue(QStringLiteral(":key"), key);
    if (q.exec() && q.next() && !q.value(0).toString().isEmpty())
        return q.value(0).toString();
    return fallback; // absent, or cleared with an empty value
}

Status SqliteStore::setSetting(const QString& key, const QString& value)
{
    QSqlQuery q(db());
    q.prepare(QStringLiteral("INSERT INTO settings (key, value) VALUES (:key, :value)"
                             " ON CONFLICT(key) DO UPDATE SET value = excluded.value"));
    q.bindValue(QStringLiteral(":key"), key);
    q.bindValue(QStringLiteral(":value"), text(value));
    return execBound(q, QStringLiteral("save setting"));
}

} // namespace xms
