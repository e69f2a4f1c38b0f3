#include "keychainbackend.h"

#include "common/errorcodes.h"
#include "common/logging.h"

#include <QPointer>
#include <qt6keychain/keychain.h>

namespace xms {

namespace {

Error keychainError(QKeychain::Error code, const QString& text, const QString& key)
{
    using namespace QKeychain;
    switch (code) {
    case EntryNotFound:
        return Error::make(errc::kSecretsNotFound,
                           QObject::tr("No secret is stored for %1 in the keychain. Set it again (for example "
                                       "with 'set-password').")
                               .arg(key),
                           text);
    case AccessDeniedByUser:
    case AccessDenied:
        return Error::make(errc::kSecretsDenied,
                           QObject::tr("The keychain refused access. Unlock your keyring and try again."), text);
    case NoBackendAvailable:
    case NotImplemented:
    case OtherError:
    default:
        // QtKeychain reports a missing Secret Service as OtherError with D-Bus text.
        return Error::make(
            errc::kSecretsUnavailable,
            QObject::tr("No keychain is available, so passwords cannot be stored or read. Start a Secret Service "
                        "provider such as GNOME Keyring (gnome-keyring-daemon --unlock --components=secrets) or "
                        "KWallet in your desktop session, then try again."),
            text);
    case NoError:
        return {};
    }
}

template<typename JobT, typename Callback> void runJob(JobT* job, QObject* context, Callback onFinished)
{
    job->setAutoDelete(true);
    QObject::connect(job, &QKeychain::Job::finished, context, [job, onFinished](QKeychain::Job*) { onFinished(job); });
    job->start();
}

} // namespace

KeychainBackend::KeychainBackend(QString service)
    : m_service(std::move(service))
{
}

void KeychainBackend::read(const QString& key, QObject* context, ReadDone done)
{
    auto* job = new QKeychain::ReadPasswordJob(m_service);
    job->setKey(key);
    runJob(job, context, [key, done](QKeychain::ReadPasswordJob* j) {
        if (j->error() != QKeychain::NoError) {
            if (j->error() != QKeychain::EntryNotFound)
                qCWarning(lcSecrets) << "keychain read failed for" << key << j->errorString();
            done(std::unexpected(keychainError(j->error(), j->errorString(), key)));
            return;
        }
        done(j->textData());
    });
}

void KeychainBackend::write(const QString& key, const QString& secret, QObject* context, Done done)
{
    auto* job = new QKeychain::WritePasswordJob(m_service);
    job->setKey(key);
    job->setTextData(secret);
    runJob(job, context, [key, done](QKeychain::WritePasswordJob* j) {
        if (j->error() != QKeychain::NoError) {
            qCWarning(lcSecrets) << "keychain write failed for" << key << j->errorString();
            done(std::unexpected(keychainError(j->error(), j->errorString(), key)));
            return;
        }
        done({});
    });
}

void KeychainBackend::remove(const QString& key, QObject* context, Done done)
{
    auto* job = new QKeychain::DeletePasswordJob(m_service);
    job->setKey(key);
    runJob(job, context, [key, done](QKeychain::DeletePasswordJob* j) {
        if (j->error() != QKeychain::NoError && j->error() != QKeychain::EntryNotFound) {
            done(std::unexpected(keychainError(j->error(), j->errorString(), key)));
            return;
        }
        done({});
    });
}

} // namespace xms
