#pragma once

#include "secretstore.h"

#include <memory>
#include <optional>

namespace xms {

// Secrets for a headless worker: systemd hands a service its credentials as files in
// $CREDENTIALS_DIRECTORY (LoadCredential=, SetCredentialEncrypted=). A secret found there wins; anything
// else — and every write — goes to the keychain behind it. Each key maps to one file name
// (SecretStore::credentialName), so "source/vc1/password" is the credential xms-source-vc1-password.
class CredentialsDirectoryBackend : public SecretBackend
{
public:
    CredentialsDirectoryBackend(QString directory, std::unique_ptr<SecretBackend> next);
    void read(const QString& key, QObject* context, ReadDone done) override;
    void write(const QString& key, const QString& secret, QObject* context, Done done) override;
    void remove(const QString& key, QObject* context, Done done) override;

    // The secret in the credentials directory for key; nullopt when there is no such file.
    static std::optional<QString> readCredential(const QString& directory, const QString& key);

private:
    QString m_directory;
    std::unique_ptr<SecretBackend> m_next;
};

} // namespace xms
