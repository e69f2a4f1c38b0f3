#pragma once

#include <QByteArray>
#include <QString>
#include <QtGlobal>

// Ethernet frames as the boot verification's isolated network sees them: the few kinds that prove a
// guest's NIC is up with its identity (its DHCP request, its ARP answers and announcements).
namespace xms::eth {

QByteArray macBytes(const QString& mac); // "fa:16:3e:00:00:01" → 6 bytes; empty when malformed
QString macText(const QByteArray& mac); // 6 bytes → lower-case text
quint32 ipv4(const QString& address); // "10.0.0.5" → host order; 0 when malformed
QString ipv4Text(quint32 address);

// "Who has targetIp?" from senderMac, broadcast; a probe when senderIp is 0 (Linux answers those too).
QByteArray arpRequest(const QByteArray& senderMac, quint32 senderIp, quint32 targetIp);

struct Frame
{
    enum class Kind { Other, Arp, Dhcp, Ipv4, Ipv6 };
    Kind kind = Kind::Other;
    QString source; // the frame's source MAC
    quint32 ip = 0; // ARP: the sender's address; IPv4: the source address
    bool arpReply = false;
};
Frame classify(const QByteArray& frame);

} // namespace xms::eth
