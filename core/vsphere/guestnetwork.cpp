#include "guestnetwork.h"

#include <QJsonArray>

namespace xms::vsphere {

namespace {
QStringList strings(const QJsonValue& v)
{
    QStringList out;
    for (const QJsonValue& s : v.toArray())
        out << s.toString();
    return out;
}

QString addressList(const GuestNic* n)
{
    if (!n || n->addresses.isEmpty())
        return QStringLiteral("none");
    QStringList out;
    for (const GuestIp& ip : n->addresses)
        out << ip.withPrefix();
    return out.join(u' ');
}

QString orNone(const QString& s)
{
    return s.isEmpty() ? QStringLiteral("none") : s;
}
} // namespace

QString GuestIp::withPrefix() const
{
    return prefixLength < 0 ? address : address + u'/' + QString::number(prefixLength);
}

QList<GuestIp> GuestNic::ipv4() const
{
    QList<GuestIp> out;
    for (const GuestIp& ip : addresses)
        if (!ip.isIpv6())
            out << ip;
    return out;
}

QString GuestNic::summary() const
{
    QStringList parts;
    for (const GuestIp& ip : addresses)
        parts << ip.withPrefix();
    if (!ipv4Gateway.isEmpty())
        parts << u"gw " + ipv4Gateway;
    if (!ipv6Gateway.isEmpty())
        parts << u"gw " + ipv6Gateway;
    if (!dnsServers.isEmpty())
        parts << u"dns " + dnsServers.join(u',');
    return parts.join(u' ');
}

QJsonObject GuestNic::toJson() const
{
    QJsonArray ips;
    for (const GuestIp& ip : addresses)
        ips.append(
            QJsonObject {{QStringLiteral("address"), ip.address}, {QStringLiteral("prefixLength"), ip.prefixLength}});
    return {{QStringLiteral("macAddress"), macAddress},
            {QStringLiteral("addresses"), ips},
            {QStringLiteral("ipv4Gateway"), ipv4Gateway},
            {QStringLiteral("ipv6Gateway"), ipv6Gateway},
            {QStringLiteral("dnsServers"), QJsonArray::fromStringList(dnsServers)}};
}

GuestNic GuestNic::fromJson(const QJsonObject& o)
{
    GuestNic n;
    n.macAddress = o.value(u"macAddress").toString();
    for (const QJsonValue& v : o.value(u"addresses").toArray())
        n.addresses.append({v[u"address"].toString(), v[u"prefixLength"].toInt(-1)});
    n.ipv4Gateway = o.value(u"ipv4Gateway").toString();
    n.ipv6Gateway = o.value(u"ipv6Gateway").toString();
    n.dnsServers = strings(o.value(u"dnsServers"));
    return n;
}

const GuestNic* GuestNetwork::nic(const QString& macAddress) const
{
    for (const GuestNic& n : nics)
        if (n.macAddress.compare(macAddress, Qt::CaseInsensitive) == 0)
            return &n;
    return nullptr;
}

QString GuestNetwork::summary() const
{
    QStringList parts;
    if (!hostName.isEmpty())
        parts << u"hostname " + hostName;
    for (const GuestNic& n : nics)
        parts << QString(n.macAddress + u' ' + n.summary()).trimmed();
    return parts.join(QStringLiteral("; "));
}

QJsonObject GuestNetwork::toJson() const
{
    QJsonArray list;
    for (const GuestNic& n : nics)
        list.append(n.toJson());
    return {{QStringLiteral("hostName"), hostName},
            {QStringLiteral("domainName"), domainName},
            {QStringLiteral("nics"), list}};
}

GuestNetwork GuestNetwork::fromJson(const QJsonObject& o)
{
    GuestNetwork g;
    g.hostName = o.value(u"hostName").toString();
    g.domainName = o.value(u"domainName").toString();
    for (const QJsonValue& v : o.value(u"nics").toArray())
        g.nics.append(GuestNic::fromJson(v.toObject()));
    return g;
}

QStringList GuestNetwork::differences(const GuestNetwork& before, const GuestNetwork& now)
{
    QStringList out;
    if (before.hostName != now.hostName)
        out << QStringLiteral("hostname %1 → %2").arg(orNone(before.hostName), orNone(now.hostName));
    QStringList macs;
    for (const GuestNetwork* g : {&before, &now})
        for (const GuestNic& n : g->nics)
            if (!macs.contains(n.macAddress, Qt::CaseInsensitive))
                macs << n.macAddress;
    for (const QString& mac : macs) {
        const GuestNic* a = before.nic(mac);
        const GuestNic* b = now.nic(mac);
        if (addressList(a) != addressList(b))
            out << QStringLiteral("%1 addresses %2 → %3").arg(mac, addressList(a), addressList(b));
        const QString gwA = a ? a->ipv4Gateway : QString(), gwB = b ? b->ipv4Gateway : QString();
        if (gwA != gwB)
            out << QStringLiteral("%1 gateway %2 → %3").arg(mac, orNone(gwA), orNone(gwB));
        const QString dnsA = a ? a->dnsServers.join(u',') : QString(), dnsB = b ? b->dnsServers.join(u',') : QString();
        if (dnsA != dnsB)
            out << QStringLiteral("%1 dns %2 → %3").arg(mac, orNone(dnsA), orNone(dnsB));
    }
    return out;
}

} // namespace xms::vsphere
