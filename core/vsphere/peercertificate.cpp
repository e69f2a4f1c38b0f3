#include "peercertificate.h"

#include "common/tlspolicy.h"

#include <QSslCertificate>
#include <QStringList>

namespace xms::vsphere {

PeerCertificate PeerCertificate::from(const QSslCertificate& cert)
{
    PeerCertificate p;
    if (cert.isNull())
        return p;
    const QByteArray der = cert.toDer();
    p.sha1 = fingerprint::sha1(der);
    p.sha256 = fingerprint::sha256(der);
    p.subject = cert.subjectDisplayName();
    p.issuer = cert.issuerDisplayName();
    p.notAfter = cert.expiryDate();
    return p;
}

QString PeerCertificate::fingerprints() const
{
    return u"SHA-1   " + fingerprint::pretty(sha1) + u"\nSHA-256 " + fingerprint::pretty(sha256);
}

QJsonObject PeerCertificate::toJson() const
{
    return QJsonObject {
        {QStringLiteral("sha1"), fingerprint::pretty(sha1)},
        {QStringLiteral("sha256"), fingerprint::pretty(sha256)},
        {QStringLiteral("subject"), subject},
        {QStringLiteral("issuer"), issuer},
        {QStringLiteral("notAfter"), notAfter.toUTC().toString(Qt::ISODate)},
    };
}

} // namespace xms::vsphere
