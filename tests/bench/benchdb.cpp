#include "benchdb.h"

#include "store/storelocation.h"

#include <QDir>
#include <QFile>
#include <QSqlError>
#include <QSqlQuery>

namespace xms::bench {

namespace {

Error dbError(const QString& what, const QString& detail)
{
    return Error::make(QStringLiteral("bench.db"), what, detail);
}

} // namespace

BenchDb::BenchDb(QSqlDatabase db, QString url)
    : m_db(std::move(db))
    , m_url(std::move(url))
{
}

Result<BenchDb> BenchDb::connect()
{
    const QString url = qEnvironmentVariable("XMS_LAB_PG_URL");
    auto where = StoreLocation::fromUrl(url);
    if (url.isEmpty() || !where)
        return std::unexpected(dbError(QStringLiteral("XMS_LAB_PG_URL is not set; run: eval \"$(tests/lab/lab env)\""),
                                       url));
    QFile secret(QDir(qEnvironmentVariable("XMS_LAB_PG_CREDENTIALS")).filePath(QStringLiteral("xms-store-password")));
    if (!secret.open(QIODevice::ReadOnly))
        return std::unexpected(dbError(QStringLiteral("XMS_LAB_PG_CREDENTIALS has no xms-store-password"),
                                       secret.fileName()));
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("bench-admin"));
    db.setHostName(where->host);
    db.setPort(where->port);
    db.setUserName(where->user);
    db.setDatabaseName(where->database);
    db.setPassword(QString::fromUtf8(secret.readAll()).trimmed());
    if (!db.open())
        return std::unexpected(dbError(QStringLiteral("cannot connect to the lab's PostgreSQL"), db.lastError().text()));
    return BenchDb(db, url.left(url.lastIndexOf(u'/') + 1));
}

Result<QString> BenchDb::fresh(const QString& name)
{
    QSqlQuery q(m_db);
    q.exec(QStringLiteral("SET client_min_messages = warning"));
    if (!q.exec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(name))
        || !q.exec(QStringLiteral("CREATE DATABASE %1").arg(name)))
        return std::unexpected(dbError(QStringLiteral("cannot make the database ") + name, q.lastError().text()));
    return m_url + name;
}

void BenchDb::drop(const QString& name)
{
    QSqlQuery q(m_db);
    q.exec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(name));
}

Result<BenchDb::Stats> BenchDb::stats(const QString& name)
{
    QSqlQuery q(m_db);
    q.exec(QStringLiteral("SELECT pg_stat_clear_snapshot()"));
    // pg_snapshot_xmax: the next transaction id, read without taking one.
    q.prepare(QStringLiteral("SELECT xact_commit, tup_inserted, tup_updated, tup_deleted,"
                             " pg_snapshot_xmax(pg_current_snapshot())::text::bigint FROM pg_stat_database"
                             " WHERE datname = :name"));
    q.bindValue(QStringLiteral(":name"), name);
    if (!q.exec() || !q.next())
        return std::unexpected(dbError(QStringLiteral("cannot read pg_stat_database"), q.lastError().text()));
    return Stats {q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toLongLong(), q.value(3).toLongLong(),
                  q.value(4).toLongLong()};
}

int BenchDb::connections(const QString& name)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE datname = :name"));
    q.bindValue(QStringLiteral(":name"), name);
    return q.exec() && q.next() ? q.value(0).toInt() : -1;
}

QString BenchDb::serverVersion()
{
    QSqlQuery q(m_db);
    return q.exec(QStringLiteral("SHOW server_version")) && q.next() ? q.value(0).toString() : QStringLiteral("?");
}

} // namespace xms::bench
