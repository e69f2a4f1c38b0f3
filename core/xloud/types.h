#pragma once

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <optional>

// Value types of the Xloud services, read from their JSON and written as the JSON of
// `xms cloud resources --output json` (snake_case keys, as OpenStack's own).
namespace xms::xloud {

struct AvailabilityZone
{
    QString name;
    bool available = true;
    QJsonObject toJson() const;
};

// One quota of a project: limit (-1 = unlimited), what is in use, and what is left.
struct QuotaItem
{
    QString name; // the service's own key: "instances", "gigabytes_ssd", "port" …
    qint64 limit = -1;
    qint64 inUse = 0;
    qint64 reserved = 0;
    std::optional<qint64> free() const; // nullopt when unlimited
    QJsonObject toJson() const;
};
QJsonObject quotaListToJson(const QList<QuotaItem>& items);

// --- Compute -------------------------------------------------------------------------------------------
struct Flavor
{
    QString id;
    QString name;
    int vcpus = 0;
    int ramMiB = 0;
    int diskGiB = 0;
    int ephemeralGiB = 0;
    bool isPublic = true;
    static Flavor fromJson(const QJsonObject& o);
    QJsonObject toJson() const;
};

struct BlockDevice
{
    QString volumeId;
    int bootIndex = -1; // 0 = the boot disk; -1 = a data disk
    bool deleteOnTermination = false;
};

struct ServerSpec
{
    QString name;
    QString flavorId;
    QString availabilityZone; // empty: the cloud's default
    QList<BlockDevice> volumes; // boot from volume: one with bootIndex 0
    QStringList portIds; // NICs in order, pre-created Neutron ports
    QMap<QString, QString> metadata;
    QString description;
    QJsonObject toJson() const; // the POST /servers body
};

struct ServerFault
{
    int code = 0;
    QString message;
    QString details;
};

struct Server
{
    QString id;
    QString name;
    QString status; // BUILD, ACTIVE, SHUTOFF, ERROR …
    QString taskState;
    QString availabilityZone;
    std::optional<ServerFault> fault;
    QStringList volumeIds;
    QJsonObject addresses;
    QMap<QString, QString> metadata; // ours carry "xms_job" so cleanup can tell them apart
    static Server fromJson(const QJsonObject& o);
    QJsonObject toJson() const;
};

// --- Block Storage -------------------------------------------------------------------------------------
struct VolumeType
{
    QString id;
    QString name;
    QString description;
    bool isPublic = true;
    static VolumeType fromJson(const QJsonObject& o);
    QJsonObject toJson() const;
};

struct VolumeSpec
{
    QString name;
    int sizeGiB = 1;
    QString volumeType; // name or id; empty: the cloud's default type
    QString availabilityZone;
    QString imageId; // create from this Glance image
    QMap<QString, QString> metadata;
    QString description;
    QJsonObject toJson() const; // the POST /volumes body
};

struct Volume
{
    QString id;
    QString name;
    QString status; // creating, downloading, available, in-use, error …
    int sizeGiB = 0;
    QString volumeType;
    QString availabilityZone;
    bool bootable = false;
    QMap<QString, QString> imageMetadata; // volume_image_metadata: the image's properties (hw_* …)
    QMap<QString, QString> metadata;
    QStringList attachedServerIds;
    static Volume fromJson(const QJsonObject& o);
    QJsonObject toJson() const;
};

// --- Networking ----------------------------------------------------------------------------------------
struct Subnet
{
    QString id;
    QString name;
    QString networkId;
    QString cidr;
    int ipVersion = 4;
    QString gatewayIp;
    bool enableDhcp = true;
    static Subnet fromJson(const QJsonObject& o);
    QJsonObject toJson() const;
};

struct Network
{
    QString id;
    QString name;
    QString projectId;
    QString status;
    bool shared = false;
    bool external = false; // router:external
    bool adminStateUp = true;
    QStringList subnetIds;
    QList<Subnet> subnets; // filled by NetworkClient::networksWithSubnets
    static Network fromJson(const QJsonObject& o);
    QJsonObject toJson() const;
};

struct PortSpec
{
    QString networkId;
    QString subnetId; // optional: the subnet the address comes from
    QString ipAddress; // optional fixed address
    QString macAddress; // optional: keep the source NIC's MAC
    QString name;
    QString description;
    QJsonObject toJson() const; // the POST /ports body
};

struct FixedIp
{
    QString subnetId;
    QString ipAddress;
};

struct Port
{
    QString id;
    QString name;
    QString networkId;
    QString macAddress;
    QList<FixedIp> fixedIps;
    QString status;
    QString deviceId;
    QString deviceOwner;
    QString projectId;
    static Port fromJson(const QJsonObject& o);
    QJsonObject toJson() const;
};

// --- Image ---------------------------------------------------------------------------------------------
struct ImageSpec
{
    QString name;
    QString diskFormat = QStringLiteral("raw"); // raw, qcow2, vmdk …
    QString containerFormat = QStringLiteral("bare");
    QString visibility = QStringLiteral("private");
    int minDiskGiB = 0;
    int minRamMiB = 0;
    QMap<QString, QString> properties; // hw_disk_bus, hw_firmware_type, os_type …
    QJsonObject toJson() const; // the POST /v2/images body
};

struct Image
{
    QString id;
    QString name;
    QString status; // queued, saving, importing, active, killed, deleted …
    qint64 size = 0;
    QString diskFormat;
    QString containerFormat;
    QString checksum; // md5
    QString hashAlgo; // os_hash_algo
    QString hashValue; // os_hash_value
    QMap<QString, QString> properties;
    static Image fromJson(const QJsonObject& o);
    QJsonObject toJson() const;
};

QJsonObject toJson(const QMap<QString, QString>& map);
QMap<QString, QString> stringMap(const QJsonObject& o);

} // namespace xms::xloud
