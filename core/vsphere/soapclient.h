#pragma once

#include "common/error.h"
#include "common/tlspolicy.h"
#include "soapenvelope.h"
#include "tlsguard.h"

#include <QNetworkAccessManager>
#include <QObject>
#include <QUrl>
#include <functional>

namespace xms::vsphere {

// Sends vim25 SOAP calls to https://host:port/sdk over Qt Network, one QNetworkAccessManager per client
// (its cookie jar holds the session cookie). Faults come back as typed errors (faultError), transport and
// TLS failures as "net.*" / "tls.*" errors. Asynchronous; callbacks run on this object's thread.
class SoapClient : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(Result<XmlElement>)>; // the <XxxResponse> element

    SoapClient(QString host, int port, TlsPolicy tls, QObject* parent = nullptr);

    void call(const QString& method, const BodyWriter& args, Done done);

    // vim25 version sent in SOAPAction ("urn:vim25/<version>"); set from ServiceContent.about.apiVersion.
    void setApiVersion(const QString& version) { m_apiVersion = version; }
    void setTimeout(int ms) { m_timeoutMs = ms; } // per call; a stalled call fails with "net.timeout"

    // Ends every call in flight now (each fails): a cancel must not wait for a stalled vCenter.
    void abortAll();

    QString host() const { return m_host; }
    int port() const { return m_port; }
    // What replaces "*" in lease URLs: the host (and port, when not 443) this client talks to.
    QString authority() const;
    QUrl url() const { return m_url; }
    const TlsPolicy& tlsPolicy() const { return m_tls.policy(); }
    const PeerCertificate& peerCertificate() const { return m_tls.peerCertificate(); }
    // "vmware_soap_session=…" for other HTTP clients of this session (libcurl); empty before login.
    QByteArray sessionCookie() const;
    void clearCookies();

private:
    Error transportError(QNetworkReply* reply, const QString& method);

    QString m_host;
    int m_port;
    QUrl m_url;
    QString m_apiVersion = QStringLiteral("6.7");
    int m_timeoutMs = 120'000;
    TlsGuard m_tls; // declared before m_nam: replies (owned by m_nam) go first
    QNetworkAccessManager m_nam;
};

} // namespace xms::vsphere
