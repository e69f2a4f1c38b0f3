#include "types.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace xms::xloud {

QJsonObject toJson(const QMap<QString, QString>& map)
{
    QJsonObject o;
    for (auto it = map.begin(); it != map.end(); ++it)
        o.insert(it.key(), it.value());
    return o;
}

QMap<QString, QString> stringMap(const QJsonObject& o)
{
    QMap<QString, QString> m;
    for (auto it = o.begin(); it != o.end(); ++it)
        m.insert(it.key(), it->isString() ? it->toString() : it->toVariant().toString());
    return m;
}

namespace {
// Cinder sends some numbers and booleans as strings ("bootable": "true").
bool boolish(const QJsonValue& v)
{
    return v.isBool() ? v.toBool() : v.toString().compare(u"true", Qt::CaseInsensitive) == 0;
}
QJsonValue orNull(const QString& s)
{
    return s.isEmpty() ? QJsonValue() : QJsonValue(s);
}
} // namespace

QJsonObject AvailabilityZone::toJson() const
{
    return {{u"name"_s, name}, {u"available"_s, available}};
}

std::optional<qint64> QuotaItem::free() const
{
    if (limit < 0)
        return std::nullopt;
    return std::max<qint64>(0, limit - inUse - reserved);
}

QJsonObject QuotaItem::toJson() const
{
    const auto f = free();
    return {{u"limit"_s, limit},
            {u"in_use"_s, inUse},
            {u"reserved"_s, reserved},
            {u"free"_s, f ? QJsonValue(*f) : QJsonValue(u"unlimited"_s)}};
}

QJsonObject quotaListToJson(const QList<QuotaItem>& items)
{
    QJsonObject o;
    for (const QuotaItem& q : items)
        o.insert(q.name, q.toJson());
    return o;
}

// --- Compute -------------------------------------------------------------------------------------------
Flavor Flavor::fromJson(const QJsonObject& o)
{
    Flavor f;
    f.id = o.value(u"id").toVariant().toString();
    f.name = o.value(u"name").toString();
    f.vcpus = o.value(u"vcpus").toInt();
    f.ramMiB = o.value(u"ram").toInt();
    f.diskGiB = o.value(u"disk").toInt();
    f.ephemeralGiB = o.value(u"OS-FLV-EXT-DATA:ephemeral").toInt();
    f.isPublic = o.value(u"os-flavor-access:is_public").toBool(true);
    return f;
}

QJsonObject Flavor::toJson() const
{
    return {{u"id"_s, id},
            {u"name"_s, name},
            {u"vcpus"_s, vcpus},
            {u"ram_mib"_s, ramMiB},
            {u"disk_gib"_s, diskGiB},
            {u"ephemeral_gib"_s, ephemeralGiB},
            {u"is_public"_s, isPublic}};
}

QJsonObject ServerSpec::toJson() const
{
    QJsonArray bdms;
    for (const BlockDevice& b : volumes)
        bdms.append(QJsonObject {{u"uuid"_s, b.volumeId},
                                 {u"source_type"_s, u"volume"_s},
                                 {u"destination_type"_s, u"volume"_s},
                                 {u"boot_index"_s, b.bootIndex},
                                 {u"delete_on_termination"_s, b.deleteOnTermination}});
    QJsonObject server {{u"name"_s, name}, {u"flavorRef"_s, flavorId}, {u"block_device_mapping_v2"_s, bdms}};
    if (portIds.isEmpty()) {
        server.insert(u"networks", u"none"_s); // microversion ≥ 2.37 wants an explicit choice
    } else {
        QJsonArray nets;
        for (const QString& p : portIds)
            nets.append(QJsonObject {{u"port"_s, p}});
        server.insert(u"networks", nets);
    }
    if (!availabilityZone.isEmpty())
        server.insert(u"availability_zone", availabilityZone);
    if (!metadata.isEmpty())
        server.insert(u"metadata", xloud::toJson(metadata));
    if (!description.isEmpty())
        server.insert(u"description", description);
    return {{u"server"_s, server}};
}

Server Server::fromJson(const QJsonObject& o)
{
    Server s;
    s.id = o.value(u"id").toString();
    s.name = o.value(u"name").toString();
    s.status = o.value(u"status").toString();
    s.taskState = o.value(u"OS-EXT-STS:task_state").toString();
    s.availabilityZone = o.value(u"OS-EXT-AZ:availability_zone").toString();
    if (o.value(u"fault").isObject()) {
        const QJsonObject f = o.value(u"fault").toObject();
        s.fault
            = ServerFault {f.value(u"code").toInt(), f.value(u"message").toString(), f.value(u"details").toString()};
    }
    for (const QJsonValue& v : o.value(u"os-extended-volumes:volumes_attached").toArray())
        s.volumeIds.append(v.toObject().value(u"id").toString());
    s.addresses = o.value(u"addresses").toObject();
    s.metadata = stringMap(o.value(u"metadata").toObject());
    return s;
}

QJsonObject Server::toJson() const
{
    QJsonObject o {{u"id"_s, id},
                   {u"name"_s, name},
                   {u"status"_s, status},
                   {u"task_state"_s, orNull(taskState)},
                   {u"availability_zone"_s, availabilityZone},
                   {u"volumes"_s, QJsonArray::fromStringList(volumeIds)},
                   {u"addresses"_s, addresses}};
    if (fault)
        o.insert(u"fault", QJsonObject {{u"code"_s, fault->code}, {u"message"_s, fault->message}});
    return o;
}

// --- Block Storage -------------------------------------------------------------------------------------
VolumeType VolumeType::fromJson(const QJsonObject& o)
{
    return {o.value(u"id").toString(), o.value(u"name").toString(), o.value(u"description").toString(),
            o.value(u"is_public").toBool(o.value(u"os-volume-type-access:is_public").toBool(true))};
}

QJsonObject VolumeType::toJson() const
{
    return {{u"id"_s, id}, {u"name"_s, name}, {u"description"_s, description}, {u"is_public"_s, isPublic}};
}

QJsonObject VolumeSpec::toJson() const
{
    QJsonObject v {{u"size"_s, sizeGiB}};
    if (!name.isEmpty())
        v.insert(u"name", name);
    if (!description.isEmpty())
        v.insert(u"description", description);
    if (!volumeType.isEmpty())
        v.insert(u"volume_type", volumeType);
    if (!availabilityZone.isEmpty())
        v.insert(u"availability_zone", availabilityZone);
    if (!imageId.isEmpty())
        v.insert(u"imageRef", imageId);
    if (!metadata.isEmpty())
        v.insert(u"metadata", xloud::toJson(metadata));
    return {{u"volume"_s, v}};
}

Volume Volume::fromJson(const QJsonObject& o)
{
    Volume v;
    v.id = o.value(u"id").toString();
    v.name = o.value(u"name").toString();
    v.status = o.value(u"status").toString();
    v.sizeGiB = o.value(u"size").toInt();
    v.volumeType = o.value(u"volume_type").toString();
    v.availabilityZone = o.value(u"availability_zone").toString();
    v.bootable = boolish(o.value(u"bootable"));
    v.imageMetadata = stringMap(o.value(u"volume_image_metadata").toObject());
    v.metadata = stringMap(o.value(u"metadata").toObject());
    for (const QJsonValue& a : o.value(u"attachments").toArray())
        v.attachedServerIds.append(a.toObject().value(u"server_id").toString());
    return v;
}

QJsonObject Volume::toJson() const
{
    return {{u"id"_s, id},
            {u"name"_s, name},
            {u"status"_s, status},
            {u"size_gib"_s, sizeGiB},
            {u"volume_type"_s, volumeType},
            {u"availability_zone"_s, availabilityZone},
            {u"bootable"_s, bootable},
            {u"volume_image_metadata"_s, xloud::toJson(imageMetadata)},
            {u"metadata"_s, xloud::toJson(metadata)},
            {u"attached_to"_s, QJsonArray::fromStringList(attachedServerIds)}};
}

// --- Networking ----------------------------------------------------------------------------------------
Subnet Subnet::fromJson(const QJsonObject& o)
{
    return {o.value(u"id").toString(),           o.value(u"name").toString(),     o.value(u"network_id").toString(),
            o.value(u"cidr").toString(),         o.value(u"ip_version").toInt(4), o.value(u"gateway_ip").toString(),
            o.value(u"enable_dhcp").toBool(true)};
}

QJsonObject Subnet::toJson() const
{
    return {{u"id"_s, id},
            {u"name"_s, name},
            {u"cidr"_s, cidr},
            {u"ip_version"_s, ipVersion},
            {u"gateway_ip"_s, orNull(gatewayIp)},
            {u"enable_dhcp"_s, enableDhcp}};
}

Network Network::fromJson(const QJsonObject& o)
{
    Network n;
    n.id = o.value(u"id").toString();
    n.name = o.value(u"name").toString();
    n.projectId = o.value(u"project_id").toString(o.value(u"tenant_id").toString());
    n.status = o.value(u"status").toString();
    n.shared = o.value(u"shared").toBool();
    n.external = o.value(u"router:external").toBool();
    n.adminStateUp = o.value(u"admin_state_up").toBool(true);
    for (const QJsonValue& s : o.value(u"subnets").toArray())
        n.subnetIds.append(s.toString());
    return n;
}

QJsonObject Network::toJson() const
{
    QJsonArray subs;
    for (const Subnet& s : subnets)
        subs.append(s.toJson());
    return {{u"id"_s, id},
            {u"name"_s, name},
            {u"project_id"_s, projectId},
            {u"status"_s, status},
            {u"shared"_s, shared},
            {u"router:external"_s, external},
            {u"admin_state_up"_s, adminStateUp},
            {u"subnets"_s, subs}};
}

QJsonObject PortSpec::toJson() const
{
    QJsonObject p {{u"network_id"_s, networkId}};
    if (!name.isEmpty())
        p.insert(u"name", name);
    if (!description.isEmpty())
        p.insert(u"description", description);
    if (!macAddress.isEmpty())
        p.insert(u"mac_address", macAddress);
    if (!subnetId.isEmpty() || !ipAddress.isEmpty()) {
        QJsonObject ip;
        if (!subnetId.isEmpty())
            ip.insert(u"subnet_id", subnetId);
        if (!ipAddress.isEmpty())
            ip.insert(u"ip_address", ipAddress);
        p.insert(u"fixed_ips", QJsonArray {ip});
    }
    return {{u"port"_s, p}};
}

Port Port::fromJson(const QJsonObject& o)
{
    Port p;
    p.id = o.value(u"id").toString();
    p.name = o.value(u"name").toString();
    p.networkId = o.value(u"network_id").toString();
    p.macAddress = o.value(u"mac_address").toString();
    for (const QJsonValue& v : o.value(u"fixed_ips").toArray())
        p.fixedIps.append({v.toObject().value(u"subnet_id").toString(), v.toObject().value(u"ip_address").toString()});
    p.status = o.value(u"status").toString();
    p.deviceId = o.value(u"device_id").toString();
    p.deviceOwner = o.value(u"device_owner").toString();
    p.projectId = o.value(u"project_id").toString(o.value(u"tenant_id").toString());
    return p;
}

QJsonObject Port::toJson() const
{
    QJsonArray ips;
    for (const FixedIp& ip : fixedIps)
        ips.append(QJsonObject {{u"subnet_id"_s, ip.subnetId}, {u"ip_address"_s, ip.ipAddress}});
    return {
        {u"id"_s, id},         {u"name"_s, name},     {u"network_id"_s, networkId}, {u"mac_address"_s, macAddress},
        {u"fixed_ips"_s, ips}, {u"status"_s, status}, {u"device_id"_s, deviceId},   {u"device_owner"_s, deviceOwner}};
}

// --- Image ---------------------------------------------------------------------------------------------
QJsonObject ImageSpec::toJson() const
{
    QJsonObject o {{u"name"_s, name},
                   {u"disk_format"_s, diskFormat},
                   {u"container_format"_s, containerFormat},
                   {u"visibility"_s, visibility}};
    if (minDiskGiB > 0)
        o.insert(u"min_disk", minDiskGiB);
    if (minRamMiB > 0)
        o.insert(u"min_ram", minRamMiB);
    // Glance v2 takes extra properties as top-level string attributes.
    for (auto it = properties.begin(); it != properties.end(); ++it)
        o.insert(it.key(), it.value());
    return o;
}

Image Image::fromJson(const QJsonObject& o)
{
    static const QStringList core = {u"id"_s,
                                     u"name"_s,
                                     u"status"_s,
                                     u"size"_s,
                                     u"virtual_size"_s,
                                     u"disk_format"_s,
                                     u"container_format"_s,
                                     u"checksum"_s,
                                     u"os_hash_algo"_s,
                                     u"os_hash_value"_s,
                                     u"visibility"_s,
                                     u"owner"_s,
                                     u"protected"_s,
                                     u"os_hidden"_s,
                                     u"tags"_s,
                                     u"self"_s,
                                     u"file"_s,
                                     u"schema"_s,
                                     u"created_at"_s,
                                     u"updated_at"_s,
                                     u"min_disk"_s,
                                     u"min_ram"_s,
                                     u"locations"_s,
                                     u"direct_url"_s,
                                     u"stores"_s};
    Image i;
    i.id = o.value(u"id").toString();
    i.name = o.value(u"name").toString();
    i.status = o.value(u"status").toString();
    i.size = o.value(u"size").toInteger();
    i.diskFormat = o.value(u"disk_format").toString();
    i.containerFormat = o.value(u"container_format").toString();
    i.checksum = o.value(u"checksum").toString();
    i.hashAlgo = o.value(u"os_hash_algo").toString();
    i.hashValue = o.value(u"os_hash_value").toString();
    for (auto it = o.begin(); it != o.end(); ++it)
        if (it->isString() && !core.contains(it.key()))
            i.properties.insert(it.key(), it->toString());
    return i;
}

QJsonObject Image::toJson() const
{
    return {{u"id"_s, id},
            {u"name"_s, name},
            {u"status"_s, status},
            {u"size"_s, size},
            {u"disk_format"_s, diskFormat},
            {u"container_format"_s, containerFormat},
            {u"checksum"_s, checksum},
            {u"os_hash_algo"_s, hashAlgo},
            {u"os_hash_value"_s, hashValue},
            {u"properties"_s, xloud::toJson(properties)}};
}

} // namespace xms::xloud
