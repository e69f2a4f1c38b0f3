#include "guestnetworkreader.h"

#include <QHostAddress>

namespace xms::vsphere {

namespace {

QStringList texts(const XmlElement* parent, QStringView name)
{
    QStringList out;
    if (parent)
        for (const XmlElement* e : parent->all(name))
            if (!e->text.isEmpty())
                out << e->text;
    return out;
}

GuestNic nicFrom(const XmlElement& n)
{
    GuestNic nic;
    nic.macAddress = n.textAt(u"macAddress").toLower();
    if (const XmlElement* cfg = n.child(u"ipConfig"))
        for (const XmlElement* a : cfg->all(u"ipAddress"))
            nic.addresses.append({a->textAt(u"ipAddress"), int(a->intAt(u"prefixLength", -1))});
    if (nic.addresses.isEmpty()) // older Tools: addresses without prefixes
        for (const QString& a : texts(&n, u"ipAddress"))
            nic.addresses.append({a, -1});
    nic.dnsServers = texts(n.child(u"dnsConfig"), u"ipAddress");
    return nic;
}

// The NIC whose configured subnet holds the gateway; -1 when none or several do.
int nicHolding(const QList<GuestNic>& nics, const QString& gateway)
{
    const QHostAddress gw(gateway);
    int found = -1;
    for (int i = 0; i < nics.size(); ++i)
        for (const GuestIp& ip : nics.at(i).addresses) {
            if (ip.prefixLength < 0 || !gw.isInSubnet(QHostAddress(ip.address), ip.prefixLength))
                continue;
            if (found >= 0 && found != i)
                return -1;
            found = i;
        }
    return found;
}

void assignDefaultRoutes(const XmlElement* stack, QList<GuestNic>& nics)
{
    const XmlElement* routes = stack ? stack->child(u"ipRouteConfig") : nullptr;
    if (!routes)
        return;
    for (const XmlElement* r : routes->all(u"ipRoute")) {
        if (r->intAt(u"prefixLength", -1) != 0)
            continue; // only the default route says where the gateway is
        const QString gateway = r->textAt(u"gateway/ipAddress");
        if (gateway.isEmpty())
            continue;
        bool ok = false;
        int index = r->textAt(u"gateway/device").toInt(&ok);
        if (!ok || index < 0 || index >= nics.size())
            index = nicHolding(nics, gateway);
        if (index < 0)
            continue;
        QString& slot = gateway.contains(u':') ? nics[index].ipv6Gateway : nics[index].ipv4Gateway;
        if (slot.isEmpty())
            slot = gateway;
    }
}

} // namespace

GuestNetwork readGuestNetwork(const ObjectContent& vm)
{
    GuestNetwork g;
    if (const XmlElement* net = vm.prop(QStringLiteral("guest.net")))
        for (const XmlElement& n : net->children)
            g.nics.append(nicFrom(n));
    const XmlElement* stacks = vm.prop(QStringLiteral("guest.ipStack"));
    const XmlElement* stack = stacks && !stacks->children.isEmpty() ? &stacks->children.first() : nullptr;
    assignDefaultRoutes(stack, g.nics);
    const XmlElement* dns = stack ? stack->child(u"dnsConfig") : nullptr;
    const QStringList stackDns = texts(dns, u"ipAddress");
    for (GuestNic& n : g.nics)
        if (n.dnsServers.isEmpty())
            n.dnsServers = stackDns;
    g.hostName = vm.text(QStringLiteral("guest.hostName"), dns ? dns->textAt(u"hostName") : QString());
    g.domainName = dns ? dns->textAt(u"domainName") : QString();
    // Tools lists in-guest interfaces that are no virtual NIC (loopback, bridges) without a MAC: not ours.
    // An entry with nothing but its MAC says nothing (the simulator lists one per NIC even without Tools).
    g.nics.removeIf([](const GuestNic& n) {
        return n.macAddress.isEmpty()
            || (n.addresses.isEmpty() && n.dnsServers.isEmpty() && n.ipv4Gateway.isEmpty() && n.ipv6Gateway.isEmpty());
    });
    return g;
}

} // namespace xms::vsphere
