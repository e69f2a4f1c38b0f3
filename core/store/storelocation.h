#pragma once

#include "common/error.h"

#include <QString>

namespace xms {

// Where the store is: the SQLite file under XMS_HOME (one workstation), or a PostgreSQL server shared by
// workers on several hosts. Written as a URL: postgresql://user@host:port/database[?sslmode=…]. The URL
// never carries the password (it would end up in settings files, shell history and argv); the password
// comes from the keychain or a systemd credential (services/storeaccess.h).
struct StoreLocation
{
    enum class Kind { Sqlite, Postgres };
    Kind kind = Kind::Sqlite;
    QString path; // Sqlite: the database file
    QString host; // Postgres: host name, address, or a directory holding its Unix socket
    int port = 5432;
    QString user;
    QString database;
    QString sslMode; // libpq's sslmode; empty = libpq's default (prefer)

    // postgresql://… or postgres://… ; anything else is an error that says what a URL looks like.
    static Result<StoreLocation> fromUrl(const QString& url);
    static StoreLocation sqlite(const QString& path);

    bool isPostgres() const { return kind == Kind::Postgres; }
    // The URL form (no password), or the file path: for messages, logs and the keychain key.
    QString display() const;
};

} // namespace xms
