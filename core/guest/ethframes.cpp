#include "ethframes.h"

#include <QHostAddress>
#include <QStringList>
#include <QtEndian>

namespace xms::eth {

namespace {
constexpr quint16 kArp = 0x0806;
constexpr quint16 kIpv4 = 0x0800;
constexpr quint16 kIpv6 = 0x86dd;
constexpr quint16 kVlan = 0x8100;

quint16 be16(const QByteArray& f, qsizetype at)
{
    return qFromBigEndian<quint16>(reinterpret_cast<const uchar*>(f.constData()) + at);
}
quint32 be32(const QByteArray& f, qsizetype at)
{
    return qFromBigEndian<quint32>(reinterpret_cast<const uchar*>(f.constData()) + at);
}
void put16(QByteArray& f, quint16 v)
{
    uchar b[2];
    qToBigEndian(v, b);
    f.append(reinterpret_cast<const char*>(b), 2);
}
void put32(QByteArray& f, quint32 v)
{
    uchar b[4];
    qToBigEndian(v, b);
    f.append(reinterpret_cast<const char*>(b), 4);
}
} // namespace

QByteArray macBytes(const QString& mac)
{
    const QStringList parts = mac.trimmed().split(u':');
    if (parts.size() != 6)
        return {};
    QByteArray out;
    for (const QString& p : parts) {
        bool ok = false;
        const uint v = p.toUInt(&ok, 16);
        if (!ok || p.size() != 2)
            return {};
        out.append(char(v));
    }
    return out;
}

QString macText(const QByteArray& mac)
{
    return QString::fromLatin1(mac.toHex(':'));
}

quint32 ipv4(const QString& address)
{
    QHostAddress a;
    if (!a.setAddress(address.section(u'/', 0, 0)) || a.protocol() != QAbstractSocket::IPv4Protocol)
        return 0;
    return a.toIPv4Address();
}

QString ipv4Text(quint32 address)
{
    return QHostAddress(address).toString();
}

QByteArray arpRequest(const QByteArray& senderMac, quint32 senderIp, quint32 targetIp)
{
    QByteArray f(6, char(0xff));
    f += senderMac;
    put16(f, kArp);
    put16(f, 1); // Ethernet
    put16(f, kIpv4);
    f.append(char(6)).append(char(4));
    put16(f, 1); // request
    f += senderMac;
    put32(f, senderIp);
    f += QByteArray(6, '\0');
    put32(f, targetIp);
    f.resize(60, '\0'); // the minimum frame, as a NIC pads it
    return f;
}

Frame classify(const QByteArray& f)
{
    Frame out;
    if (f.size() < 14)
        return out;
    out.source = macText(f.mid(6, 6));
    qsizetype at = 12;
    quint16 type = be16(f, at);
    if (type == kVlan && f.size() >= 18) {
        at += 4;
        type = be16(f, at);
    }
    const qsizetype payload = at + 2;
    if (type == kArp && f.size() >= payload + 28) {
        out.kind = Frame::Kind::Arp;
        out.arpReply = be16(f, payload + 6) == 2;
        out.ip = be32(f, payload + 14);
    } else if (type == kIpv4 && f.size() >= payload + 20) {
        out.kind = Frame::Kind::Ipv4;
        out.ip = be32(f, payload + 12);
        const qsizetype ihl = (uchar(f[payload]) & 0x0f) * 4;
        const bool udp = uchar(f[payload + 9]) == 17;
        if (udp && f.size() >= payload + ihl + 4 && be16(f, payload + ihl) == 68 && be16(f, payload + ihl + 2) == 67)
            out.kind = Frame::Kind::Dhcp;
    } else if (type == kIpv6) {
        out.kind = Frame::Kind::Ipv6;
    }
    return out;
}

} // namespace xms::eth
