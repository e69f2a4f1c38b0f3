#pragma once

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace xms {

// What a Linux guest's own files say about its network interfaces' names. Read from the converted guest:
// the names its configurations use only work on VirtIO if the VirtIO NICs get those names too.
struct GuestNicConfig
{
    bool classicNames = false; // net.ifnames=0 (or biosdevname=0 with eth names): eth0, eth1 … by order
    QStringList configuredNames; // interface names the configuration files use (no lo, bridges or VLANs)
    QMap<QString, QString> namesByMac; // lower-case MAC → name, from udev rules, .link files and netplan
    QStringList vmwareOnly; // "FILE: what" for settings that only apply to VMware's NICs
    QStringList files; // the files read, for the report

    QJsonObject toJson() const;
    static GuestNicConfig fromJson(const QJsonObject& o);
    bool operator==(const GuestNicConfig&) const = default;
};

// One file of the guest, as the reader found it.
struct GuestFile
{
    QString path;
    QByteArray text;
};

// Parses the files a guest configures its network with (ifupdown, netplan, NetworkManager keyfiles,
// ifcfg, systemd-networkd and .link files, udev persistent-net rules, the kernel command line in GRUB's
// configuration). Unknown files are ignored.
GuestNicConfig parseGuestNicConfig(const QList<GuestFile>& files);

// The guest's paths parseGuestNicConfig understands: fixed files, and directories whose files it reads.
QStringList guestNicConfigFiles();
QStringList guestNicConfigDirectories();

// A source NIC as the target will see it.
struct NicToPin
{
    QString label; // "Network adapter 1"
    QString sourceMac; // lower case
    QStringList targetMacs; // the MACs its VirtIO NIC may carry on Xloud (kept, else XMS's own), lower case
    int pciSlot = -1; // vSphere's pciSlotNumber; VMware's predictable name is ens<slot>
};

// A name a NIC must keep: written as a systemd .link file matching the target MACs.
struct NicPin
{
    QString label;
    QString name; // "ens192"
    QStringList macs;
    QString reason; // how the name was found, for the report

    // "/etc/systemd/network/10-xms-ens192.link" (then -2, -3 … for further MACs) and their text.
    QList<GuestFile> linkFiles() const;
    QJsonObject toJson() const;
    bool operator==(const NicPin&) const = default;
};

struct NicNamePlan
{
    QList<NicPin> pins;
    QStringList notes; // informational: why no pin was needed
    QStringList warnings; // what may not work on VirtIO, and what to do
};

// Which name each NIC had under VMware, so that the guest's configuration applies unchanged on VirtIO:
// a MAC rule of the guest's own, else ens<pciSlotNumber> when the configuration uses it, else the only
// predictable name for the only NIC, else the configured names in slot order when there are as many.
// Classic eth names need no pin (VirtIO keeps the NIC order).
NicNamePlan planNicNames(const GuestNicConfig& config, const QList<NicToPin>& nics);

// Xloud's MAC for a NIC that does not keep its own: derived from the job and NIC, in OpenStack's
// fa:16:3e range, so every attempt of a job agrees (the guest's pins name it before the port exists).
QString derivedMac(const QString& jobId, const QString& nicLabel);

} // namespace xms
