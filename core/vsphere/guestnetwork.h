#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace xms::vsphere {

// One address a NIC carries inside the guest, as VMware Tools reports it.
struct GuestIp
{
    QString address; // "10.10.0.50", "fe80::250:56ff:fe3a:600"
    int prefixLength = -1; // -1: Tools did not say
    bool isIpv6() const { return address.contains(u':'); }
    QString withPrefix() const; // "10.10.0.50/24"
    bool operator==(const GuestIp&) const = default;
};

// The guest's view of one NIC, matched to the virtual hardware by MAC.
struct GuestNic
{
    QString macAddress; // lower case
    QList<GuestIp> addresses;
    QString ipv4Gateway; // the default route through this NIC, if any
    QString ipv6Gateway;
    QStringList dnsServers; // the NIC's own, else the guest's

    QList<GuestIp> ipv4() const;
    // "10.10.0.50/24 fe80::1/64 gw 10.10.0.1 dns 10.10.0.2" — the technical one-liner of CLI and wizard.
    QString summary() const;
    QJsonObject toJson() const;
    static GuestNic fromJson(const QJsonObject& o);
    bool operator==(const GuestNic&) const = default;
};

// What VMware Tools reported about the guest's network (guest.net, guest.ipStack, guest.hostName) at
// discovery. Empty when Tools never ran: nothing here is invented from the virtual hardware.
struct GuestNetwork
{
    QString hostName;
    QString domainName;
    QList<GuestNic> nics;

    bool isEmpty() const { return hostName.isEmpty() && nics.isEmpty(); }
    const GuestNic* nic(const QString& macAddress) const; // case-insensitive; nullptr when Tools did not list it
    // "hostname web01; 00:50:56:aa:bb:01 10.0.0.5/24 gw 10.0.0.1 dns 10.0.0.2"
    QString summary() const;
    QJsonObject toJson() const;
    static GuestNetwork fromJson(const QJsonObject& o);
    bool operator==(const GuestNetwork&) const = default;

    // What differs between two reports, one line per change ("hostname web01 → web02",
    // "00:50:56:aa:bb:01 addresses 10.0.0.5/24 → 10.0.0.6/24"); empty when they agree.
    static QStringList differences(const GuestNetwork& before, const GuestNetwork& now);
};

} // namespace xms::vsphere
