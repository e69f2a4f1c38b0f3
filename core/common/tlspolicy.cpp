#include "tlspolicy.h"

#include <QCryptographicHash>

namespace xms {

namespace fingerprint {

QByteArray normalize(QStringView text)
{
    QByteArray hex;
    for (QChar c : text) {
        if (c == u':' || c == u' ' || c == u'-')
            continue;
        const char l = char(c.toLower().toLatin1());
        if (!((l >= '0' && l <= '9') || (l >= 'a' && l <= 'f')))
            return {};
        hex.append(l);
    }
    return hex.size() == 40 || hex.size() == 64 ? hex : QByteArray();
}

QByteArray sha1(const QByteArray& certDer) { return QCryptographicHash::hash(certDer, QCryptographicHash::Sha1).toHex(); }

QByteArray sha256(const QByteArray& certDer)
{
    return QCryptographicHash::hash(certDer, QCryptographicHash::Sha256).toHex();
}

QString pretty(const QByteArray& hex)
{
    QString out;
    for (qsizetype i = 0; i < hex.size(); i += 2) {
        if (i)
            out += u':';
        out += QString::fromLatin1(hex.mid(i, 2)).toUpper();
    }
    return out;
}

} // namespace fingerprint

TlsPolicy TlsPolicy::pinned(const QByteArray& fp)
{
    TlsPolicy p;
    p.mode = Mode::Pinned;
    const QByteArray hex = fingerprint::normalize(QString::fromLatin1(fp));
    (hex.size() == 40 ? p.pinSha1 : p.pinSha256) = hex;
    return p;
}

bool TlsPolicy::matches(const QByteArray& certDer) const
{
    if (pinSha1.isEmpty() && pinSha256.isEmpty())
        return false;
    if (!pinSha256.isEmpty() && fingerprint::sha256(certDer) != pinSha256)
        return false;
    if (!pinSha1.isEmpty() && fingerprint::sha1(certDer) != pinSha1)
        return false;
    return true;
}

} // namespace xms
