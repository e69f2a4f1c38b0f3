#pragma once

#include "serviceclient.h"
#include "types.h"

#include <QUrlQuery>

namespace xms::xloud {

// Neutron (v2.0) for one project: the networks it can attach to (its own and shared ones), their
// subnets, and the ports that carry a migrated VM's NICs.
class NetworkClient : public ServiceClient
{
    Q_OBJECT

public:
    NetworkClient(Session* session, QString project, QObject* parent = nullptr);

    // Every network the project sees: its own, shared ones and external ones, sorted by name.
    void networks(Callback<QList<Network>> done);
    // networkId empty: all subnets the project sees.
    void subnets(const QString& networkId, Callback<QList<Subnet>> done);
    // networks() with each network's subnets filled in.
    void networksWithSubnets(Callback<QList<Network>> done);

    // Answers with the port (id, MAC, fixed IPs). Errors: xloud.mac_in_use / xloud.ip_in_use (409),
    // xloud.mac_not_allowed (403, a custom MAC on a shared network), xloud.network.not_found …
    void createPort(const PortSpec& spec, Callback<Port> done);
    void port(const QString& id, Callback<Port> done);
    // The project's ports with this MAC — to explain a conflict before or after creating one.
    void portsByMac(const QString& mac, Callback<QList<Port>> done);
    // The ports holding this fixed IP (on any subnet: filter by FixedIp::subnetId) — is a kept IP free?
    void portsByIp(const QString& ip, Callback<QList<Port>> done);
    // The project's ports named exactly name — how cleanup finds one whose id never came back.
    void findPorts(const QString& name, Callback<QList<Port>> done);
    void deletePort(const QString& id, StatusCallback done); // already gone counts as done

    // Neutron's quota details for the project: network, subnet, port … (limit, used, reserved).
    void quotaUsage(Callback<QList<QuotaItem>> done);

private:
    void listPorts(const QUrlQuery& filter, const QString& action, Callback<QList<Port>> done);
};

} // namespace xms::xloud
