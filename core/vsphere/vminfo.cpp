#include "vminfo.h"

#include <QJsonArray>
#include <QtNumeric>
#include <algorithm>
#include <limits>

namespace xms::vsphere {

namespace {
QString str(const QJsonObject& o, const char* key)
{
    return o.value(QLatin1StringView(key)).toString();
}
int num(const QJsonObject& o, const char* key)
{
    return o.value(QLatin1StringView(key)).toInt();
}
qint64 num64(const QJsonObject& o, const char* key)
{
    return o.value(QLatin1StringView(key)).toInteger();
}
bool flag(const QJsonObject& o, const char* key)
{
    return o.value(QLatin1StringView(key)).toBool();
}
} // namespace

QJsonObject DiskInfo::toJson() const
{
    QJsonObject o {
        {QStringLiteral("key"), key},
        {QStringLiteral("label"), label},
        {QStringLiteral("capacityBytes"), capacityBytes},
        {QStringLiteral("fileName"), fileName},
        {QStringLiteral("datastore"), datastore},
        {QStringLiteral("controllerType"), controllerType},
        {QStringLiteral("controllerKey"), controllerKey},
        {QStringLiteral("controllerBus"), controllerBus},
        {QStringLiteral("unitNumber"), unitNumber},
        {QStringLiteral("backing"), backing},
        {QStringLiteral("provisioning"), provisioning},
        {QStringLiteral("diskMode"), diskMode},
        {QStringLiteral("rdmCompatibility"), rdmCompatibility},
        {QStringLiteral("independent"), isIndependent()},
        {QStringLiteral("rdm"), isRdm()},
    };
    if (!sharing.isEmpty())
        o.insert(QStringLiteral("sharing"), sharing);
    return o;
}

DiskInfo DiskInfo::fromJson(const QJsonObject& o)
{
    DiskInfo d;
    d.key = num(o, "key");
    d.label = str(o, "label");
    d.capacityBytes = num64(o, "capacityBytes");
    d.fileName = str(o, "fileName");
    d.datastore = str(o, "datastore");
    d.controllerType = str(o, "controllerType");
    d.controllerKey = num(o, "controllerKey");
    d.controllerBus = num(o, "controllerBus");
    d.unitNumber = num(o, "unitNumber");
    d.backing = str(o, "backing");
    d.provisioning = str(o, "provisioning");
    d.diskMode = str(o, "diskMode");
    d.rdmCompatibility = str(o, "rdmCompatibility");
    d.sharing = str(o, "sharing");
    return d;
}

QJsonObject NicInfo::toJson() const
{
    return QJsonObject {
        {QStringLiteral("key"), key},
        {QStringLiteral("label"), label},
        {QStringLiteral("macAddress"), macAddress},
        {QStringLiteral("addressType"), addressType},
        {QStringLiteral("network"), network},
        {QStringLiteral("networkKind"), networkKind},
        {QStringLiteral("adapterType"), adapterType},
        {QStringLiteral("connected"), connected},
        {QStringLiteral("startConnected"), startConnected},
        {QStringLiteral("pciSlot"), pciSlot},
    };
}

NicInfo NicInfo::fromJson(const QJsonObject& o)
{
    NicInfo n;
    n.key = num(o, "key");
    n.label = str(o, "label");
    n.macAddress = str(o, "macAddress");
    n.addressType = str(o, "addressType");
    n.network = str(o, "network");
    n.networkKind = str(o, "networkKind");
    n.adapterType = str(o, "adapterType");
    n.connected = flag(o, "connected");
    n.startConnected = flag(o, "startConnected");
    n.pciSlot = o.value(QStringLiteral("pciSlot")).toInt(-1);
    return n;
}

bool VmInfo::hasIndependentDisk() const
{
    return std::any_of(disks.begin(), disks.end(), [](const DiskInfo& d) { return d.isIndependent(); });
}

bool VmInfo::hasRdm() const
{
    return std::any_of(disks.begin(), disks.end(), [](const DiskInfo& d) { return d.isRdm(); });
}

qint64 VmInfo::totalDiskBytes() const
{
    qint64 sum = 0;
    for (const DiskInfo& d : disks) {
        if (qAddOverflow(sum, qMax<qint64>(d.capacityBytes, 0), &sum)) // only a broken server gets here
            return std::numeric_limits<qint64>::max();
    }
    return sum;
}

QJsonObject VmInfo::toJson() const
{
    QJsonArray diskArray, nicArray;
    for (const DiskInfo& d : disks)
        diskArray.append(d.toJson());
    for (const NicInfo& n : nics)
        nicArray.append(n.toJson());
    QJsonObject o {
        {QStringLiteral("moref"), moref.value},
        {QStringLiteral("name"), name},
        {QStringLiteral("instanceUuid"), instanceUuid},
        {QStringLiteral("biosUuid"), biosUuid},
        {QStringLiteral("powerState"), powerState},
        {QStringLiteral("guestId"), guestId},
        {QStringLiteral("guestFullName"), guestFullName},
        {QStringLiteral("firmware"), firmware},
        {QStringLiteral("secureBoot"), secureBoot},
        {QStringLiteral("hardwareVersion"), hardwareVersion},
        {QStringLiteral("numCpus"), numCpus},
        {QStringLiteral("coresPerSocket"), coresPerSocket},
        {QStringLiteral("memoryMB"), memoryMB},
        {QStringLiteral("host"), host},
        {QStringLiteral("toolsRunningStatus"), toolsRunningStatus},
        {QStringLiteral("hasSnapshot"), hasSnapshot},
        {QStringLiteral("template"), isTemplate},
        {QStringLiteral("connectionState"), connectionState},
        {QStringLiteral("hasIndependentDisk"), hasIndependentDisk()},
        {QStringLiteral("hasRdm"), hasRdm()},
        {QStringLiteral("totalDiskBytes"), totalDiskBytes()},
        {QStringLiteral("disks"), diskArray},
        {QStringLiteral("nics"), nicArray},
    };
    if (!guestNetwork.isEmpty()) // only when Tools reported something, so older payloads stay as they were
        o.insert(QStringLiteral("guestNetwork"), guestNetwork.toJson());
    return o;
}

VmInfo VmInfo::fromJson(const QJsonObject& o)
{
    VmInfo v;
    v.moref = MoRef {QStringLiteral("VirtualMachine"), str(o, "moref")};
    v.name = str(o, "name");
    v.instanceUuid = str(o, "instanceUuid");
    v.biosUuid = str(o, "biosUuid");
    v.powerState = str(o, "powerState");
    v.guestId = str(o, "guestId");
    v.guestFullName = str(o, "guestFullName");
    v.firmware = str(o, "firmware");
    v.secureBoot = flag(o, "secureBoot");
    v.hardwareVersion = str(o, "hardwareVersion");
    v.numCpus = num(o, "numCpus");
    v.coresPerSocket = num(o, "coresPerSocket");
    v.memoryMB = num64(o, "memoryMB");
    v.host = str(o, "host");
    v.toolsRunningStatus = str(o, "toolsRunningStatus");
    v.hasSnapshot = flag(o, "hasSnapshot");
    v.isTemplate = flag(o, "template");
    v.connectionState = str(o, "connectionState");
    for (const QJsonValue& d : o.value(QLatin1StringView("disks")).toArray())
        v.disks.append(DiskInfo::fromJson(d.toObject()));
    for (const QJsonValue& n : o.value(QLatin1StringView("nics")).toArray())
        v.nics.append(NicInfo::fromJson(n.toObject()));
    v.guestNetwork = GuestNetwork::fromJson(o.value(QLatin1StringView("guestNetwork")).toObject());
    return v;
}

const VmInfo* Inventory::find(const QString& nameOrId) const
{
    const MoRef asRef = MoRef::fromString(nameOrId);
    for (const VmInfo& v : vms) {
        if (v.name == nameOrId)
            return &v;
    }
    for (const VmInfo& v : vms) {
        if (v.moref.value == nameOrId || (!asRef.isNull() && v.moref == asRef))
            return &v;
    }
    return nullptr;
}

int Inventory::countNamed(const QString& name) const
{
    return int(std::count_if(vms.begin(), vms.end(), [&](const VmInfo& v) { return v.name == name; }));
}

QJsonObject Inventory::toJson() const
{
    QJsonArray list;
    for (const VmInfo& v : vms)
        list.append(v.toJson());
    return QJsonObject {
        {QStringLiteral("datacenter"), datacenter},
        {QStringLiteral("fetchedAt"), fetchedAt.toUTC().toString(Qt::ISODateWithMs)},
        {QStringLiteral("elapsedMs"), elapsedMs},
        {QStringLiteral("vms"), list},
    };
}

Inventory Inventory::fromJson(const QJsonObject& o)
{
    Inventory inv;
    inv.datacenter = str(o, "datacenter");
    inv.fetchedAt = QDateTime::fromString(str(o, "fetchedAt"), Qt::ISODateWithMs);
    inv.elapsedMs = num64(o, "elapsedMs");
    for (const QJsonValue& v : o.value(QLatin1StringView("vms")).toArray())
        inv.vms.append(VmInfo::fromJson(v.toObject()));
    return inv;
}

} // namespace xms::vsphere
