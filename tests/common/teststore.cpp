#include "teststore.h"

#include "common/errorcodes.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSqlError>
#include <QSqlQuery>

namespace xms::test {

namespace {

Error labMissing(const QString& what)
{
    return Error::make(errc::kStoreOpen,
                       QStringLiteral("XMS_TEST_STORE=postgresql needs the lab's PostgreSQL: %1 is not set or not "
                                      "readable. Run tests/lab/lab up, then eval \"$(tests/lab/lab env)\".")
                           .arg(what));
}

Result<StoreLocation> labLocation()
{
    const QString url = qEnvironmentVariable("XMS_LAB_PG_URL");
    if (url.isEmpty())
        return std::unexpected(labMissing(QStringLiteral("XMS_LAB_PG_URL")));
    return StoreLocation::fromUrl(url);
}

// A database name PostgreSQL takes unquoted: lower case, digits, '_'.
QString databaseName(const QString& name)
{
    QString out = QStringLiteral("xms_t_") + QCoreApplication::applicationName() + u'_' + name;
    out = out.toLower();
    for (QChar& c : out)
        if (!((c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9')))
            c = u'_';
    return out.left(63);
}

} // namespace

bool onPostgres()
{
    return qEnvironmentVariable("XMS_TEST_STORE") == u"postgresql";
}

QString storePassword(const StoreLocation& where)
{
    if (!where.isPostgres())
        return {};
    QFile f(QDir(qEnvironmentVariable("XMS_LAB_PG_CREDENTIALS")).filePath(QStringLiteral("xms-store-password")));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.readAll()).trimmed();
}

QSqlDatabase rawConnection(const StoreLocation& where)
{
    static int count = 0;
    const QString name = QStringLiteral("test-raw-%1").arg(++count);
    if (!where.isPostgres()) {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(where.path);
        db.open();
        return db;
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
    db.setHostName(where.host);
    db.setPort(where.port);
    db.setUserName(where.user);
    db.setDatabaseName(where.database);
    db.setPassword(storePassword(where));
    db.open();
    return db;
}

int schemaVersion(QSqlDatabase& raw)
{
    QSqlQuery q(raw);
    const bool pg = raw.driverName() == u"QPSQL";
    if (!q.exec(pg ? QStringLiteral("SELECT MAX(version) FROM xms_schema") : QStringLiteral("PRAGMA user_version"))
        || !q.next())
        return -1;
    return q.value(0).toInt();
}

bool setSchemaVersion(QSqlDatabase& raw, int version)
{
    QSqlQuery q(raw);
    if (raw.driverName() == u"QPSQL")
        return q.exec(QStringLiteral("UPDATE xms_schema SET version = %1").arg(version));
    return q.exec(QStringLiteral("PRAGMA user_version = %1").arg(version));
}

Result<StoreLocation> freshStoreLocation(const QString& dir, const QString& name)
{
    if (!onPostgres())
        return StoreLocation::sqlite(QDir(dir).filePath(name + u".sqlite"));
    return freshPostgresLocation(name);
}

Result<StoreLocation> freshPostgresLocation(const QString& name)
{
    auto lab = labLocation();
    if (!lab)
        return lab;
    if (storePassword(*lab).isEmpty())
        return std::unexpected(labMissing(QStringLiteral("XMS_LAB_PG_CREDENTIALS/xms-store-password")));
    StoreLocation where = *lab;
    where.database = databaseName(name);
    // Once per name and process: a second call (another "process" opening the same store) reuses it.
    static QStringList made;
    if (made.contains(where.database))
        return where;
    QSqlDatabase admin = rawConnection(*lab);
    if (!admin.isOpen())
        return fail(errc::kStoreOpen, QStringLiteral("cannot connect to the lab's PostgreSQL"), admin.lastError().text());
    QSqlQuery q(admin);
    q.exec(QStringLiteral("SET client_min_messages = warning")); // no NOTICE for a database not there yet
    if (!q.exec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(where.database))
        || !q.exec(QStringLiteral("CREATE DATABASE %1").arg(where.database)))
        return fail(errc::kStoreOpen, QStringLiteral("cannot make the test database %1").arg(where.database),
                    q.lastError().text());
    made << where.database;
    return where;
}

Result<Store> openFreshStore(const QString& dir, const QString& name)
{
    auto where = freshStoreLocation(dir, name);
    if (!where)
        return std::unexpected(where.error());
    return Store::open(*where, storePassword(*where));
}

} // namespace xms::test
