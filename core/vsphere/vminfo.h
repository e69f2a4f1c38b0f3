#pragma once

#include "guestnetwork.h"
#include "moref.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace xms::vsphere {

struct DiskInfo
{
    int key = 0; // device key within the VM
    QString label; // "Hard disk 1"
    qint64 capacityBytes = 0;
    QString fileName; // "[LocalDS_0] vm/vm.vmdk"
    QString datastore; // "LocalDS_0" (from fileName)
    QString controllerType; // "pvscsi", "lsilogic", "lsilogic-sas", "buslogic", "ide", "sata", "nvme"
    int controllerKey = 0;
    int controllerBus = 0;
    int unitNumber = 0;
    QString backing; // "flat", "sparse", "rdm", "other" (the VirtualDisk*BackingInfo kind)
    QString provisioning; // "thin", "thick-lazy", "thick-eager"; empty for RDM
    QString diskMode; // "persistent", "independent_persistent", "independent_nonpersistent", "nonpersistent" …
    QString rdmCompatibility; // "physicalMode" / "virtualMode" for RDM
    // "sharingNone" / "sharingMultiWriter"; empty when unknown (discovery does not read it yet). In the
    // JSON only when set, so that discovery's payloads stay as they were.
    QString sharing;

    bool isIndependent() const { return diskMode.startsWith(u"independent"); }
    bool isRdm() const { return backing == u"rdm"; }
    bool isMultiWriter() const { return sharing == u"sharingMultiWriter"; }
    QJsonObject toJson() const;
    static DiskInfo fromJson(const QJsonObject& o);
    bool operator==(const DiskInfo&) const = default;
};

struct NicInfo
{
    int key = 0;
    QString label; // "Network adapter 1"
    QString macAddress; // lower case, "00:50:56:…"
    QString addressType; // "assigned", "manual", "generated"
    QString network; // the port group name (distributed port groups resolved from their key)
    QString networkKind; // "standard", "distributed", "opaque", "other"
    QString adapterType; // "vmxnet3", "e1000", "e1000e", "vmxnet2", "vmxnet", "pcnet32", "sriov", "other"
    bool connected = false;
    bool startConnected = false;
    int pciSlot = -1; // slotInfo.pciSlotNumber: a Linux guest's predictable name is ens<slot>; -1 unknown

    QJsonObject toJson() const;
    static NicInfo fromJson(const QJsonObject& o);
    bool operator==(const NicInfo&) const = default;
};

// What the wizard, the preflight checks and the engine know about one source VM.
struct VmInfo
{
    MoRef moref;
    QString name;
    QString instanceUuid;
    QString biosUuid;
    QString powerState; // "poweredOn", "poweredOff", "suspended"
    QString guestId; // "debian12_64Guest"
    QString guestFullName;
    QString firmware; // "bios" or "efi"
    bool secureBoot = false;
    QString hardwareVersion; // "vmx-19"
    int numCpus = 0;
    int coresPerSocket = 0;
    qint64 memoryMB = 0;
    QString host; // ESXi host name
    QString toolsRunningStatus; // "guestToolsRunning", "guestToolsNotRunning", …
    bool hasSnapshot = false;
    bool isTemplate = false;
    QString connectionState; // "connected", "disconnected", "orphaned", "inaccessible", "invalid"
    QList<DiskInfo> disks;
    QList<NicInfo> nics;
    GuestNetwork guestNetwork; // VMware Tools' view: addresses per NIC (by MAC), gateway, DNS, hostname

    bool isPoweredOff() const { return powerState == u"poweredOff"; }
    bool toolsRunning() const { return toolsRunningStatus == u"guestToolsRunning"; }
    bool hasIndependentDisk() const;
    bool hasRdm() const;
    qint64 totalDiskBytes() const;
    // The JSON of discovery's events, the inventory cache and the checkpoint; fromJson(toJson()) == *this.
    QJsonObject toJson() const;
    static VmInfo fromJson(const QJsonObject& o);
    bool operator==(const VmInfo&) const = default;
};

// A discovery result: every VM in the scope at one moment.
struct Inventory
{
    QString datacenter; // the scope, or empty for the whole server
    QDateTime fetchedAt;
    qint64 elapsedMs = 0; // how long the discovery took
    QList<VmInfo> vms;

    // By name, or by managed object id ("vm-42" or "VirtualMachine:vm-42"); nullptr when absent.
    const VmInfo* find(const QString& nameOrId) const;
    int countNamed(const QString& name) const;
    QJsonObject toJson() const;
    static Inventory fromJson(const QJsonObject& o);
};

} // namespace xms::vsphere
