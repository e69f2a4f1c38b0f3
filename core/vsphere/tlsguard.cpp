#include "tlsguard.h"

#include "common/errorcodes.h"
#include "common/logging.h"

#include <QFile>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslConfiguration>
#include <QStringList>

namespace xms::vsphere {

TlsGuard::TlsGuard(TlsPolicy policy, QString endpoint)
    : m_policy(std::move(policy))
    , m_endpoint(std::move(endpoint))
{
}

Status TlsGuard::prepare(QNetworkRequest& request) const
{
    QSslConfiguration conf = QSslConfiguration::defaultConfiguration();
    if (m_policy.mode == TlsPolicy::Mode::CaFile) {
        const QList<QSslCertificate> cas = QSslCertificate::fromPath(m_policy.caFile, QSsl::Pem);
        if (cas.isEmpty())
            return fail(errc::kTlsCaFile,
                        QObject::tr("The CA file %1 cannot be read or holds no PEM certificate. Fix the path or "
                                    "choose another way to trust the server.")
                            .arg(m_policy.caFile));
        conf.setCaCertificates(cas);
    }
    request.setSslConfiguration(conf);
    return {};
}

void TlsGuard::watch(QNetworkReply* reply)
{
    QObject::connect(reply, &QNetworkReply::sslErrors, reply, [this, reply](const QList<QSslError>& errors) {
        QSslCertificate cert = reply->sslConfiguration().peerCertificate();
        if (cert.isNull() && !errors.isEmpty())
            cert = errors.first().certificate();
        m_peer = PeerCertificate::from(cert);
        switch (m_policy.mode) {
        case TlsPolicy::Mode::Insecure:
            reply->ignoreSslErrors();
            return;
        case TlsPolicy::Mode::Pinned:
            // The pin replaces chain and host name checks: exactly this certificate is trusted.
            if (!cert.isNull() && m_policy.matches(cert.toDer()))
                reply->ignoreSslErrors();
            else
                m_refusals.insert(reply, pinMismatch());
            return;
        case TlsPolicy::Mode::SystemCa:
        case TlsPolicy::Mode::CaFile: {
            QStringList reasons;
            for (const QSslError& e : errors)
                reasons << e.errorString();
            m_refusals.insert(reply, untrusted(reasons.join(QStringLiteral("; "))));
            return;
        }
        }
    });
    QObject::connect(reply, &QNetworkReply::encrypted, reply, [this, reply] {
        const QSslCertificate cert = reply->sslConfiguration().peerCertificate();
        m_peer = PeerCertificate::from(cert);
        // A chain the system trusts is not enough when a pin is set: the pin names the one certificate.
        if (m_policy.mode == TlsPolicy::Mode::Pinned && !m_policy.matches(cert.toDer())) {
            m_refusals.insert(reply, pinMismatch());
            reply->abort();
        }
    });
    QObject::connect(reply, &QObject::destroyed, reply, [this, reply] { m_refusals.remove(reply); });
}

std::optional<Error> TlsGuard::takeRefusal(const QNetworkReply* reply)
{
    auto it = m_refusals.find(reply);
    if (it == m_refusals.end())
        return std::nullopt;
    Error e = it.value();
    m_refusals.erase(it);
    return e;
}

Error TlsGuard::untrusted(const QString& reasons) const
{
    return Error::make(errc::kTlsUntrusted,
                       QObject::tr("The TLS certificate of %1 is not trusted. If these fingerprints are the "
                                   "server's (ask its administrator), pin the certificate:\n%2")
                           .arg(m_endpoint, m_peer.fingerprints()),
                       reasons);
}

Error TlsGuard::pinMismatch() const
{
    return Error::make(
        errc::kTlsPinMismatch,
        QObject::tr("The TLS certificate of %1 does not match the pinned fingerprint: the server's "
                    "certificate changed, or something intercepts the connection. Only if the change "
                    "is expected, pin the new certificate:\n%2")
            .arg(m_endpoint, m_peer.fingerprints()),
        QStringLiteral("pinned SHA-1 %1 SHA-256 %2")
            .arg(m_policy.pinSha1.isEmpty() ? QStringLiteral("-") : fingerprint::pretty(m_policy.pinSha1),
                 m_policy.pinSha256.isEmpty() ? QStringLiteral("-") : fingerprint::pretty(m_policy.pinSha256)));
}

} // namespace xms::vsphere
