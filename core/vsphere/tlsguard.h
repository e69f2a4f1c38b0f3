#pragma once

#include "common/error.h"
#include "common/tlspolicy.h"
#include "peercertificate.h"

#include <QHash>
#include <optional>

class QNetworkReply;
class QNetworkRequest;

namespace xms::vsphere {

// Applies a TlsPolicy to Qt Network requests to one endpoint: CA file or system CAs, or exactly the
// pinned certificate (checked on every handshake, also when the system CAs would accept it), or anything
// (insecure). Remembers the certificate the server presented so an untrusted one can be offered for pinning.
class TlsGuard
{
public:
    TlsGuard(TlsPolicy policy, QString endpoint);
    TlsGuard(const TlsGuard&) = delete;
    TlsGuard& operator=(const TlsGuard&) = delete;

    // Sets the request's TLS configuration ("tls.ca_file" when the CA file cannot be read).
    Status prepare(QNetworkRequest& request) const;
    // Decides on the reply's handshake; must be called right after the request was sent.
    void watch(QNetworkReply* reply);
    // Why the handshake of this reply was refused ("tls.untrusted", "tls.pin_mismatch"), once.
    std::optional<Error> takeRefusal(const QNetworkReply* reply);

    const TlsPolicy& policy() const { return m_policy; }
    const PeerCertificate& peerCertificate() const { return m_peer; } // last one seen; null before
    Error untrusted(const QString& reasons) const;
    Error pinMismatch() const;

private:
    TlsPolicy m_policy;
    QString m_endpoint; // "host:port", for messages
    PeerCertificate m_peer;
    QHash<const QNetworkReply*, Error> m_refusals;
};

} // namespace xms::vsphere
