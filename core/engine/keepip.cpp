#include "keepip.h"

#include "common/errorcodes.h"
#include "common/text.h"

#include <QHostAddress>

namespace xms {

namespace {

bool usable(const vsphere::GuestIp& ip)
{
    const QHostAddress a(ip.address);
    return !a.isNull() && !a.isLinkLocal() && !a.isLoopback();
}

QStringList cidrs(const QList<xloud::Subnet>& subnets)
{
    QStringList out;
    for (const xloud::Subnet& s : subnets)
        out << s.cidr;
    return out;
}

} // namespace

bool addressInCidr(const QString& address, const QString& cidr)
{
    const QPair<QHostAddress, int> net = QHostAddress::parseSubnet(cidr);
    const QHostAddress a(address);
    return !a.isNull() && !net.first.isNull() && a.isInSubnet(net);
}

Result<KeptIp> chooseKeptIp(const vsphere::GuestNic* facts, const xloud::Network& network, const QString& subnet,
                            const QString& nicLabel)
{
    QStringList reported;
    QList<vsphere::GuestIp> candidates;
    if (facts)
        for (const vsphere::GuestIp& ip : facts->addresses)
            if (usable(ip)) {
                candidates << ip;
                reported << ip.address;
            }
    if (candidates.isEmpty())
        return fail(errc::kFinalizeKeepIpNoAddress,
                    Text::translate("xms", "VMware Tools reports no IP address for %1, so there is no address to keep")
                        .toString()
                        .arg(nicLabel));
    QList<xloud::Subnet> scope;
    for (const xloud::Subnet& s : network.subnets)
        if (subnet.isEmpty() || s.id == subnet || s.name == subnet)
            scope << s;
    for (const vsphere::GuestIp& ip : candidates)
        for (const xloud::Subnet& s : scope)
            if (addressInCidr(ip.address, s.cidr))
                return KeptIp {ip.address, s};
    return fail(errc::kFinalizeKeepIpOutsideSubnet,
                Text::translate("xms", "%1 has %2, which is outside %3 (%4)")
                    .toString()
                    .arg(nicLabel, reported.join(QStringLiteral(", ")), subnet.isEmpty() ? network.name : subnet,
                         scope.isEmpty() ? Text::translate("xms", "no subnet").toString()
                                         : cidrs(scope).join(QStringLiteral(", "))));
}

namespace {
PreflightCheck networkCheck(const char* key, Verdict v, QString message, QString fix = {})
{
    return {QStringLiteral("Network"), QLatin1StringView(key), v, std::move(message), std::move(fix)};
}
} // namespace

QList<PreflightCheck> keepIpChecks(const vsphere::NicInfo& nic, const vsphere::GuestNetwork& guest,
                                   const NicMapping& map, const xloud::Network& network,
                                   const QList<xloud::Port>& inUse)
{
    const vsphere::GuestNic* facts = guest.nic(nic.macAddress);
    const Result<KeptIp> kept = chooseKeptIp(facts, network, map.targetSubnet, nic.label);
    if (!kept && kept.error().is(errc::kFinalizeKeepIpNoAddress))
        return {networkCheck("network.keep_ip_no_address", Verdict::Block, kept.error().message,
                             Text::translate("xms",
                                             "Drop keep-ip for %1 so that it gets an address by DHCP (untick Keep IP), "
                                             "or start the VM with VMware Tools running and refresh the inventory.")
                                 .toString()
                                 .arg(nic.label))};
    if (!kept)
        return {networkCheck("network.keep_ip_subnet", Verdict::Block, kept.error().message,
                             Text::translate("xms",
                                             "Map %1 to a subnet that holds its address ('xms cloud resources' lists "
                                             "them), or drop keep-ip so that it gets an address by DHCP.")
                                 .toString()
                                 .arg(nic.label))};
    if (kept->address == kept->subnet.gatewayIp)
        return {networkCheck("network.ip_in_use", Verdict::Block,
                             Text::translate("xms", "IP %1 of %2 is the gateway of subnet %3")
                                 .toString()
                                 .arg(kept->address, nic.label, kept->subnet.name),
                             Text::translate("xms",
                                             "Map %1 to another subnet, or drop keep-ip so that it gets an address by "
                                             "DHCP.")
                                 .toString()
                                 .arg(nic.label))};
    for (const xloud::Port& p : inUse)
        for (const xloud::FixedIp& ip : p.fixedIps)
            if (ip.ipAddress == kept->address && ip.subnetId == kept->subnet.id)
                return {networkCheck(
                    "network.ip_in_use", Verdict::Block,
                    Text::translate("xms", "IP %1 of %2 is already used by port %3 on %4")
                        .toString()
                        .arg(kept->address, nic.label, p.name.isEmpty() ? p.id : p.name + u" (" + p.id + u')',
                             kept->subnet.name),
                    Text::translate("xms",
                                    "Free the address (delete that port or give it another IP), or drop keep-ip so "
                                    "that %1 gets an address by DHCP.")
                        .toString()
                        .arg(nic.label))};
    QList<PreflightCheck> out {networkCheck("network.keep_ip", Verdict::Pass,
                                            Text::translate("xms", "%1 keeps IP %2 on %3 (%4)")
                                                .toString()
                                                .arg(nic.label, kept->address, kept->subnet.name, kept->subnet.cidr))};
    const bool v6 = kept->address.contains(u':');
    const QString gateway = facts ? (v6 ? facts->ipv6Gateway : facts->ipv4Gateway) : QString();
    if (!gateway.isEmpty() && gateway != kept->subnet.gatewayIp)
        out << networkCheck(
            "network.gateway", Verdict::Warn,
            kept->subnet.gatewayIp.isEmpty()
                ? Text::translate("xms", "%1 uses gateway %2, but subnet %3 has no gateway")
                      .toString()
                      .arg(nic.label, gateway, kept->subnet.name)
                : Text::translate("xms", "%1 uses gateway %2, but the gateway of subnet %3 is %4")
                      .toString()
                      .arg(nic.label, gateway, kept->subnet.name, kept->subnet.gatewayIp),
            Text::translate("xms",
                            "The guest keeps its own gateway setting: change it in the guest after the migration, or "
                            "ask the cloud administrator to make the subnet's gateway %1.")
                .toString()
                .arg(gateway));
    return out;
}

} // namespace xms
