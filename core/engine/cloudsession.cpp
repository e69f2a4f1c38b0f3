#include "cloudsession.h"

#include "secrets/secretstore.h"

namespace xms {

void openCloudSession(const CloudRecord& cloud, QObject* parent, xloud::Callback<xloud::Session*> done)
{
    SecretStore::backend().read(SecretStore::cloudSecretKey(cloud), parent,
                                [cloud, parent, done](Result<QString> secret) {
                                    if (!secret)
                                        return done(std::unexpected(secret.error()));
                                    done(new xloud::Session(cloud, *secret, parent));
                                });
}

} // namespace xms
