#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QString>

class QSslCertificate;

namespace xms::vsphere {

// The certificate a server presented, as the operator needs it to decide whether to pin it.
struct PeerCertificate
{
    QByteArray sha1; // normalized hex (tlspolicy.h), what vSphere shows as its thumbprint
    QByteArray sha256;
    QString subject;
    QString issuer;
    QDateTime notAfter;

    bool isNull() const { return sha256.isEmpty(); }
    static PeerCertificate from(const QSslCertificate& cert);
    // "SHA-1 AB:CD:…\nSHA-256 01:23:…" — what the CLI prints and error details carry.
    QString fingerprints() const;
    QJsonObject toJson() const;
};

} // namespace xms::vsphere
