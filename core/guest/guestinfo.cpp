#include "guestinfo.h"

#include "common/errorcodes.h"
#include "common/text.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace xms {

QString firmwareKey(Firmware firmware)
{
    switch (firmware) {
    case Firmware::Bios:
        return QStringLiteral("bios");
    case Firmware::Uefi:
        return QStringLiteral("uefi");
    case Firmware::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

Firmware firmwareFromKey(QStringView key)
{
    if (key.compare(u"bios", Qt::CaseInsensitive) == 0)
        return Firmware::Bios;
    if (key.compare(u"uefi", Qt::CaseInsensitive) == 0 || key.compare(u"efi", Qt::CaseInsensitive) == 0)
        return Firmware::Uefi;
    return Firmware::Unknown;
}

bool GuestRoot::has(QStringView appKind) const
{
    for (const auto& a : apps) {
        if (a.kind == appKind)
            return true;
    }
    return false;
}

QString GuestRoot::displayName() const
{
    static const QRegularExpression letter(QStringLiteral("[A-Za-z]"));
    const bool known = !productName.isEmpty() && productName != u"unknown";
    // Debian's product name is just /etc/debian_version ("12.15"): put the distribution in front.
    if (known && letter.match(productName).hasMatch())
        return productName;
    static const QMap<QString, QString> names {{QStringLiteral("debian"), QStringLiteral("Debian")},
                                               {QStringLiteral("ubuntu"), QStringLiteral("Ubuntu")},
                                               {QStringLiteral("rhel"), QStringLiteral("RHEL")},
                                               {QStringLiteral("sles"), QStringLiteral("SLES")},
                                               {QStringLiteral("windows"), QStringLiteral("Windows")}};
    QString name = names.value(distro, distro);
    if (!name.isEmpty())
        name[0] = name[0].toUpper();
    const QString version = known ? productName : QString::number(majorVersion) + u'.' + QString::number(minorVersion);
    return name + u' ' + version;
}

QString GuestInfo::summary() const
{
    const GuestRoot* r = primaryRoot();
    QString s = r ? r->displayName() + u' ' + r->arch : Text::translate("Guest", "No operating system").toString();
    s += u", " + firmwareKey(firmware).toUpper();
    if (r && r->hasVmwareTools())
        s += u", " + Text::translate("Guest", "VMware tools installed").toString();
    return s;
}

Firmware firmwareFromLayout(const QList<GuestDisk>& disks, bool* hybrid)
{
    bool esp = false;
    bool biosBoot = false;
    for (const auto& d : disks) {
        for (const auto& p : d.partitions) {
            esp = esp || p.esp;
            biosBoot = biosBoot || p.biosBoot;
        }
    }
    if (hybrid)
        *hybrid = esp && biosBoot;
    if (disks.isEmpty())
        return Firmware::Unknown;
    return esp ? Firmware::Uefi : Firmware::Bios;
}

Firmware decideFirmware(Firmware vm, Firmware layout, bool hybrid, QStringList* warnings)
{
    if (vm == Firmware::Unknown)
        return layout == Firmware::Unknown ? Firmware::Bios : layout;
    if (layout != Firmware::Unknown && layout != vm && !hybrid && warnings) {
        if (vm == Firmware::Uefi) {
            warnings->append(
                Text::translate("Guest",
                                "The VM is set to UEFI but its disks have no EFI system partition; the target will use "
                                "UEFI as configured. If it does not boot, switch the VM to BIOS and migrate again.")
                    .toString());
        } else {
            warnings->append(
                Text::translate(
                    "Guest",
                    "The VM is set to BIOS but its disks have an EFI system partition; the target will use BIOS "
                    "as configured. If it does not boot, set the VM's firmware to EFI and migrate again.")
                    .toString());
        }
    }
    return vm;
}

QString appKindOf(const QString& name, const QString& displayName)
{
    // Debian/RPM package names first, then Windows display names (the registry's "VMware Tools").
    static const QRegularExpression vmware(QStringLiteral("^(open-vm-tools(-desktop)?|vmware-tools.*|VMwareTools)$"),
                                           QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression agent(QStringLiteral("^(qemu-guest-agent|qemu-ga)$"),
                                          QRegularExpression::CaseInsensitiveOption);
    if (vmware.match(name).hasMatch() || displayName.startsWith(u"VMware Tools", Qt::CaseInsensitive))
        return QStringLiteral("vmware-tools");
    if (agent.match(name).hasMatch() || displayName.startsWith(u"QEMU guest agent", Qt::CaseInsensitive))
        return QStringLiteral("qemu-guest-agent");
    if (name.compare(u"cloud-init", Qt::CaseInsensitive) == 0 || displayName.startsWith(u"Cloudbase-Init"))
        return QStringLiteral("cloud-init");
    if (displayName.startsWith(u"Virtio-win", Qt::CaseInsensitive) || name.startsWith(u"virtio-win"))
        return QStringLiteral("virtio-drivers");
    return {};
}

// ---- JSON ----

namespace {
QJsonArray toArray(const QStringList& list)
{
    return QJsonArray::fromStringList(list);
}

QStringList toStringList(const QJsonValue& v)
{
    QStringList out;
    for (const auto& e : v.toArray())
        out.append(e.toString());
    return out;
}

QJsonObject partitionJson(const GuestPartition& p)
{
    return {{u"device"_s, p.device},     {u"number"_s, p.number},    {u"start"_s, double(p.start)},
            {u"size"_s, double(p.size)}, {u"gptType"_s, p.gptType},  {u"mbrId"_s, p.mbrId},
            {u"esp"_s, p.esp},           {u"biosBoot"_s, p.biosBoot}};
}

GuestPartition partitionFrom(const QJsonObject& o)
{
    GuestPartition p;
    p.device = o[u"device"].toString();
    p.number = o[u"number"].toInt();
    p.start = quint64(o[u"start"].toDouble());
    p.size = quint64(o[u"size"].toDouble());
    p.gptType = o[u"gptType"].toString();
    p.mbrId = o[u"mbrId"].toInt(-1);
    p.esp = o[u"esp"].toBool();
    p.biosBoot = o[u"biosBoot"].toBool();
    return p;
}

QJsonObject filesystemJson(const GuestFilesystem& f)
{
    return {
        {u"device"_s, f.device},         {u"type"_s, f.type},         {u"label"_s, f.label},      {u"uuid"_s, f.uuid},
        {u"mountpoint"_s, f.mountpoint}, {u"size"_s, double(f.size)}, {u"used"_s, double(f.used)}};
}

GuestFilesystem filesystemFrom(const QJsonObject& o)
{
    GuestFilesystem f;
    f.device = o[u"device"].toString();
    f.type = o[u"type"].toString();
    f.label = o[u"label"].toString();
    f.uuid = o[u"uuid"].toString();
    f.mountpoint = o[u"mountpoint"].toString();
    f.size = qint64(o[u"size"].toDouble(-1));
    f.used = qint64(o[u"used"].toDouble(-1));
    return f;
}

QJsonObject rootJson(const GuestRoot& r)
{
    QJsonObject mps;
    for (auto it = r.mountpoints.cbegin(); it != r.mountpoints.cend(); ++it)
        mps.insert(it.key(), it.value());
    QJsonArray apps;
    for (const auto& a : r.apps)
        apps.append(QJsonObject {{u"kind"_s, a.kind}, {u"name"_s, a.name}, {u"version"_s, a.version}});
    return {{u"root"_s, r.root},
            {u"osType"_s, r.osType},
            {u"distro"_s, r.distro},
            {u"majorVersion"_s, r.majorVersion},
            {u"minorVersion"_s, r.minorVersion},
            {u"productName"_s, r.productName},
            {u"osinfo"_s, r.osinfo},
            {u"arch"_s, r.arch},
            {u"hostname"_s, r.hostname},
            {u"packageFormat"_s, r.packageFormat},
            {u"packageManagement"_s, r.packageManagement},
            {u"windowsSystemRoot"_s, r.windowsSystemRoot},
            {u"mountpoints"_s, mps},
            {u"applicationCount"_s, r.applicationCount},
            {u"apps"_s, apps},
            {u"nicConfig"_s, r.nicConfig.toJson()},
            {u"vmwareTools"_s, r.hasVmwareTools()}}; // convenience for event readers
}

GuestRoot rootFrom(const QJsonObject& o)
{
    GuestRoot r;
    r.root = o[u"root"].toString();
    r.osType = o[u"osType"].toString();
    r.distro = o[u"distro"].toString();
    r.majorVersion = o[u"majorVersion"].toInt();
    r.minorVersion = o[u"minorVersion"].toInt();
    r.productName = o[u"productName"].toString();
    r.osinfo = o[u"osinfo"].toString();
    r.arch = o[u"arch"].toString();
    r.hostname = o[u"hostname"].toString();
    r.packageFormat = o[u"packageFormat"].toString();
    r.packageManagement = o[u"packageManagement"].toString();
    r.windowsSystemRoot = o[u"windowsSystemRoot"].toString();
    const QJsonObject mps = o[u"mountpoints"].toObject();
    for (auto it = mps.begin(); it != mps.end(); ++it)
        r.mountpoints.insert(it.key(), it.value().toString());
    r.applicationCount = o[u"applicationCount"].toInt();
    for (const auto& v : o[u"apps"].toArray()) {
        const QJsonObject a = v.toObject();
        r.apps.append({a[u"kind"].toString(), a[u"name"].toString(), a[u"version"].toString()});
    }
    r.nicConfig = GuestNicConfig::fromJson(o[u"nicConfig"].toObject());
    return r;
}
} // namespace

QJsonObject GuestInfo::toJson() const
{
    QJsonArray ds;
    for (const auto& d : disks) {
        QJsonArray parts;
        for (const auto& p : d.partitions)
            parts.append(partitionJson(p));
        ds.append(QJsonObject {{u"device"_s, d.device},
                               {u"size"_s, double(d.size)},
                               {u"partitionTable"_s, d.partitionTable},
                               {u"partitions"_s, parts}});
    }
    QJsonArray fss;
    for (const auto& f : filesystems)
        fss.append(filesystemJson(f));
    QJsonArray rs;
    for (const auto& r : roots)
        rs.append(rootJson(r));
    return {{u"summary"_s, summary()},
            {u"firmware"_s, firmwareKey(firmware)},
            {u"layoutFirmware"_s, firmwareKey(layoutFirmware)},
            {u"vmFirmware"_s, firmwareKey(vmFirmware)},
            {u"disks"_s, ds},
            {u"filesystems"_s, fss},
            {u"lvm"_s,
             QJsonObject {{u"physicalVolumes"_s, toArray(lvm.physicalVolumes)},
                          {u"volumeGroups"_s, toArray(lvm.volumeGroups)},
                          {u"logicalVolumes"_s, toArray(lvm.logicalVolumes)}}},
            {u"roots"_s, rs},
            {u"warnings"_s, toArray(warnings)},
            {u"elapsedMs"_s, double(elapsedMs)}};
}

Error GuestInfo::incompleteRecord()
{
    return Error::make(
        errc::kGuestBadRecord,
        Text::translate("Guest", "The stored inspection result is incomplete; run Inspect again.").toString());
}

Result<GuestInfo> GuestInfo::fromJson(const QJsonObject& o)
{
    if (!o.contains(u"firmware") || !o[u"roots"].isArray() || !o[u"disks"].isArray())
        return std::unexpected(incompleteRecord());
    GuestInfo g;
    g.firmware = firmwareFromKey(o[u"firmware"].toString());
    g.layoutFirmware = firmwareFromKey(o[u"layoutFirmware"].toString());
    g.vmFirmware = firmwareFromKey(o[u"vmFirmware"].toString());
    for (const auto& v : o[u"disks"].toArray()) {
        const QJsonObject d = v.toObject();
        GuestDisk disk;
        disk.device = d[u"device"].toString();
        disk.size = quint64(d[u"size"].toDouble());
        disk.partitionTable = d[u"partitionTable"].toString();
        for (const auto& p : d[u"partitions"].toArray())
            disk.partitions.append(partitionFrom(p.toObject()));
        g.disks.append(disk);
    }
    for (const auto& v : o[u"filesystems"].toArray())
        g.filesystems.append(filesystemFrom(v.toObject()));
    const QJsonObject lvm = o[u"lvm"].toObject();
    g.lvm.physicalVolumes = toStringList(lvm[u"physicalVolumes"]);
    g.lvm.volumeGroups = toStringList(lvm[u"volumeGroups"]);
    g.lvm.logicalVolumes = toStringList(lvm[u"logicalVolumes"]);
    for (const auto& v : o[u"roots"].toArray())
        g.roots.append(rootFrom(v.toObject()));
    g.warnings = toStringList(o[u"warnings"]);
    g.elapsedMs = qint64(o[u"elapsedMs"].toDouble());
    return g;
}

} // namespace xms
