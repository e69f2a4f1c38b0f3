#include "storeaccess.h"

#include "common/errorcodes.h"
#include "common/paths.h"
#include "secrets/credentialsbackend.h"
#include "secrets/secretstore.h"

#include <QEventLoop>
#include <QSettings>

namespace xms::storeaccess {

namespace {

// The key whose systemd credential name is xms-store-password (SecretStore::credentialName).
const QString kCredentialKey = QStringLiteral("store-password");

QSettings config()
{
    return QSettings(paths::home() + u"/xms.conf", QSettings::IniFormat);
}

// The keychain is asynchronous; opening the store happens once, before anything else runs.
template<typename T, typename Call> T waitFor(Call call)
{
    QEventLoop loop;
    QObject context;
    std::optional<T> out;
    call(&context, [&](T r) {
        out = std::move(r);
        loop.quit();
    });
    if (!out)
        loop.exec();
    return std::move(*out);
}

} // namespace

Result<StoreLocation> chosen()
{
    if (qEnvironmentVariableIsSet("XMS_STORE")) {
        const QString url = qEnvironmentVariable("XMS_STORE");
        return url.isEmpty() ? StoreLocation::sqlite(paths::databaseFile()) : StoreLocation::fromUrl(url);
    }
    const QString saved = config().value(QStringLiteral("store/url")).toString();
    if (saved.isEmpty())
        return StoreLocation::sqlite(paths::databaseFile());
    return StoreLocation::fromUrl(saved);
}

Status choose(const QString& url)
{
    if (!url.isEmpty())
        if (auto where = StoreLocation::fromUrl(url); !where)
            return std::unexpected(where.error());
    QSettings c = config();
    if (url.isEmpty())
        c.remove(QStringLiteral("store/url"));
    else
        c.setValue(QStringLiteral("store/url"), url.trimmed());
    c.sync();
    if (c.status() != QSettings::NoError)
        return fail(errc::kStoreOpen,
                    QObject::tr("Could not save the job store choice in %1. Check that the directory is writable.")
                        .arg(c.fileName()));
    return {};
}

QString passwordKey(const StoreLocation& where)
{
    return u"store/" + where.display();
}

Result<QString> password(const StoreLocation& where)
{
    if (!where.isPostgres())
        return QString();
    const QString credentials = qEnvironmentVariable("CREDENTIALS_DIRECTORY");
    if (auto secret = CredentialsDirectoryBackend::readCredential(credentials, kCredentialKey))
        return *secret;
    auto secret = waitFor<Result<QString>>([&](QObject* context, auto done) {
        SecretStore::backend().read(passwordKey(where), context, done);
    });
    // None stored, or no keychain on this host (a headless worker): the server may not need one (peer or
    // trust authentication, ~/.pgpass); if it does, opening says so and how to give it.
    if (!secret && (secret.error().is(errc::kSecretsNotFound) || secret.error().is(errc::kSecretsUnavailable)))
        return QString();
    return secret;
}

Status savePassword(const StoreLocation& where, const QString& secret)
{
    return waitFor<Status>([&](QObject* context, auto done) {
        SecretStore::backend().write(passwordKey(where), secret, context, done);
    });
}

Result<Store> open()
{
    auto where = chosen();
    if (!where)
        return std::unexpected(where.error());
    auto secret = password(*where);
    if (!secret)
        return std::unexpected(secret.error());
    return Store::open(*where, *secret);
}

} // namespace xms::storeaccess
