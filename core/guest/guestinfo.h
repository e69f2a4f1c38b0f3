#pragma once

#include "common/error.h"
#include "guest/nicnames.h"

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace xms {

// How a guest boots. vSphere calls UEFI "efi"; libosinfo and Glance call it "uefi".
enum class Firmware { Unknown, Bios, Uefi };
QString firmwareKey(Firmware firmware); // "unknown" | "bios" | "uefi"
Firmware firmwareFromKey(QStringView key); // also accepts vSphere's "efi"

// The GPT partition type GUIDs the firmware decision looks at.
inline constexpr QLatin1StringView kEspGptType {"C12A7328-F81F-11D2-BA4B-00A0C93EC93B"};
inline constexpr QLatin1StringView kBiosBootGptType {"21686148-6449-6E6F-744E-656564454649"};

struct GuestPartition
{
    QString device; // "/dev/sda1" (libguestfs names: disks in the order they were added)
    int number = 0;
    quint64 start = 0;
    quint64 size = 0;
    QString gptType; // GPT type GUID, upper case; empty on MBR
    int mbrId = -1; // MBR partition type byte; -1 on GPT
    bool esp = false; // EFI system partition (GPT type or MBR 0xEF)
    bool biosBoot = false; // GPT "BIOS boot" partition (GRUB's core image on a BIOS/GPT disk)

    bool operator==(const GuestPartition&) const = default;
};

struct GuestDisk
{
    QString device; // "/dev/sda"
    quint64 size = 0;
    QString partitionTable; // "gpt", "msdos", or empty when the disk has none
    QList<GuestPartition> partitions;

    bool operator==(const GuestDisk&) const = default;
};

struct GuestFilesystem
{
    QString device; // partition, LV or whole disk
    QString type; // "ext4", "xfs", "ntfs", "vfat", "swap", "unknown" …
    QString label;
    QString uuid;
    QString mountpoint; // where the guest mounts it ("/", "/boot/efi"), empty when not in its fstab
    qint64 size = -1; // bytes; file system size when it could be mounted, else the device size
    qint64 used = -1; // bytes; -1 when the file system could not be mounted

    bool operator==(const GuestFilesystem&) const = default;
};

struct GuestLvm
{
    QStringList physicalVolumes;
    QStringList volumeGroups;
    QStringList logicalVolumes;
    bool isEmpty() const { return physicalVolumes.isEmpty() && volumeGroups.isEmpty() && logicalVolumes.isEmpty(); }

    bool operator==(const GuestLvm&) const = default;
};

// An installed application that changes what the migration does (tools to remove, agents already there).
struct GuestApp
{
    QString kind; // "vmware-tools", "qemu-guest-agent", "cloud-init", "virtio-drivers"
    QString name; // package or Windows display name
    QString version;

    bool operator==(const GuestApp&) const = default;
};

// One operating system found by inspection (a disk set usually has exactly one).
struct GuestRoot
{
    QString root; // the root file system's device
    QString osType; // "linux", "windows", … (libguestfs inspect_get_type)
    QString distro; // "debian", "rhel", "windows", …
    int majorVersion = 0;
    int minorVersion = 0;
    QString productName; // "Debian GNU/Linux 12 (bookworm)"
    QString osinfo; // libosinfo short id, "debian12"; may be "unknown"
    QString arch; // "x86_64"
    QString hostname;
    QString packageFormat; // "deb", "rpm", …
    QString packageManagement; // "apt", "dnf", …
    QString windowsSystemRoot; // "/Windows" on Windows guests
    QMap<QString, QString> mountpoints; // guest mount point → device, from its fstab / registry
    int applicationCount = 0;
    QList<GuestApp> apps; // only the ones that matter (see GuestApp::kind)
    GuestNicConfig nicConfig; // Linux: what its network configuration calls its NICs

    bool has(QStringView appKind) const;
    bool hasVmwareTools() const { return has(u"vmware-tools"); }
    QString displayName() const; // product name, or "<distro> <major>.<minor>"

    bool operator==(const GuestRoot&) const = default;
};

// What Inspect learned about a VM's disks. Stored with the job (as JSON) and sent in inspect.completed.
struct GuestInfo
{
    QList<GuestDisk> disks;
    QList<GuestFilesystem> filesystems;
    GuestLvm lvm;
    QList<GuestRoot> roots;
    Firmware layoutFirmware = Firmware::Unknown; // what the partitions say (ESP → UEFI)
    Firmware vmFirmware = Firmware::Unknown; // what the source VM is configured with
    Firmware firmware = Firmware::Unknown; // the decision the target uses
    QStringList warnings; // for the job's events (firmware disagreement, several roots …)
    qint64 elapsedMs = 0;

    // The root that boots: the only one, or the first in libguestfs' order. Null when there is none.
    const GuestRoot* primaryRoot() const { return roots.isEmpty() ? nullptr : &roots.first(); }
    // One line for events and logs: "Debian GNU/Linux 12 (bookworm) x86_64, BIOS, VMware tools installed".
    QString summary() const;

    QJsonObject toJson() const;
    static Result<GuestInfo> fromJson(const QJsonObject& o); // incompleteRecord() when o lacks the essentials
    // "guest.bad_record": there is no usable inspection result (none stored, or one that cannot be read).
    static Error incompleteRecord();

    bool operator==(const GuestInfo&) const = default;
};

// Firmware from the disk layout: any ESP (GPT type or MBR 0xEF) means UEFI, otherwise BIOS; Unknown when
// there are no disks. A GPT disk with both an ESP and a BIOS boot partition boots either way (hybrid).
Firmware firmwareFromLayout(const QList<GuestDisk>& disks, bool* hybrid = nullptr);
// Decides the target firmware. The VM's setting wins when known (it is what booted the guest on VMware);
// a disagreement with the layout becomes a warning in *warnings.
Firmware decideFirmware(Firmware vm, Firmware layout, bool hybrid, QStringList* warnings);

// Which GuestApp kind an installed package / Windows program is, or an empty string when it does not matter.
QString appKindOf(const QString& name, const QString& displayName);

} // namespace xms
