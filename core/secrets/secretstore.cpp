#include "secretstore.h"

#include "credentialsbackend.h"
#include "keychainbackend.h"

#include <QDir>

namespace xms {

namespace {
// Separate XMS_HOME directories (test runs, a second profile) get separate keychain namespaces, so one
// never reads or deletes the other's secrets.
QString serviceName()
{
    const QString home = qEnvironmentVariable("XMS_HOME");
    if (home.isEmpty())
        return QStringLiteral("xms-desktop");
    return QStringLiteral("xms-desktop:") + QDir(home).absolutePath();
}

std::unique_ptr<SecretBackend>& instance()
{
    static std::unique_ptr<SecretBackend> backend = []() -> std::unique_ptr<SecretBackend> {
        auto keychain = std::make_unique<KeychainBackend>(serviceName());
        const QString credentials = qEnvironmentVariable("CREDENTIALS_DIRECTORY");
        if (credentials.isEmpty())
            return keychain;
        return std::make_unique<CredentialsDirectoryBackend>(credentials, std::move(keychain));
    }();
    return backend;
}
} // namespace

QString SecretStore::sourcePasswordKey(const QString& environment) { return u"source/" + environment + u"/password"; }
QString SecretStore::cloudPasswordKey(const QString& cloud) { return u"cloud/" + cloud + u"/password"; }
QString SecretStore::cloudAppCredSecretKey(const QString& cloud) { return u"cloud/" + cloud + u"/app-cred-secret"; }

QString SecretStore::cloudSecretKey(const CloudRecord& cloud)
{
    return cloud.auth == CloudRecord::Auth::ApplicationCredential ? cloudAppCredSecretKey(cloud.name)
                                                                   : cloudPasswordKey(cloud.name);
}

QString SecretStore::credentialName(const QString& key)
{
    QString name = QStringLiteral("xms-") + key;
    name.replace(u'/', u'-');
    for (QChar& c : name)
        if (!(c.isLetterOrNumber() && c.unicode() < 128) && c != u'-' && c != u'_' && c != u'.')
            c = u'_';
    return name;
}

SecretBackend& SecretStore::backend() { return *instance(); }
void SecretStore::setBackendForTesting(std::unique_ptr<SecretBackend> backend) { instance() = std::move(backend); }

} // namespace xms
