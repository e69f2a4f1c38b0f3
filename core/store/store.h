#pragma once

#include "common/error.h"
#include "model/records.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace xms {

// The single place XMS state is kept: SQLite (WAL) under XMS_HOME, shared by the GUI, several CLI
// processes and worker threads. Each thread gets its own connection. Secrets never enter it.
// Kept behind this one class so a PostgreSQL-backed store stays a small change.
class Store
{
public:
    // Opens (creating and migrating when needed) the database at path.
    static Result<Store> open(const QString& path);
    static Result<Store> openDefault(); // paths::databaseFile()

    QString path() const { return m_path; }
    // This thread's connection (opened on first use, WAL, busy timeout, foreign keys).
    QSqlDatabase db() const;

    Result<QList<EnvironmentRecord>> environments() const;
    Result<EnvironmentRecord> environment(const QString& name) const; // "source.not_found"
    Status saveEnvironment(const EnvironmentRecord& env); // insert or update by name
    Status removeEnvironment(const QString& name);

    Result<QList<CloudRecord>> clouds() const;
    Result<CloudRecord> cloud(const QString& name) const; // "cloud.not_found"
    Status saveCloud(const CloudRecord& cloud);
    Status removeCloud(const QString& name);

    Result<QList<ProfileRecord>> profiles() const;
    Result<ProfileRecord> profile(const QString& name) const; // "profile.not_found"
    Status saveProfile(const ProfileRecord& profile);
    Status removeProfile(const QString& name);

    QString setting(const QString& key, const QString& fallback = {}) const;
    Status setSetting(const QString& key, const QString& value);

private:
    explicit Store(QString path);
    QString m_path;
};

// Turns a failed query into an Error (shared by the store's parts).
Error sqlError(const class QSqlQuery& query, const QString& what);

} // namespace xms
