#pragma once

#include "common/error.h"
#include "model/records.h"

#include <QObject>
#include <QString>
#include <functional>
#include <memory>

namespace xms {

// Where secrets physically go. Production: the OS keychain (QtKeychain → Secret Service / KWallet).
// Unit tests may install an in-memory backend; nothing else ever stores a secret.
class SecretBackend
{
public:
    virtual ~SecretBackend() = default;
    using ReadDone = std::function<void(Result<QString>)>; // error "secrets.not_found" when absent
    using Done = std::function<void(Status)>;
    virtual void read(const QString& key, QObject* context, ReadDone done) = 0;
    virtual void write(const QString& key, const QString& secret, QObject* context, Done done) = 0;
    virtual void remove(const QString& key, QObject* context, Done done) = 0; // absent is fine
};

// Secrets of environments and clouds, namespaced per owner: "source/<name>/password",
// "cloud/<name>/password", "cloud/<name>/app-cred-secret". Asynchronous; callbacks run on the
// context object's thread via its event loop.
class SecretStore
{
public:
    static QString sourcePasswordKey(const QString& environment);
    static QString cloudPasswordKey(const QString& cloud);
    static QString cloudAppCredSecretKey(const QString& cloud);
    // The key holding this cloud's secret: the application-credential secret or the password.
    static QString cloudSecretKey(const CloudRecord& cloud);
    // The systemd credential a headless worker reads key from: "source/vc1/password" → xms-source-vc1-password.
    static QString credentialName(const QString& key);

    // The process-wide backend; the keychain unless a test replaced it.
    static SecretBackend& backend();
    static void setBackendForTesting(std::unique_ptr<SecretBackend> backend);
};

} // namespace xms
