#include "soapclient.h"

#include "common/errorcodes.h"
#include "common/logging.h"
#include "common/oneshotbody.h"
#include "common/text.h"

#include <QElapsedTimer>
#include <QNetworkCookie>
#include <QNetworkCookieJar>
#include <QNetworkReply>

namespace xms::vsphere {

namespace {
constexpr qint64 kMaxResponseBytes = 1LL << 30; // a 10 000-VM inventory is well below this

// Calls that only read (or, like a lease's progress, set the same value again): safe to send twice.
bool isReadOnly(const QString& method)
{
    static const QStringList reads {
        QStringLiteral("RetrieveServiceContent"),       QStringLiteral("RetrievePropertiesEx"),
        QStringLiteral("ContinueRetrievePropertiesEx"), QStringLiteral("RetrieveProperties"),
        QStringLiteral("FindByInventoryPath"),          QStringLiteral("CurrentTime"),
        QStringLiteral("HttpNfcLeaseProgress")};
    return reads.contains(method);
}

Error httpError(int status, const QString& reason, const QString& endpoint, const QString& method)
{
    const QString detail = QStringLiteral("%1: HTTP %2 %3").arg(method).arg(status).arg(reason);
    if (status == 404)
        return Error::make(errc::kVsphereNoSdk,
                           QObject::tr("%1 has no vSphere API at /sdk. Check the host and port.").arg(endpoint),
                           detail);
    if (status == 503 || status == 502)
        return Error::make(errc::kVsphereUnavailable,
                           QObject::tr("The vSphere API on %1 is not available right now (it may be starting). "
                                       "Try again in a few minutes.")
                               .arg(endpoint),
                           detail);
    return Error::make(errc::kVsphereHttp,
                       QObject::tr("%1 answered with HTTP %2 instead of a vSphere response. Check the host and port.")
                           .arg(endpoint)
                           .arg(status),
                       detail);
}
} // namespace

SoapClient::SoapClient(QString host, int port, TlsPolicy tls, QObject* parent)
    : QObject(parent)
    , m_host(std::move(host))
    , m_port(port)
    , m_tls(std::move(tls), m_host + u':' + QString::number(port))
{
    m_url.setScheme(QStringLiteral("https"));
    m_url.setHost(m_host);
    m_url.setPort(m_port);
    m_url.setPath(QStringLiteral("/sdk"));
}

QString SoapClient::authority() const
{
    const QString host = m_host.contains(u':') ? u'[' + m_host + u']' : m_host; // IPv6 literal
    return m_port == 443 ? host : host + u':' + QString::number(m_port);
}

QByteArray SoapClient::sessionCookie() const
{
    for (const QNetworkCookie& c : m_nam.cookieJar()->cookiesForUrl(m_url)) {
        if (c.name() == "vmware_soap_session")
            return c.name() + '=' + c.value();
    }
    return {};
}

void SoapClient::abortAll()
{
    for (QNetworkReply* reply : m_nam.findChildren<QNetworkReply*>())
        reply->abort();
}

void SoapClient::clearCookies()
{
    m_nam.setCookieJar(new QNetworkCookieJar(&m_nam));
}

void SoapClient::call(const QString& method, const BodyWriter& args, Done done)
{
    QNetworkRequest req(m_url);
    if (Status s = m_tls.prepare(req); !s) {
        QMetaObject::invokeMethod(
            this, [done, e = s.error()] { done(std::unexpected(e)); }, Qt::QueuedConnection);
        return;
    }
    req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("text/xml; charset=utf-8"));
    req.setRawHeader("SOAPAction", "urn:vim25/" + m_apiVersion.toLatin1());
    req.setTransferTimeout(m_timeoutMs);
    // HTTP/1.1 keeps every TLS handshake visible to the guard; a redirect is never followed with a body
    // that may hold the password.
    req.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);

    // Calls that change something are sent at most once (oneshotbody.h): a lost answer is reported, never
    // replayed. Reads may be resent by Qt after a dropped keep-alive connection.
    QNetworkReply* reply = nullptr;
    if (isReadOnly(method)) {
        reply = m_nam.post(req, buildEnvelope(method, args));
    } else {
        const QByteArray body = buildEnvelope(method, args);
        req.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
        req.setHeader(QNetworkRequest::ContentLengthHeader, body.size());
        auto* device = new OneShotBody(body);
        reply = m_nam.post(req, device);
        device->setParent(reply);
    }
    m_tls.watch(reply);
    connect(reply, &QNetworkReply::downloadProgress, reply, [reply](qint64 received, qint64) {
        if (received > kMaxResponseBytes)
            reply->abort();
    });
    auto timer = std::make_shared<QElapsedTimer>();
    timer->start();
    connect(reply, &QNetworkReply::finished, this, [this, reply, method, done = std::move(done), timer] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        qCDebug(lcVsphere) << method << "HTTP" << status << reply->error() << timer->elapsed() << "ms";
        if (std::optional<Error> refused = m_tls.takeRefusal(reply))
            return done(std::unexpected(*refused));
        if (status == 0)
            return done(std::unexpected(transportError(reply, method)));
        const QByteArray body = reply->readAll();
        Result<SoapReply> parsed = parseEnvelope(body);
        if (parsed && parsed->fault)
            return done(std::unexpected(faultError(*parsed->fault, method)));
        if (parsed && status == 200)
            return done(std::move(parsed->response));
        if (status == 200)
            return done(std::unexpected(parsed.error()));
        return done(std::unexpected(httpError(
            status, reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString(), authority(), method)));
    });
}

Error SoapClient::transportError(QNetworkReply* reply, const QString& method)
{
    const QString endpoint = m_host + u':' + QString::number(m_port);
    const QString detail = method + u": " + reply->errorString();
    switch (reply->error()) {
    case QNetworkReply::HostNotFoundError:
        return Error::make(
            errc::kNetHostNotFound,
            QObject::tr("The host name %1 could not be resolved. Check the spelling and DNS.").arg(m_host), detail);
    case QNetworkReply::ConnectionRefusedError:
        return Error::make(errc::kNetConnectionRefused,
                           QObject::tr("%1 refused the connection. Check the host and port, and that vCenter is "
                                       "running.")
                               .arg(endpoint),
                           detail);
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError: // the transfer timeout aborts the reply
        return Error::make(errc::kNetTimeout,
                           QObject::tr("%1 did not answer in time. Check the network path to it.").arg(endpoint),
                           detail);
    case QNetworkReply::ContentReSendError: // the connection broke after a call that changes something
        return Error::make(errc::kNetConnectionClosed,
                           Text::translate("xms::vsphere",
                                           "The connection to %1 broke before it answered %2. vSphere may have "
                                           "carried it out; XMS did not send it a second time.")
                               .toString()
                               .arg(endpoint, method),
                           detail);
    case QNetworkReply::RemoteHostClosedError:
        return Error::make(
            errc::kNetConnectionClosed,
            QObject::tr("%1 closed the connection unexpectedly. Check that the port serves HTTPS.").arg(endpoint),
            detail);
    case QNetworkReply::SslHandshakeFailedError:
        return Error::make(
            errc::kTlsHandshake,
            QObject::tr("The TLS handshake with %1 failed. Check that the port serves HTTPS.").arg(endpoint), detail);
    default:
        return Error::make(errc::kNetError,
                           QObject::tr("Could not talk to %1. Check the network path to it.").arg(endpoint), detail);
    }
}

} // namespace xms::vsphere
