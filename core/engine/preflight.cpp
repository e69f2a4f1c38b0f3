#include "preflight.h"

#include "common/paths.h"
#include "common/text.h"
#include "engine/cloudsession.h"
#include "engine/enginesettings.h"
#include "engine/exportstage.h"
#include "engine/finalizestage.h"
#include "engine/keepip.h"
#include "secrets/secretstore.h"
#include "store/jobstore.h"
#include "store/store.h"
#include "vsphere/discovery.h"
#include "vsphere/session.h"
#include "xloud/networkclient.h"
#include "xloud/session.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>
#include <QStorageInfo>

namespace xms {

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kGiB = 1024LL * 1024 * 1024;

PreflightCheck check(QString category, QString key, Verdict v, QString message, QString fix = {})
{
    return {std::move(category), std::move(key), v, std::move(message), std::move(fix)};
}

const xloud::QuotaItem* quota(const QList<xloud::QuotaItem>& items, const QString& name)
{
    for (const xloud::QuotaItem& q : items)
        if (q.name == name)
            return &q;
    return nullptr;
}

// One quota against what the job adds; Block naming the quota when it does not fit.
void checkQuota(PreflightReport& r, const QString& category, const QList<xloud::QuotaItem>& items, const QString& name,
                qint64 need, const QString& unit)
{
    const xloud::QuotaItem* q = quota(items, name);
    if (!q)
        return;
    const std::optional<qint64> free = q->free();
    if (free && *free < need)
        r.add(
            check(category, u"target.quota." + name, Verdict::Block,
                  Text::translate("xms", "Quota %1 exceeded: the migration needs %2 %3, the project has %4 of %5 left")
                      .toString()
                      .arg(name)
                      .arg(need)
                      .arg(unit)
                      .arg(std::max<qint64>(0, *free))
                      .arg(q->limit),
                  Text::translate("xms", "Ask the cloud administrator to raise quota %1, or free some in the project.")
                      .toString()
                      .arg(name)));
}

void sourceChecks(PreflightReport& r, const vsphere::VmInfo& vm, const PreflightInput& in)
{
    const QString& firmware = vm.firmware;
    if (vm.isTemplate)
        r.add(check(u"Compute"_s, u"compute.template"_s, Verdict::Block,
                    Text::translate("xms", "This is a VM template, not a VM").toString(),
                    Text::translate("xms", "Deploy a VM from the template in vSphere and migrate that.").toString()));
    const QString& conn = vm.connectionState;
    if (!conn.isEmpty() && conn != u"connected")
        r.add(check(u"Source"_s, u"source.vm_connection"_s, Verdict::Block,
                    Text::translate("xms", "vSphere reports the VM as %1").toString().arg(conn),
                    Text::translate("xms", "Reconnect its host or register the VM again in vSphere.").toString()));
    if (firmware == u"efi" && vm.secureBoot)
        r.add(check(
            u"Compute"_s, u"compute.secure_boot"_s, Verdict::Warn,
            Text::translate("xms", "UEFI Secure Boot is on; the instance boots UEFI without Secure Boot").toString(),
            Text::translate("xms",
                            "Nothing to do unless the guest requires Secure Boot; then enable it on the instance "
                            "after migration where the cloud supports it.")
                .toString()));
    else
        r.add(check(u"Compute"_s, u"compute.firmware"_s, Verdict::Pass,
                    Text::translate("xms", "Firmware %1")
                        .toString()
                        .arg(firmware == u"efi" ? Text::translate("xms", "UEFI").toString()
                                                : Text::translate("xms", "BIOS").toString())));
    const int hw = vm.hardwareVersion.mid(4).toInt();
    if (hw > 0 && hw < 7)
        r.add(
            check(u"Compute"_s, u"compute.hardware_version"_s, Verdict::Warn,
                  Text::translate("xms", "Hardware version %1 is very old").toString().arg(hw),
                  Text::translate("xms", "Upgrade the VM's compatibility in vSphere if the export fails.").toString()));

    if (vm.disks.isEmpty())
        r.add(check(u"Storage"_s, u"storage.no_disks"_s, Verdict::Block,
                    Text::translate("xms", "The VM has no disks to migrate").toString(),
                    Text::translate("xms", "Attach the VM's disks in vSphere.").toString()));
    for (const vsphere::DiskInfo& d : vm.disks) {
        const QString& label = d.label;
        if (d.isRdm())
            r.add(check(u"Storage"_s, u"storage.rdm"_s, Verdict::Block,
                        Text::translate("xms", "%1 is a raw device mapping (RDM)").toString().arg(label),
                        Text::translate("xms",
                                        "Migrate the LUN's data separately, or convert it to a virtual disk (Storage "
                                        "vMotion with a disk format change) first.")
                            .toString()));
        else if (d.isIndependent())
            r.add(check(
                u"Storage"_s, u"storage.independent_disk"_s, Verdict::Block,
                Text::translate("xms", "%1 is an independent disk (%2)").toString().arg(label, d.diskMode),
                Text::translate("xms",
                                "Change the disk mode to Dependent in vSphere (VM powered off), then run preflight "
                                "again.")
                    .toString()));
        if (d.isMultiWriter())
            r.add(check(u"Storage"_s, u"storage.shared_disk"_s, Verdict::Block,
                        Text::translate("xms", "%1 is shared with other VMs (multi-writer)").toString().arg(label),
                        Text::translate("xms",
                                        "Detach the shared disk; shared storage must be rebuilt in Xloud (multi-attach "
                                        "volume type).")
                            .toString()));
    }
    if (vm.hasSnapshot)
        r.add(check(
            u"Storage"_s, u"storage.snapshot"_s, Verdict::Warn,
            Text::translate("xms", "The VM has snapshots; the migration copies its current state only").toString(),
            Text::translate("xms",
                            "Delete or consolidate snapshots you do not need, so the export reads one disk chain.")
                .toString()));

    const QString& guestId = vm.guestId;
    const QString& guestName = vm.guestFullName;
    if (guestId.startsWith(u"win", Qt::CaseInsensitive)) {
        if (in.virtioWin.isEmpty() || !QFileInfo::exists(in.virtioWin))
            r.add(check(u"Guest"_s, u"guest.virtio_win"_s, Verdict::Block,
                        Text::translate("xms", "%1 is Windows and needs VirtIO drivers, but no virtio-win ISO is set")
                            .toString()
                            .arg(guestName),
                        Text::translate("xms",
                                        "Download virtio-win.iso (Fedora's virtio-win project) and set it with 'xms "
                                        "settings set guest/virtio-win PATH' or in Settings, then run preflight again.")
                            .toString()));
        else
            r.add(check(u"Guest"_s, u"guest.os"_s, Verdict::Pass,
                        Text::translate("xms", "%1, drivers from %2")
                            .toString()
                            .arg(guestName, QDir::toNativeSeparators(in.virtioWin))));
    } else if (guestId.isEmpty() || guestId.startsWith(u"other", Qt::CaseInsensitive)) {
        r.add(check(u"Guest"_s, u"guest.os"_s, Verdict::Warn,
                    Text::translate("xms", "vSphere does not know the guest OS (%1)")
                        .toString()
                        .arg(guestId.isEmpty() ? Text::translate("xms", "none").toString() : guestId),
                    Text::translate("xms",
                                    "Inspection decides during the job; set the guest OS in the VM's settings to know "
                                    "now.")
                        .toString()));
    } else {
        r.add(check(u"Guest"_s, u"guest.os"_s, Verdict::Pass, guestName.isEmpty() ? guestId : guestName));
    }

    const qint64 need = vm.totalDiskBytes() + kStagingReserveBytes + in.alreadyQueuedBytes;
    if (in.stagingFreeBytes >= 0 && in.stagingFreeBytes < need)
        r.add(check(u"Storage"_s, u"storage.staging_space"_s, Verdict::Block,
                    Text::translate("xms", "Staging needs %1 GiB, %2 GiB are free")
                        .toString()
                        .arg(double(need) / kGiB, 0, 'f', 1)
                        .arg(double(in.stagingFreeBytes) / kGiB, 0, 'f', 1),
                    Text::translate("xms", "Free space in the staging directory or choose another one in Settings.")
                        .toString()));
}

} // namespace

qint64 stagingStillNeeded(const QList<JobRecord>& jobs)
{
    qint64 bytes = 0;
    for (const JobRecord& j : jobs) {
        if (!isTerminal(j.stage) && j.stage <= Stage::GuestFixes && j.checkpoint.isEmpty())
            bytes += j.bytesTotal;
    }
    return bytes;
}

namespace {

void targetChecks(PreflightReport& r, const vsphere::VmInfo& vm, const MigrationSpec& spec,
                  const xloud::CloudResources& t, const PreflightInput& in)
{
    const int cpus = vm.numCpus;
    const qint64 ramMiB = vm.memoryMB;
    const xloud::Flavor* flavor = nullptr;
    for (const xloud::Flavor& f : t.flavors)
        if (f.id == spec.flavor || f.name == spec.flavor)
            flavor = &f;
    if (!flavor)
        r.add(check(u"Target"_s, u"target.flavor"_s, Verdict::Block,
                    Text::translate("xms", "Flavor %1 is not available in project %2")
                        .toString()
                        .arg(spec.flavor, t.projectName),
                    Text::translate("xms", "Pick one of the flavors 'xms cloud resources' lists.").toString()));
    else if (flavor->vcpus < cpus || flavor->ramMiB < ramMiB)
        r.add(check(u"Compute"_s, u"target.flavor_fit"_s, Verdict::Block,
                    Text::translate("xms", "Flavor %1 (%2 vCPU, %3 MiB) is smaller than the source (%4 vCPU, %5 MiB)")
                        .toString()
                        .arg(flavor->name)
                        .arg(flavor->vcpus)
                        .arg(flavor->ramMiB)
                        .arg(cpus)
                        .arg(ramMiB),
                    Text::translate("xms", "Choose a flavor with at least %1 vCPU and %2 MiB RAM.")
                        .toString()
                        .arg(cpus)
                        .arg(ramMiB)));
    else
        r.add(check(u"Compute"_s, u"target.flavor_fit"_s, Verdict::Pass,
                    Text::translate("xms", "Flavor %1 fits (%2 vCPU, %3 MiB)")
                        .toString()
                        .arg(flavor->name)
                        .arg(flavor->vcpus)
                        .arg(flavor->ramMiB)));

    QString typeName = spec.volumeType;
    if (!spec.volumeType.isEmpty()) {
        bool found = false;
        for (const xloud::VolumeType& vt : t.volumeTypes)
            if (vt.id == spec.volumeType || vt.name == spec.volumeType) {
                found = true;
                typeName = vt.name;
            }
        if (!found)
            r.add(
                check(u"Target"_s, u"target.volume_type"_s, Verdict::Block,
                      Text::translate("xms", "Volume type %1 does not exist").toString().arg(spec.volumeType),
                      Text::translate("xms", "Pick one of the volume types 'xms cloud resources' lists.").toString()));
    }
    if (!spec.availabilityZone.isEmpty()) {
        bool found = false;
        for (const xloud::AvailabilityZone& z : t.computeZones)
            found = found || z.name == spec.availabilityZone;
        if (!found)
            r.add(check(
                u"Target"_s, u"target.availability_zone"_s, Verdict::Block,
                Text::translate("xms", "Availability zone %1 does not exist").toString().arg(spec.availabilityZone),
                Text::translate("xms", "Leave the zone empty for the default, or pick a listed one.").toString()));
    }

    // Quota headroom for what this job adds.
    const QList<vsphere::DiskInfo>& disks = vm.disks;
    qint64 gib = 0;
    for (const vsphere::DiskInfo& d : disks)
        gib += std::max<qint64>(1, (d.capacityBytes + kGiB - 1) / kGiB);
    const QList<vsphere::NicInfo>& nics = vm.nics;
    checkQuota(r, u"Compute"_s, t.quota.compute, u"instances"_s, 1, Text::translate("xms", "instance").toString());
    checkQuota(r, u"Compute"_s, t.quota.compute, u"cores"_s, flavor ? flavor->vcpus : cpus,
               Text::translate("xms", "vCPU").toString());
    checkQuota(r, u"Compute"_s, t.quota.compute, u"ram"_s, flavor ? flavor->ramMiB : ramMiB,
               Text::translate("xms", "MiB").toString());
    checkQuota(r, u"Storage"_s, t.quota.volume, u"volumes"_s, disks.size(),
               Text::translate("xms", "volumes").toString());
    checkQuota(r, u"Storage"_s, t.quota.volume, u"gigabytes"_s, gib, Text::translate("xms", "GiB").toString());
    if (!typeName.isEmpty()) {
        checkQuota(r, u"Storage"_s, t.quota.volume, u"volumes_" + typeName, disks.size(),
                   Text::translate("xms", "volumes").toString());
        checkQuota(r, u"Storage"_s, t.quota.volume, u"gigabytes_" + typeName, gib,
                   Text::translate("xms", "GiB").toString());
    }
    checkQuota(r, u"Network"_s, t.quota.network, u"port"_s, nics.size(), Text::translate("xms", "ports").toString());

    for (const vsphere::NicInfo& nic : nics) {
        const QString& label = nic.label;
        const QString& net = nic.network;
        const QString& mac = nic.macAddress;
        const int m = mappingFor(spec.networks, label, net);
        if (m < 0) {
            r.add(
                check(u"Network"_s, u"network.unmapped"_s, Verdict::Block,
                      Text::translate("xms", "%1 (on %2) is not mapped to a target network").toString().arg(label, net),
                      Text::translate("xms", "Map it, e.g. --network-map '%1=NETWORK'.").toString().arg(net)));
            continue;
        }
        const NicMapping& map = spec.networks.at(m);
        const xloud::Network* target = nullptr;
        for (const xloud::Network& n : t.networks)
            if (n.id == map.targetNetwork || n.name == map.targetNetwork)
                target = &n;
        if (!target) {
            r.add(check(u"Network"_s, u"network.not_found"_s, Verdict::Block,
                        Text::translate("xms", "Network %1 (for %2) does not exist in project %3")
                            .toString()
                            .arg(map.targetNetwork, label, t.projectName),
                        Text::translate("xms", "Pick one of the networks 'xms cloud resources' lists.").toString()));
            continue;
        }
        bool subnetOk = map.targetSubnet.isEmpty();
        for (const xloud::Subnet& s : target->subnets)
            subnetOk = subnetOk || s.id == map.targetSubnet || s.name == map.targetSubnet;
        if (!subnetOk)
            r.add(check(u"Network"_s, u"network.subnet"_s, Verdict::Block,
                        Text::translate("xms", "Subnet %1 is not part of network %2")
                            .toString()
                            .arg(map.targetSubnet, target->name),
                        Text::translate("xms", "Pick a subnet of %1.").toString().arg(target->name)));
        else
            r.add(check(u"Network"_s, u"network.mapped"_s, Verdict::Pass,
                        Text::translate("xms", "%1 → %2").toString().arg(label, target->name)));
        if (subnetOk && map.keepIp)
            for (PreflightCheck& c : keepIpChecks(nic, vm.guestNetwork, map, *target, in.ipsInUse))
                r.add(std::move(c));
        if (!map.keepMac)
            continue;
        const Verdict onRefusal = spec.macFallback == MigrationSpec::MacFallback::Fail ? Verdict::Block : Verdict::Warn;
        const QString fallbackNote = spec.macFallback == MigrationSpec::MacFallback::Fail
            ? Text::translate("xms", "Untick Keep MAC, or allow a new MAC (--mac-fallback new).").toString()
            : Text::translate("xms",
                              "The instance will get a new MAC; update DHCP reservations or licences bound to it.")
                  .toString();
        if (target->shared && target->projectId != t.projectId)
            r.add(check(u"Network"_s, u"network.mac_policy"_s, onRefusal,
                        Text::translate("xms",
                                        "%1 cannot keep MAC %2: %3 is a shared network, where Xloud lets only "
                                        "administrators choose a MAC")
                            .toString()
                            .arg(label, mac, target->name),
                        fallbackNote));
        for (const auto& [usedMac, portId] : in.macsInUse)
            if (usedMac.compare(mac, Qt::CaseInsensitive) == 0)
                r.add(check(u"Network"_s, u"network.mac_in_use"_s, onRefusal,
                            Text::translate("xms", "MAC %1 of %2 is already used by port %3")
                                .toString()
                                .arg(mac, label, portId),
                            fallbackNote));
    }
}

} // namespace

// The same VM must not run twice at once, nor be migrated again by accident; a second instance of the same
// name in the project is allowed by Nova but confusing.
void priorJobChecks(PreflightReport& r, const PreflightInput& in)
{
    const bool again = in.spec && in.spec->again;
    for (const JobRecord& j : in.jobsForVm) {
        const QString id = j.id.left(8);
        if (!isTerminal(j.stage)) {
            r.add(check(
                u"Source"_s, u"source.vm_has_job"_s, Verdict::Block,
                Text::translate("xms::Preflight", "%1 already has migration job %2 (%3).")
                    .toString()
                    .arg(in.vm.name, id, stageName(j.stage)),
                Text::translate("xms::Preflight", "Wait for job %1 to end, or cancel it ('xms migration cancel %1').")
                    .toString()
                    .arg(id)));
        } else if (j.stage == Stage::Completed) {
            const QString when = j.finishedAt.toLocalTime().toString(u"yyyy-MM-dd HH:mm"_s);
            const QString instance = j.spec.value(u"instance_name").toString();
            const QString message
                = Text::translate("xms::Preflight", "%1 was already migrated by job %2 on %3 (instance %4).")
                      .toString()
                      .arg(in.vm.name, id, when, instance.isEmpty() ? in.vm.name : instance);
            if (again)
                r.add(check(u"Source"_s, u"source.vm_migrated"_s, Verdict::Warn, message,
                            Text::translate("xms::Preflight",
                                            "Migrating it again makes a second instance, as asked "
                                            "(--again).")
                                .toString()));
            else
                r.add(check(u"Source"_s, u"source.vm_migrated"_s, Verdict::Block, message,
                            Text::translate("xms::Preflight",
                                            "Give --again ('xms migration submit --again') to migrate it once more "
                                            "into a second instance.")
                                .toString()));
        }
    }
    if (in.serversNamed > 0 && in.spec)
        r.add(check(u"Target"_s, u"target.instance_name"_s, Verdict::Warn,
                    Text::translate("xms::Preflight", "Project %1 already has %n instance(s) named %2.", nullptr,
                                    in.serversNamed)
                        .toString()
                        .arg(in.spec->project, in.spec->effectiveInstanceName()),
                    Text::translate("xms::Preflight",
                                    "Choose another instance name, unless a second one of that name "
                                    "is what you want.")
                        .toString()));
}

PreflightReport evaluatePreflight(const PreflightInput& in)
{
    PreflightReport r;
    r.vm = in.vm.name;
    priorJobChecks(r, in);
    sourceChecks(r, in.vm, in);
    if (in.spec && in.target)
        targetChecks(r, in.vm, *in.spec, *in.target, in);
    return r;
}

Estimate estimateJob(const Store& store, const vsphere::VmInfo& vm)
{
    // Defaults measured on the lab (2 cores, TCG): export ~60 MiB/s, guest fixes ~150 s + 20 s/GiB,
    // upload + volume write ~80 MiB/s, instance ~20 s.
    double exportRate = 60.0 * 1024 * 1024;
    double writeRate = 80.0 * 1024 * 1024;
    double fixedSeconds = 150 + 20;
    const double bytes = double(vm.totalDiskBytes());
    Estimate e;
    e.diskBytes = qint64(bytes);
    e.basis = QStringLiteral("defaults");
    // Refine from finished jobs: seconds per byte overall, averaged.
    if (auto jobs = JobStore(store).jobs(50)) {
        double secondsPerByte = 0;
        int n = 0;
        for (const JobRecord& j : *jobs)
            if (j.stage == Stage::Completed && j.bytesTotal > 0 && j.startedAt.isValid() && j.finishedAt.isValid()) {
                const double secs = double(j.startedAt.secsTo(j.finishedAt));
                secondsPerByte += std::max(0.0, secs - fixedSeconds) / double(j.bytesTotal);
                ++n;
            }
        if (n > 0) {
            e.seconds = qint64(fixedSeconds + bytes * secondsPerByte / n);
            e.basis = Text::translate("xms::Preflight", "%n finished job(s)", nullptr, n).toString();
            return e;
        }
    }
    e.seconds = qint64(fixedSeconds + bytes / exportRate + bytes / writeRate + 20.0 * bytes / (1024.0 * 1024 * 1024));
    return e;
}

} // namespace xms
