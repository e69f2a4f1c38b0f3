#include "sqldialect.h"

#include "common/errorcodes.h"
#include "common/text.h"

#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

namespace xms {

namespace {

// Runs `set`, then `show` (empty: `set` answers itself, as PRAGMA journal_mode=WAL does), and requires
// the first value returned to be `expected`.
bool settingIs(QSqlDatabase& db, const QString& set, const QString& show, const QString& expected)
{
    QSqlQuery q(db);
    if (!q.exec(set) || (!show.isEmpty() && !q.exec(show)) || !q.next())
        return false;
    return q.value(0).toString().compare(expected, Qt::CaseInsensitive) == 0;
}

} // namespace

QSqlDatabase SqlDialect::connect(const QString& name, const StoreLocation& where, const QString& password) const
{
    if (!postgres()) {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(where.path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
        db.open();
        return db;
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
    db.setHostName(where.host);
    db.setPort(where.port);
    db.setUserName(where.user);
    db.setDatabaseName(where.database);
    if (!password.isEmpty())
        db.setPassword(password);
    QStringList options {QStringLiteral("connect_timeout=10"), QStringLiteral("application_name=xms")};
    if (!where.sslMode.isEmpty())
        options << u"sslmode=" + where.sslMode;
    db.setConnectOptions(options.join(u';'));
    db.open();
    return db;
}

Status SqlDialect::configure(QSqlDatabase& db) const
{
    bool ok = true;
    if (postgres()) {
        // A commit returns only once it is on the server's disk: a ledger row must survive a power loss,
        // or cleanup would not know what was created. NOTICEs (CREATE … IF NOT EXISTS) are noise.
        ok = settingIs(db, QStringLiteral("SET synchronous_commit = on"), QStringLiteral("SHOW synchronous_commit"),
                       QStringLiteral("on"))
            && settingIs(db, QStringLiteral("SET client_min_messages = warning"),
                         QStringLiteral("SHOW client_min_messages"), QStringLiteral("warning"));
    } else {
        // WAL lets readers run beside the one writer; synchronous=FULL makes each commit durable before it
        // returns.
        ok = settingIs(db, QStringLiteral("PRAGMA journal_mode=WAL"), {}, QStringLiteral("wal"))
            && settingIs(db, QStringLiteral("PRAGMA synchronous=FULL"), QStringLiteral("PRAGMA synchronous"),
                         QStringLiteral("2"))
            && settingIs(db, QStringLiteral("PRAGMA foreign_keys=ON"), QStringLiteral("PRAGMA foreign_keys"),
                         QStringLiteral("1"));
    }
    if (ok)
        return {};
    return fail(errc::kStoreOpen,
                Text::translate("Store",
                                "The database refused the settings XMS needs for durable writes (%1). Check "
                                "that it is not read-only and that the server allows them.")
                    .arg(Text::literal(postgres() ? QStringLiteral("synchronous_commit")
                                                  : QStringLiteral("WAL, synchronous=FULL, foreign keys")))
                    .toString(),
                db.lastError().text());
}

QString SqlDialect::beginWrite() const
{
    return postgres() ? QStringLiteral("BEGIN") : QStringLiteral("BEGIN IMMEDIATE");
}

QString SqlDialect::lockStatement(const QString& key) const
{
    if (!postgres())
        return {};
    // hashtext is PostgreSQL's own string hash; a collision only serialises two unrelated keys.
    QString quoted = key;
    quoted.replace(u'\'', QStringLiteral("''"));
    return QStringLiteral("SELECT pg_advisory_xact_lock(hashtext('xms:%1'))").arg(quoted);
}

QString SqlDialect::skipLocked() const
{
    return postgres() ? QStringLiteral(" FOR UPDATE SKIP LOCKED") : QString();
}

QString SqlDialect::ddl(const QString& sqliteDdl) const
{
    if (!postgres())
        return sqliteDdl;
    // SQLite's INTEGER is 64-bit and its REAL a double; PostgreSQL's are 32-bit and single precision.
    QString s = sqliteDdl;
    s.replace(QStringLiteral("INTEGER PRIMARY KEY AUTOINCREMENT"), QStringLiteral("BIGSERIAL PRIMARY KEY"));
    static const QRegularExpression kInteger(QStringLiteral("\\bINTEGER\\b"));
    static const QRegularExpression kReal(QStringLiteral("\\bREAL\\b"));
    s.replace(kInteger, QStringLiteral("BIGINT"));
    s.replace(kReal, QStringLiteral("DOUBLE PRECISION"));
    return s;
}

QStringList SqlDialect::prepareVersion() const
{
    if (!postgres())
        return {};
    return {QStringLiteral("CREATE TABLE IF NOT EXISTS xms_schema (version BIGINT NOT NULL)")};
}

QString SqlDialect::readVersion() const
{
    return postgres() ? QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM xms_schema")
                      : QStringLiteral("PRAGMA user_version");
}

QStringList SqlDialect::writeVersion(int version) const
{
    if (!postgres())
        return {QStringLiteral("PRAGMA user_version = %1").arg(version)};
    return {QStringLiteral("DELETE FROM xms_schema"), QStringLiteral("INSERT INTO xms_schema VALUES (%1)").arg(version)};
}

} // namespace xms
