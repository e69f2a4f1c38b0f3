#include "inventorybuilder.h"

#include "guestnetworkreader.h"

#include <QtNumeric>
#include <algorithm>

namespace xms::vsphere {

namespace {
struct Names
{
    QHash<MoRef, QString> networks; // standard, distributed and opaque networks by moref
    QHash<QString, QString> portgroupsByKey; // distributed port group key → name
    QHash<QString, QString> opaqueById; // opaque network id → name
    QHash<MoRef, QString> hosts;
};

struct Controller
{
    QString type;
    int bus = 0;
};

Names namesFrom(const QList<ObjectContent>& objects)
{
    Names n;
    for (const ObjectContent& o : objects) {
        const QString name = o.text(QStringLiteral("name"));
        if (o.obj.type == u"HostSystem") {
            n.hosts.insert(o.obj, name);
        } else if (o.obj.type != u"VirtualMachine") {
            n.networks.insert(o.obj, name);
            const QString key = o.text(QStringLiteral("key"));
            if (o.obj.type == u"DistributedVirtualPortgroup")
                n.portgroupsByKey.insert(key.isEmpty() ? o.obj.value : key, name);
            if (const XmlElement* s = o.prop(QStringLiteral("summary")); s && s->child(u"opaqueNetworkId"))
                n.opaqueById.insert(s->textAt(u"opaqueNetworkId"), name);
        }
    }
    return n;
}

QString diskBackingKind(const QString& t)
{
    if (t.startsWith(u"VirtualDiskRawDiskMapping") || t == u"VirtualDiskRawDiskVer2BackingInfo"
        || t == u"VirtualDiskPartitionedRawDiskVer2BackingInfo")
        return QStringLiteral("rdm");
    if (t.startsWith(u"VirtualDiskFlat"))
        return QStringLiteral("flat");
    if (t.startsWith(u"VirtualDiskSparse") || t == u"VirtualDiskSeSparseBackingInfo")
        return QStringLiteral("sparse");
    return QStringLiteral("other");
}

DiskInfo diskFrom(const XmlElement& d, const QHash<int, Controller>& controllers)
{
    DiskInfo disk;
    disk.key = int(d.intAt(u"key"));
    disk.label = d.textAt(u"deviceInfo/label");
    qint64 fromKB = 0;
    if (qMulOverflow(qMax<qint64>(d.intAt(u"capacityInKB"), 0), qint64(1024), &fromKB))
        fromKB = 0; // nonsense from the server: unknown rather than wrapped
    disk.capacityBytes = qMax<qint64>(d.intAt(u"capacityInBytes", fromKB), 0);
    disk.controllerKey = int(d.intAt(u"controllerKey"));
    disk.unitNumber = int(d.intAt(u"unitNumber"));
    const Controller c = controllers.value(disk.controllerKey);
    disk.controllerType = c.type;
    disk.controllerBus = c.bus;
    if (const XmlElement* b = d.child(u"backing")) {
        disk.fileName = b->textAt(u"fileName");
        disk.datastore = InventoryBuilder::datastoreOf(disk.fileName);
        disk.backing = diskBackingKind(b->xsiType);
        disk.diskMode = b->textAt(u"diskMode");
        if (disk.isRdm())
            disk.rdmCompatibility = b->textAt(u"compatibilityMode");
        else if (disk.backing == u"sparse" || b->boolAt(u"thinProvisioned"))
            disk.provisioning = QStringLiteral("thin");
        else
            disk.provisioning
                = b->boolAt(u"eagerlyScrub") ? QStringLiteral("thick-eager") : QStringLiteral("thick-lazy");
    }
    return disk;
}

NicInfo nicFrom(const XmlElement& d, const QString& adapterType, const Names& names)
{
    NicInfo nic;
    nic.key = int(d.intAt(u"key"));
    nic.label = d.textAt(u"deviceInfo/label");
    nic.macAddress = d.textAt(u"macAddress").toLower();
    nic.addressType = d.textAt(u"addressType");
    nic.adapterType = adapterType;
    nic.connected = d.boolAt(u"connectable/connected");
    nic.startConnected = d.boolAt(u"connectable/startConnected");
    if (const XmlElement* slot = d.child(u"slotInfo"); slot && slot->child(u"pciSlotNumber"))
        nic.pciSlot = int(slot->intAt(u"pciSlotNumber"));
    const XmlElement* b = d.child(u"backing");
    const QString bt = b ? b->xsiType : QString();
    if (bt == u"VirtualEthernetCardDistributedVirtualPortBackingInfo") {
        nic.networkKind = QStringLiteral("distributed");
        const QString key = b->textAt(u"port/portgroupKey");
        nic.network = names.portgroupsByKey.value(key, key); // the key when the port group is out of scope
    } else if (bt == u"VirtualEthernetCardNetworkBackingInfo") {
        nic.networkKind = QStringLiteral("standard");
        nic.network = names.networks.value(moRefFrom(b->child(u"network")), b->textAt(u"deviceName"));
    } else if (bt == u"VirtualEthernetCardOpaqueNetworkBackingInfo") {
        nic.networkKind = QStringLiteral("opaque");
        const QString id = b->textAt(u"opaqueNetworkId");
        nic.network = names.opaqueById.value(id, id);
    } else {
        nic.networkKind = QStringLiteral("other");
        nic.network = b ? b->textAt(u"deviceName") : QString();
    }
    return nic;
}

// "app-9" before "app-10", case-insensitive: how people expect VM lists sorted (QCollator's numeric mode
// depends on the ICU/locale the process runs with).
bool naturalLess(QStringView a, QStringView b)
{
    qsizetype i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        if (a[i].isDigit() && b[j].isDigit()) {
            const qsizetype si = i, sj = j;
            while (i < a.size() && a[i].isDigit())
                ++i;
            while (j < b.size() && b[j].isDigit())
                ++j;
            QStringView na = a.mid(si, i - si), nb = b.mid(sj, j - sj);
            while (na.size() > 1 && na.front() == u'0')
                na = na.mid(1);
            while (nb.size() > 1 && nb.front() == u'0')
                nb = nb.mid(1);
            if (na.size() != nb.size())
                return na.size() < nb.size();
            if (const int c = na.compare(nb); c != 0)
                return c < 0;
            continue;
        }
        const QChar ca = a[i].toCaseFolded(), cb = b[j].toCaseFolded();
        if (ca != cb)
            return ca < cb;
        ++i;
        ++j;
    }
    if ((a.size() - i) != (b.size() - j))
        return a.size() - i < b.size() - j;
    return a < b; // equal but for case or leading zeros: still a total order
}

VmInfo vmFrom(const ObjectContent& o, const Names& names)
{
    VmInfo vm;
    vm.moref = o.obj;
    vm.name = o.text(QStringLiteral("name"));
    vm.instanceUuid = o.text(QStringLiteral("config.instanceUuid"));
    vm.biosUuid = o.text(QStringLiteral("config.uuid"));
    vm.isTemplate = o.text(QStringLiteral("config.template")) == u"true";
    vm.guestId = o.text(QStringLiteral("config.guestId"));
    vm.guestFullName = o.text(QStringLiteral("config.guestFullName"));
    vm.firmware = o.text(QStringLiteral("config.firmware"), QStringLiteral("bios"));
    if (const XmlElement* boot = o.prop(QStringLiteral("config.bootOptions")))
        vm.secureBoot = boot->boolAt(u"efiSecureBootEnabled");
    vm.hardwareVersion = o.text(QStringLiteral("config.version"));
    vm.numCpus = o.text(QStringLiteral("config.hardware.numCPU")).toInt();
    vm.coresPerSocket = o.text(QStringLiteral("config.hardware.numCoresPerSocket")).toInt();
    vm.memoryMB = o.text(QStringLiteral("config.hardware.memoryMB")).toLongLong();
    vm.powerState = o.text(QStringLiteral("runtime.powerState"));
    vm.connectionState = o.text(QStringLiteral("runtime.connectionState"));
    vm.host = names.hosts.value(moRefFrom(o.prop(QStringLiteral("runtime.host"))));
    vm.toolsRunningStatus = o.text(QStringLiteral("guest.toolsRunningStatus"));
    vm.guestNetwork = readGuestNetwork(o);
    if (const XmlElement* snap = o.prop(QStringLiteral("snapshot")))
        vm.hasSnapshot = snap->child(u"rootSnapshotList") || snap->child(u"currentSnapshot");

    const XmlElement* devices = o.prop(QStringLiteral("config.hardware.device"));
    if (!devices)
        return vm;
    QHash<int, Controller> controllers;
    for (const XmlElement& d : devices->children) {
        const QString type = InventoryBuilder::controllerTypeOf(d.xsiType);
        if (!type.isEmpty())
            controllers.insert(int(d.intAt(u"key")), Controller {type, int(d.intAt(u"busNumber"))});
    }
    for (const XmlElement& d : devices->children) {
        if (d.xsiType == u"VirtualDisk")
            vm.disks.append(diskFrom(d, controllers));
        else if (const QString adapter = InventoryBuilder::adapterTypeOf(d.xsiType); !adapter.isEmpty())
            vm.nics.append(nicFrom(d, adapter, names));
    }
    return vm;
}
} // namespace

QStringList InventoryBuilder::viewTypes()
{
    return {QStringLiteral("VirtualMachine"), QStringLiteral("Network"), QStringLiteral("HostSystem")};
}

QList<PropertySpec> InventoryBuilder::propertySpecs()
{
    // Whole small objects (bootOptions, snapshot) rather than sub-paths: a path the server's API version
    // does not know would fail the entire retrieval.
    return {
        {QStringLiteral("VirtualMachine"),
         {QStringLiteral("name"),
          QStringLiteral("config.instanceUuid"),
          QStringLiteral("config.uuid"),
          QStringLiteral("config.template"),
          QStringLiteral("config.guestId"),
          QStringLiteral("config.guestFullName"),
          QStringLiteral("config.firmware"),
          QStringLiteral("config.bootOptions"),
          QStringLiteral("config.version"),
          QStringLiteral("config.hardware.numCPU"),
          QStringLiteral("config.hardware.numCoresPerSocket"),
          QStringLiteral("config.hardware.memoryMB"),
          QStringLiteral("config.hardware.device"),
          QStringLiteral("runtime.powerState"),
          QStringLiteral("runtime.connectionState"),
          QStringLiteral("runtime.host"),
          QStringLiteral("guest.toolsRunningStatus"),
          QStringLiteral("guest.hostName"),
          QStringLiteral("guest.net"),
          QStringLiteral("guest.ipStack"),
          QStringLiteral("snapshot")}},
        {QStringLiteral("Network"), {QStringLiteral("name")}},
        {QStringLiteral("DistributedVirtualPortgroup"), {QStringLiteral("name"), QStringLiteral("key")}},
        {QStringLiteral("OpaqueNetwork"), {QStringLiteral("name"), QStringLiteral("summary")}},
        {QStringLiteral("HostSystem"), {QStringLiteral("name")}},
    };
}

QList<VmInfo> InventoryBuilder::build(const QList<ObjectContent>& objects)
{
    const Names names = namesFrom(objects);
    QList<VmInfo> vms;
    for (const ObjectContent& o : objects) {
        if (o.obj.type == u"VirtualMachine")
            vms.append(vmFrom(o, names));
    }
    std::stable_sort(vms.begin(), vms.end(),
                     [](const VmInfo& a, const VmInfo& b) { return naturalLess(a.name, b.name); });
    return vms;
}

QString InventoryBuilder::datastoreOf(const QString& fileName)
{
    if (!fileName.startsWith(u'['))
        return {};
    const qsizetype end = fileName.indexOf(u']');
    return end < 0 ? QString() : fileName.mid(1, end - 1);
}

QString InventoryBuilder::controllerTypeOf(const QString& t)
{
    static const QHash<QString, QString> kinds {
        {QStringLiteral("ParaVirtualSCSIController"), QStringLiteral("pvscsi")},
        {QStringLiteral("VirtualLsiLogicController"), QStringLiteral("lsilogic")},
        {QStringLiteral("VirtualLsiLogicSASController"), QStringLiteral("lsilogic-sas")},
        {QStringLiteral("VirtualBusLogicController"), QStringLiteral("buslogic")},
        {QStringLiteral("VirtualIDEController"), QStringLiteral("ide")},
        {QStringLiteral("VirtualAHCIController"), QStringLiteral("sata")},
        {QStringLiteral("VirtualSATAController"), QStringLiteral("sata")},
        {QStringLiteral("VirtualNVMEController"), QStringLiteral("nvme")},
    };
    return kinds.value(t);
}

QString InventoryBuilder::adapterTypeOf(const QString& t)
{
    static const QHash<QString, QString> kinds {
        {QStringLiteral("VirtualVmxnet3"), QStringLiteral("vmxnet3")},
        {QStringLiteral("VirtualVmxnet3Vrdma"), QStringLiteral("vmxnet3-vrdma")},
        {QStringLiteral("VirtualVmxnet2"), QStringLiteral("vmxnet2")},
        {QStringLiteral("VirtualVmxnet"), QStringLiteral("vmxnet")},
        {QStringLiteral("VirtualE1000"), QStringLiteral("e1000")},
        {QStringLiteral("VirtualE1000e"), QStringLiteral("e1000e")},
        {QStringLiteral("VirtualPCNet32"), QStringLiteral("pcnet32")},
        {QStringLiteral("VirtualSriovEthernetCard"), QStringLiteral("sriov")},
    };
    return kinds.value(t);
}

} // namespace xms::vsphere
