#include "sources.h"

#include "secretrecord.h"
#include "secrets/secretstore.h"
#include "vsphere/inventorycache.h"

#include <QRegularExpression>

namespace xms::sources {

bool isValidName(const QString& name)
{
    static const QRegularExpression validName(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"));
    return validName.match(name).hasMatch();
}

void save(Store store, EnvironmentRecord env, QString password, bool storePassword, QObject* context,
          std::function<void(Result<vsphere::ConnectionReport>)> done)
{
    vsphere::ConnectionTest::run(vsphere::Session::optionsFor(env, password), env.datacenter, context,
                                 [=](Result<vsphere::ConnectionReport> checked) mutable {
                                     if (!checked)
                                         return done(checked);
                                     const auto secret
                                         = storePassword ? std::optional<QString>(password) : std::nullopt;
                                     secretrecord::save(
                                         SecretStore::sourcePasswordKey(env.name), secret, context,
                                         [store, env]() mutable { return store.saveEnvironment(env); },
                                         [done, report = *checked](Status s) {
                                             if (!s)
                                                 return done(std::unexpected(s.error()));
                                             done(report);
                                         });
                                 });
}

void setPassword(const Store& store, const QString& name, const QString& password, QObject* context,
                 std::function<void(Status)> done)
{
    if (auto e = store.environment(name); !e)
        return secretrecord::later(context, [done, error = e.error()] { done(std::unexpected(error)); });
    SecretStore::backend().write(SecretStore::sourcePasswordKey(name), password, context, std::move(done));
}

void remove(Store store, const QString& name, QObject* context, std::function<void(Result<secretrecord::Removed>)> done)
{
    if (auto s = store.removeEnvironment(name); !s)
        return secretrecord::later(context, [done, error = s.error()] { done(std::unexpected(error)); });
    vsphere::InventoryCache::remove(name);
    secretrecord::removeAll({SecretStore::sourcePasswordKey(name)}, context,
                            [done](Status secret) { done(secretrecord::Removed {secret}); });
}

} // namespace xms::sources
