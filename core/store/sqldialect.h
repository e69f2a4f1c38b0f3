#pragma once

#include "common/error.h"
#include "storelocation.h"

#include <QSqlDatabase>
#include <QString>

namespace xms {

// What differs between the SQL databases the store runs on — SQLite (one file, one writer at a time) and
// PostgreSQL (a server many hosts share). Everything else in the store is one SQL text for both.
class SqlDialect
{
public:
    explicit SqlDialect(StoreLocation::Kind kind)
        : m_kind(kind)
    {
    }
    bool postgres() const { return m_kind == StoreLocation::Kind::Postgres; }

    // Opens a connection named `name` to `where` and applies its per-connection settings.
    QSqlDatabase connect(const QString& name, const StoreLocation& where, const QString& password) const;
    // Checked after open: SQLite's WAL, synchronous=FULL and foreign keys; PostgreSQL's synchronous_commit.
    Status configure(QSqlDatabase& db) const;

    // Starts a write transaction that holds the write lock from its first statement (SQLite: BEGIN
    // IMMEDIATE); PostgreSQL's rows lock as they are written, so a plain BEGIN.
    QString beginWrite() const;
    // Inside a write transaction: serialises everyone taking the same `key` until commit (PostgreSQL's
    // transaction-scoped advisory lock; SQLite's write lock already does). Empty when nothing is needed.
    QString lockStatement(const QString& key) const;
    // Appended to a SELECT that picks a row to claim: other claimers skip it instead of waiting.
    QString skipLocked() const;

    // A schema step written for SQLite in the types PostgreSQL needs (64-bit integers, doubles, serials).
    QString ddl(const QString& sqliteDdl) const;
    // The schema version, and the statements that read and set it (SQLite: PRAGMA user_version).
    QStringList prepareVersion() const;
    QString readVersion() const;
    QStringList writeVersion(int version) const;

private:
    StoreLocation::Kind m_kind;
};

} // namespace xms
