#include "httptls.h"

#include "common/logging.h"

#include <QHash>
#include <QMutex>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslCertificate>
#include <QSslConfiguration>

namespace xms::xloud {

namespace {
QList<QSslCertificate> caBundle(const QString& path)
{
    // Read once per process: every REST call would otherwise parse the bundle again.
    static QMutex mutex;
    static QHash<QString, QList<QSslCertificate>> cache;
    QMutexLocker lock(&mutex);
    auto it = cache.find(path);
    if (it == cache.end()) {
        QList<QSslCertificate> certs = QSslCertificate::fromPath(path, QSsl::Pem);
        if (certs.isEmpty())
            qCWarning(lcXloud) << "no PEM certificate could be read from CA file" << path;
        it = cache.insert(path, certs);
    }
    return *it;
}

void refuse(QNetworkReply* reply, const QString& why)
{
    reply->setProperty(TlsRefusedProperty, why);
    reply->abort();
}
} // namespace

void applyTls(QNetworkRequest& request, const TlsPolicy& policy)
{
    if (request.url().scheme() != u"https")
        return;
    QSslConfiguration config = request.sslConfiguration();
    switch (policy.mode) {
    case TlsPolicy::Mode::SystemCa:
        break;
    case TlsPolicy::Mode::CaFile:
        config.setCaCertificates(caBundle(policy.caFile));
        break;
    case TlsPolicy::Mode::Pinned: // the pin is checked in guardTls; chain errors are judged there
    case TlsPolicy::Mode::Insecure:
        config.setPeerVerifyMode(QSslSocket::VerifyNone);
        break;
    }
    request.setSslConfiguration(config);
}

void guardTls(QNetworkReply* reply, const TlsPolicy& policy)
{
    if (policy.mode != TlsPolicy::Mode::Pinned)
        return;
    // With VerifyNone no sslErrors are raised; the pin is checked when the handshake is done, which Qt
    // signals before any request byte (and so any token) is sent.
    QObject::connect(reply, &QNetworkReply::encrypted, reply, [reply, policy] {
        const QSslCertificate peer = reply->sslConfiguration().peerCertificate();
        if (!policy.matches(peer.toDer()))
            refuse(reply,
                   QStringLiteral("the server's certificate (SHA-256 %1) is not the pinned one")
                       .arg(fingerprint::pretty(fingerprint::sha256(peer.toDer()))));
    });
}

} // namespace xms::xloud
