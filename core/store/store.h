#pragma once

#include "common/error.h"
#include "model/records.h"
#include "storebackend.h"
#include "storelocation.h"

#include <QList>
#include <QString>
#include <memory>

namespace xms {

// A handle on the place XMS state is kept (sources, clouds, profiles, settings; jobs through JobStore),
// copied freely: copies share one backend. Secrets never enter it. Which backend it is (SQLite today)
// is decided only by open(); services::openStore() picks it from XMS_STORE or the saved choice.
class Store
{
public:
    // Opens (creating and migrating when needed) the SQLite database at path.
    static Result<Store> open(const QString& path);
    // Opens the store at `where` (SQLite file or PostgreSQL server; password only for the latter).
    static Result<Store> open(const StoreLocation& where, const QString& password = {});
    static Result<Store> openDefault(); // the SQLite file paths::databaseFile()
    explicit Store(std::shared_ptr<StoreBackend> backend);

    QString path() const { return m_backend->location(); }
    StoreBackend& backend() const { return *m_backend; }
    Status inTransaction(const std::function<Status()>& work) const { return m_backend->inTransaction(work); }

    Result<QList<EnvironmentRecord>> environments() const { return m_backend->environments(); }
    Result<EnvironmentRecord> environment(const QString& name) const { return m_backend->environment(name); }
    Status saveEnvironment(const EnvironmentRecord& env) { return m_backend->saveEnvironment(env); }
    Status removeEnvironment(const QString& name) { return m_backend->removeEnvironment(name); }

    Result<QList<CloudRecord>> clouds() const { return m_backend->clouds(); }
    Result<CloudRecord> cloud(const QString& name) const { return m_backend->cloud(name); }
    Status saveCloud(const CloudRecord& cloud) { return m_backend->saveCloud(cloud); }
    Status removeCloud(const QString& name) { return m_backend->removeCloud(name); }

    Result<QList<ProfileRecord>> profiles() const { return m_backend->profiles(); }
    Result<ProfileRecord> profile(const QString& name) const { return m_backend->profile(name); }
    Status saveProfile(const ProfileRecord& profile) { return m_backend->saveProfile(profile); }
    Status removeProfile(const QString& name) { return m_backend->removeProfile(name); }

    QString setting(const QString& key, const QString& fallback = {}) const
    {
        return m_backend->setting(key, fallback);
    }
    Status setSetting(const QString& key, const QString& value) { return m_backend->setSetting(key, value); }

private:
    std::shared_ptr<StoreBackend> m_backend;
};

} // namespace xms
