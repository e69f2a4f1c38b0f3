#include "credentialsbackend.h"

#include "common/errorcodes.h"
#include "common/text.h"

#include <QDir>
#include <QFile>
#include <optional>

namespace xms {

CredentialsDirectoryBackend::CredentialsDirectoryBackend(QString directory, std::unique_ptr<SecretBackend> next)
    : m_directory(std::move(directory))
    , m_next(std::move(next))
{
}

std::optional<QString> CredentialsDirectoryBackend::readCredential(const QString& directory, const QString& key)
{
    if (directory.isEmpty())
        return std::nullopt;
    QFile f(QDir(directory).filePath(SecretStore::credentialName(key)));
    if (!f.open(QIODevice::ReadOnly))
        return std::nullopt;
    QString secret = QString::fromUtf8(f.readAll());
    while (secret.endsWith(u'\n') || secret.endsWith(u'\r')) // files written with echo end in a newline
        secret.chop(1);
    return secret;
}

void CredentialsDirectoryBackend::read(const QString& key, QObject* context, ReadDone done)
{
    if (auto secret = readCredential(m_directory, key)) {
        done(*secret);
        return;
    }
    const QString credential = SecretStore::credentialName(key);
    m_next->read(key, context, [done = std::move(done), credential](Result<QString> r) {
        if (!r && r.error().is(errc::kSecretsNotFound))
            return done(std::unexpected(Error::make(
                errc::kSecretsNotFound,
                r.error().message
                    + Text::translate("CredentialsDirectoryBackend",
                                      " A worker started by systemd can be given it as the credential %1.")
                          .arg(Text::literal(credential))
                          .toString(),
                r.error().detail)));
        done(std::move(r));
    });
}

void CredentialsDirectoryBackend::write(const QString& key, const QString& secret, QObject* context, Done done)
{
    m_next->write(key, secret, context, std::move(done));
}

void CredentialsDirectoryBackend::remove(const QString& key, QObject* context, Done done)
{
    m_next->remove(key, context, std::move(done));
}

} // namespace xms
