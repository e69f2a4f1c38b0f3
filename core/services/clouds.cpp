#include "clouds.h"

#include "secrets/secretstore.h"
#include "xloud/session.h"

namespace xms::clouds {

void login(const CloudRecord& cloud, const QString& secret, QObject* context,
           std::function<void(Result<xloud::CloudCheck>)> done)
{
    auto* session = new xloud::Session(cloud, secret, context);
    auto finished = [session, done](Result<xloud::CloudCheck> r) {
        session->deleteLater();
        done(std::move(r));
    };
    if (cloud.project.isEmpty() && cloud.auth == CloudRecord::Auth::Password) {
        session->projects([finished](Result<QList<xloud::Project>> projects) {
            if (!projects)
                return finished(std::unexpected(projects.error()));
            xloud::CloudCheck check;
            check.projects = *projects;
            finished(check);
        });
    } else {
        xloud::checkCloud(session, cloud.project, finished);
    }
}

void save(Store store, CloudRecord cloud, std::optional<QString> secret, QObject* context,
          std::function<void(Status)> done)
{
    secretrecord::save(
        SecretStore::cloudSecretKey(cloud), secret, context,
        [store, cloud]() mutable { return store.saveCloud(cloud); },
        [name = cloud.name, done](Status s) {
            xloud::Session::clearTokenCache(name); // a token of the old settings must not outlive them
            done(s);
        });
}

void setSecret(const Store& store, const QString& name, const QString& secret, QObject* context,
               std::function<void(Status)> done)
{
    auto cloud = store.cloud(name);
    if (!cloud)
        return secretrecord::later(context, [done, error = cloud.error()] { done(std::unexpected(error)); });
    SecretStore::backend().write(SecretStore::cloudSecretKey(*cloud), secret, context, [name, done](Status s) {
        if (s)
            xloud::Session::clearTokenCache(name);
        done(s);
    });
}

void remove(Store store, const QString& name, QObject* context, std::function<void(Result<secretrecord::Removed>)> done)
{
    if (auto s = store.removeCloud(name); !s)
        return secretrecord::later(context, [done, error = s.error()] { done(std::unexpected(error)); });
    xloud::Session::clearTokenCache(name);
    secretrecord::removeAll({SecretStore::cloudPasswordKey(name), SecretStore::cloudAppCredSecretKey(name)}, context,
                            [done](Status secret) { done(secretrecord::Removed {secret}); });
}

} // namespace xms::clouds
