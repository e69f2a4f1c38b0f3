#include "preflight.h"

#include "common/paths.h"
#include "engine/cloudsession.h"
#include "engine/exportstage.h"
#include "engine/finalizestage.h"
#include "engine/settingkeys.h"
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

// lupdate files free-function tr() calls under the enclosing namespace ("xms"); PreflightRun and
// PreflightReport use the contexts lupdate records for them.
QString tr(const char* text, const char* disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("xms", text, disambiguation, n);
}

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
        r.add(check(category, u"target.quota." + name, Verdict::Block,
                    tr("Quota %1 exceeded: the migration needs %2 %3, the project has %4 of %5 left")
                        .arg(name)
                        .arg(need)
                        .arg(unit)
                        .arg(std::max<qint64>(0, *free))
                        .arg(q->limit),
                    tr("Ask the cloud administrator to raise quota %1, or free some in the project.").arg(name)));
}

void sourceChecks(PreflightReport& r, const QJsonObject& vm, const PreflightInput& in)
{
    const QString firmware = vm.value(u"firmware").toString();
    if (vm.value(u"template").toBool())
        r.add(check(u"Compute"_s, u"compute.template"_s, Verdict::Block, tr("This is a VM template, not a VM"),
                    tr("Deploy a VM from the template in vSphere and migrate that.")));
    const QString conn = vm.value(u"connectionState").toString();
    if (!conn.isEmpty() && conn != u"connected")
        r.add(check(u"Source"_s, u"source.vm_connection"_s, Verdict::Block,
                    tr("vSphere reports the VM as %1").arg(conn),
                    tr("Reconnect its host or register the VM again in vSphere.")));
    if (firmware == u"efi" && vm.value(u"secureBoot").toBool())
        r.add(check(u"Compute"_s, u"compute.secure_boot"_s, Verdict::Warn,
                    tr("UEFI Secure Boot is on; the instance boots UEFI without Secure Boot"),
                    tr("Nothing to do unless the guest requires Secure Boot; then enable it on the instance "
                       "after migration where the cloud supports it.")));
    else
        r.add(check(u"Compute"_s, u"compute.firmware"_s, Verdict::Pass,
                    tr("Firmware %1").arg(firmware == u"efi" ? tr("UEFI") : tr("BIOS"))));
    const int hw = vm.value(u"hardwareVersion").toString().mid(4).toInt();
    if (hw > 0 && hw < 7)
        r.add(check(u"Compute"_s, u"compute.hardware_version"_s, Verdict::Warn,
                    tr("Hardware version %1 is very old").arg(hw),
                    tr("Upgrade the VM's compatibility in vSphere if the export fails.")));

    const QJsonArray disks = vm.value(u"disks").toArray();
    if (disks.isEmpty())
        r.add(check(u"Storage"_s, u"storage.no_disks"_s, Verdict::Block, tr("The VM has no disks to migrate"),
                    tr("Attach the VM's disks in vSphere.")));
    for (const QJsonValue& v : disks) {
        const QJsonObject d = v.toObject();
        const QString label = d.value(u"label").toString();
        if (d.value(u"rdm").toBool())
            r.add(check(u"Storage"_s, u"storage.rdm"_s, Verdict::Block,
                        tr("%1 is a raw device mapping (RDM)").arg(label),
                        tr("Migrate the LUN's data separately, or convert it to a virtual disk (Storage "
                           "vMotion with a disk format change) first.")));
        else if (d.value(u"independent").toBool())
            r.add(check(u"Storage"_s, u"storage.independent_disk"_s, Verdict::Block,
                        tr("%1 is an independent disk (%2)").arg(label, d.value(u"diskMode").toString()),
                        tr("Change the disk mode to Dependent in vSphere (VM powered off), then run preflight "
                           "again.")));
        if (d.value(u"sharing").toString() == u"sharingMultiWriter")
            r.add(check(u"Storage"_s, u"storage.shared_disk"_s, Verdict::Block,
                        tr("%1 is shared with other VMs (multi-writer)").arg(label),
                        tr("Detach the shared disk; shared storage must be rebuilt in Xloud (multi-attach "
                           "volume type).")));
    }
    if (vm.value(u"hasSnapshot").toBool())
        r.add(check(u"Storage"_s, u"storage.snapshot"_s, Verdict::Warn,
                    tr("The VM has snapshots; the migration copies its current state only"),
                    tr("Delete or consolidate snapshots you do not need, so the export reads one disk chain.")));

    const QString guestId = vm.value(u"guestId").toString();
    const QString guestName = vm.value(u"guestFullName").toString();
    if (guestId.startsWith(u"win", Qt::CaseInsensitive)) {
        if (in.virtioWin.isEmpty() || !QFileInfo::exists(in.virtioWin))
            r.add(check(u"Guest"_s, u"guest.virtio_win"_s, Verdict::Block,
                        tr("%1 is Windows and needs VirtIO drivers, but no virtio-win ISO is set").arg(guestName),
                        tr("Download virtio-win.iso (Fedora's virtio-win project) and set it with 'xms "
                           "settings set guest/virtio-win PATH' or in Settings, then run preflight again.")));
        else
            r.add(check(u"Guest"_s, u"guest.os"_s, Verdict::Pass,
                        tr("%1, drivers from %2").arg(guestName, QDir::toNativeSeparators(in.virtioWin))));
    } else if (guestId.isEmpty() || guestId.startsWith(u"other", Qt::CaseInsensitive)) {
        r.add(check(u"Guest"_s, u"guest.os"_s, Verdict::Warn,
                    tr("vSphere does not know the guest OS (%1)").arg(guestId.isEmpty() ? tr("none") : guestId),
                    tr("Inspection decides during the job; set the guest OS in the VM's settings to know "
                       "now.")));
    } else {
        r.add(check(u"Guest"_s, u"guest.os"_s, Verdict::Pass, guestName.isEmpty() ? guestId : guestName));
    }

    const qint64 need = qint64(vm.value(u"totalDiskBytes").toDouble()) + kStagingReserveBytes + in.alreadyQueuedBytes;
    if (in.stagingFreeBytes >= 0 && in.stagingFreeBytes < need)
        r.add(check(u"Storage"_s, u"storage.staging_space"_s, Verdict::Block,
                    tr("Staging needs %1 GiB, %2 GiB are free")
                        .arg(double(need) / kGiB, 0, 'f', 1)
                        .arg(double(in.stagingFreeBytes) / kGiB, 0, 'f', 1),
                    tr("Free space in the staging directory or choose another one in Settings.")));
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

void targetChecks(PreflightReport& r, const QJsonObject& vm, const MigrationSpec& spec, const xloud::CloudResources& t,
                  const PreflightInput& in)
{
    const int cpus = vm.value(u"numCpus").toInt();
    const qint64 ramMiB = qint64(vm.value(u"memoryMB").toDouble());
    const xloud::Flavor* flavor = nullptr;
    for (const xloud::Flavor& f : t.flavors)
        if (f.id == spec.flavor || f.name == spec.flavor)
            flavor = &f;
    if (!flavor)
        r.add(check(u"Target"_s, u"target.flavor"_s, Verdict::Block,
                    tr("Flavor %1 is not available in project %2").arg(spec.flavor, t.projectName),
                    tr("Pick one of the flavors 'xms cloud resources' lists.")));
    else if (flavor->vcpus < cpus || flavor->ramMiB < ramMiB)
        r.add(check(u"Compute"_s, u"target.flavor_fit"_s, Verdict::Block,
                    tr("Flavor %1 (%2 vCPU, %3 MiB) is smaller than the source (%4 vCPU, %5 MiB)")
                        .arg(flavor->name)
                        .arg(flavor->vcpus)
                        .arg(flavor->ramMiB)
                        .arg(cpus)
                        .arg(ramMiB),
                    tr("Choose a flavor with at least %1 vCPU and %2 MiB RAM.").arg(cpus).arg(ramMiB)));
    else
        r.add(check(u"Compute"_s, u"target.flavor_fit"_s, Verdict::Pass,
                    tr("Flavor %1 fits (%2 vCPU, %3 MiB)").arg(flavor->name).arg(flavor->vcpus).arg(flavor->ramMiB)));

    QString typeName = spec.volumeType;
    if (!spec.volumeType.isEmpty()) {
        bool found = false;
        for (const xloud::VolumeType& vt : t.volumeTypes)
            if (vt.id == spec.volumeType || vt.name == spec.volumeType) {
                found = true;
                typeName = vt.name;
            }
        if (!found)
            r.add(check(u"Target"_s, u"target.volume_type"_s, Verdict::Block,
                        tr("Volume type %1 does not exist").arg(spec.volumeType),
                        tr("Pick one of the volume types 'xms cloud resources' lists.")));
    }
    if (!spec.availabilityZone.isEmpty()) {
        bool found = false;
        for (const xloud::AvailabilityZone& z : t.computeZones)
            found = found || z.name == spec.availabilityZone;
        if (!found)
            r.add(check(u"Target"_s, u"target.availability_zone"_s, Verdict::Block,
                        tr("Availability zone %1 does not exist").arg(spec.availabilityZone),
                        tr("Leave the zone empty for the default, or pick a listed one.")));
    }

    // Quota headroom for what this job adds.
    const QJsonArray disks = vm.value(u"disks").toArray();
    qint64 gib = 0;
    for (const QJsonValue& d : disks)
        gib += std::max<qint64>(1, (qint64(d.toObject().value(u"capacityBytes").toDouble()) + kGiB - 1) / kGiB);
    const QJsonArray nics = vm.value(u"nics").toArray();
    checkQuota(r, u"Compute"_s, t.quota.compute, u"instances"_s, 1, tr("instance"));
    checkQuota(r, u"Compute"_s, t.quota.compute, u"cores"_s, flavor ? flavor->vcpus : cpus, tr("vCPU"));
    checkQuota(r, u"Compute"_s, t.quota.compute, u"ram"_s, flavor ? flavor->ramMiB : ramMiB, tr("MiB"));
    checkQuota(r, u"Storage"_s, t.quota.volume, u"volumes"_s, disks.size(), tr("volumes"));
    checkQuota(r, u"Storage"_s, t.quota.volume, u"gigabytes"_s, gib, tr("GiB"));
    if (!typeName.isEmpty()) {
        checkQuota(r, u"Storage"_s, t.quota.volume, u"volumes_" + typeName, disks.size(), tr("volumes"));
        checkQuota(r, u"Storage"_s, t.quota.volume, u"gigabytes_" + typeName, gib, tr("GiB"));
    }
    checkQuota(r, u"Network"_s, t.quota.network, u"port"_s, nics.size(), tr("ports"));

    for (const QJsonValue& v : nics) {
        const QJsonObject nic = v.toObject();
        const QString label = nic.value(u"label").toString();
        const QString net = nic.value(u"network").toString();
        const QString mac = nic.value(u"macAddress").toString();
        const int m = mappingFor(spec.networks, label, net);
        if (m < 0) {
            r.add(check(u"Network"_s, u"network.unmapped"_s, Verdict::Block,
                        tr("%1 (on %2) is not mapped to a target network").arg(label, net),
                        tr("Map it, e.g. --network-map '%1=NETWORK'.").arg(net)));
            continue;
        }
        const NicMapping& map = spec.networks.at(m);
        const xloud::Network* target = nullptr;
        for (const xloud::Network& n : t.networks)
            if (n.id == map.targetNetwork || n.name == map.targetNetwork)
                target = &n;
        if (!target) {
            r.add(check(
                u"Network"_s, u"network.not_found"_s, Verdict::Block,
                tr("Network %1 (for %2) does not exist in project %3").arg(map.targetNetwork, label, t.projectName),
                tr("Pick one of the networks 'xms cloud resources' lists.")));
            continue;
        }
        bool subnetOk = map.targetSubnet.isEmpty();
        for (const xloud::Subnet& s : target->subnets)
            subnetOk = subnetOk || s.id == map.targetSubnet || s.name == map.targetSubnet;
        if (!subnetOk)
            r.add(check(u"Network"_s, u"network.subnet"_s, Verdict::Block,
                        tr("Subnet %1 is not part of network %2").arg(map.targetSubnet, target->name),
                        tr("Pick a subnet of %1.").arg(target->name)));
        else
            r.add(check(u"Network"_s, u"network.mapped"_s, Verdict::Pass, tr("%1 → %2").arg(label, target->name)));
        if (!map.keepMac)
            continue;
        const Verdict onRefusal = spec.macFallback == MigrationSpec::MacFallback::Fail ? Verdict::Block : Verdict::Warn;
        const QString fallbackNote = spec.macFallback == MigrationSpec::MacFallback::Fail
            ? tr("Untick Keep MAC, or allow a new MAC (--mac-fallback new).")
            : tr("The instance will get a new MAC; update DHCP reservations or licences bound to it.");
        if (target->shared && target->projectId != t.projectId)
            r.add(check(u"Network"_s, u"network.mac_policy"_s, onRefusal,
                        tr("%1 cannot keep MAC %2: %3 is a shared network, where Xloud lets only "
                           "administrators choose a MAC")
                            .arg(label, mac, target->name),
                        fallbackNote));
        for (const auto& [usedMac, portId] : in.macsInUse)
            if (usedMac.compare(mac, Qt::CaseInsensitive) == 0)
                r.add(check(u"Network"_s, u"network.mac_in_use"_s, onRefusal,
                            tr("MAC %1 of %2 is already used by port %3").arg(mac, label, portId), fallbackNote));
    }
}

} // namespace

QString verdictName(Verdict v)
{
    switch (v) {
    case Verdict::Pass:
        return tr("Pass");
    case Verdict::Warn:
        return tr("Warn");
    case Verdict::Block:
        return tr("Block");
    }
    return {};
}

QString verdictKey(Verdict v)
{
    switch (v) {
    case Verdict::Pass:
        return QStringLiteral("pass");
    case Verdict::Warn:
        return QStringLiteral("warn");
    case Verdict::Block:
        return QStringLiteral("block");
    }
    return {};
}

QJsonObject PreflightCheck::toJson() const
{
    return {{QStringLiteral("category"), category},
            {QStringLiteral("key"), key},
            {QStringLiteral("verdict"), verdictKey(verdict)},
            {QStringLiteral("message"), message},
            {QStringLiteral("fix"), fix}};
}

void PreflightReport::add(PreflightCheck c)
{
    verdict = std::max(verdict, c.verdict);
    checks.append(std::move(c));
}

QList<PreflightCheck> PreflightReport::failing() const
{
    QList<PreflightCheck> out;
    for (Verdict v : {Verdict::Block, Verdict::Warn})
        for (const PreflightCheck& c : checks)
            if (c.verdict == v)
                out.append(c);
    return out;
}

QString PreflightReport::summary() const
{
    const QList<PreflightCheck> bad = failing();
    if (bad.isEmpty())
        return QCoreApplication::translate("xms::PreflightReport", "Pass: %n check(s) passed", nullptr,
                                           int(checks.size()));
    QStringList parts;
    for (const PreflightCheck& c : bad)
        parts.append(c.message);
    return verdictName(verdict) + u": " + parts.join(QStringLiteral("; "));
}

QJsonObject PreflightReport::toJson() const
{
    QJsonArray list;
    for (const PreflightCheck& c : checks)
        list.append(c.toJson());
    QJsonObject o {
        {QStringLiteral("vm"), vm}, {QStringLiteral("verdict"), verdictKey(verdict)}, {QStringLiteral("checks"), list}};
    if (estimate)
        o.insert(QStringLiteral("estimate"), estimate->toJson());
    return o;
}

PreflightReport evaluatePreflight(const PreflightInput& in)
{
    PreflightReport r;
    r.vm = in.vm.value(u"name").toString();
    sourceChecks(r, in.vm, in);
    if (in.spec && in.target)
        targetChecks(r, in.vm, *in.spec, *in.target, in);
    return r;
}

namespace {

// Gathers a PreflightInput asynchronously: source VM, then target resources and MAC lookups.
class PreflightRun : public QObject
{
public:
    static QString tr(const char* text) { return QCoreApplication::translate("xms::PreflightRun", text); }

    PreflightRun(Store& store, MigrationSpec spec, QObject* parent, std::function<void(Result<PreflightReport>)> done)
        : QObject(parent)
        , m_store(store)
        , m_spec(std::move(spec))
        , m_done(std::move(done))
    {
    }

    void start()
    {
        auto env = m_store.environment(m_spec.source);
        if (!env)
            return finish(std::unexpected(env.error()));
        if (!m_spec.cloud.isEmpty()) {
            auto cloud = m_store.cloud(m_spec.cloud);
            if (!cloud)
                return finish(std::unexpected(cloud.error()));
            m_cloud = *cloud;
        }
        m_input.virtioWin = settings::value(m_store, settings::kVirtioWin);
        const QString staging = settings::value(m_store, settings::kStagingDir);
        QDir().mkpath(staging);
        m_input.stagingFreeBytes = QStorageInfo(staging).bytesAvailable();
        m_input.alreadyQueuedBytes = queuedBytes();
        SecretStore::backend().read(SecretStore::sourcePasswordKey(env->name), this,
                                    [this, env = *env](Result<QString> pw) {
                                        if (!pw)
                                            return sourceUnreachable(pw.error());
                                        discover(env, *pw);
                                    });
    }

private:
    qint64 queuedBytes() const { return stagingStillNeeded(JobStore(m_store).jobs(1000).value_or(QList<JobRecord>())); }

    void discover(const EnvironmentRecord& env, const QString& password)
    {
        auto* session = new vsphere::Session(vsphere::Session::optionsFor(env, password), this);
        session->open([this, session, env](Status s) {
            if (!s)
                return sourceUnreachable(s.error());
            vsphere::Discovery::discover(*session, env.datacenter, [this, session](Result<vsphere::Inventory> inv) {
                session->close([](Status) {});
                if (!inv)
                    return sourceUnreachable(inv.error());
                auto vm = vsphere::Discovery::findVm(*inv, m_spec.vm);
                if (!vm)
                    return finish(std::unexpected(vm.error()));
                m_input.vm = vm->toJson();
                target();
            });
        });
    }

    void sourceUnreachable(const Error& e)
    {
        PreflightReport r;
        r.vm = m_spec.vm;
        r.add(check(u"Source"_s, u"source.reachable"_s, Verdict::Block,
                    tr("Source %1 cannot be reached: %2").arg(m_spec.source, e.message),
                    tr("Run 'xms source test %1' and fix what it reports.").arg(m_spec.source)));
        finish(r);
    }

    void target()
    {
        if (m_spec.cloud.isEmpty() || m_spec.project.isEmpty())
            return finish(evaluatePreflight(m_input));
        openCloudSession(m_cloud, this, [this](Result<xloud::Session*> session) {
            if (!session)
                return targetUnreachable(session.error());
            xloud::fetchResources(*session, m_spec.project, [this, s = *session](Result<xloud::CloudResources> t) {
                if (!t)
                    return targetUnreachable(t.error());
                m_input.spec = m_spec;
                m_input.target = *t;
                macs(s);
            });
        });
    }

    void macs(xloud::Session* session)
    {
        QStringList wanted;
        for (const QJsonValue& v : m_input.vm.value(u"nics").toArray()) {
            const QJsonObject nic = v.toObject();
            const int m = mappingFor(m_spec.networks, nic.value(u"label").toString(), nic.value(u"network").toString());
            if (m >= 0 && m_spec.networks.at(m).keepMac)
                wanted.append(nic.value(u"macAddress").toString());
        }
        auto* network = new xloud::NetworkClient(session, m_spec.project, this);
        lookup(network, wanted);
    }

    void lookup(xloud::NetworkClient* network, QStringList wanted)
    {
        if (wanted.isEmpty())
            return finish(evaluatePreflight(m_input));
        const QString mac = wanted.takeFirst();
        network->portsByMac(mac, [this, network, wanted, mac](Result<QList<xloud::Port>> ports) {
            if (ports)
                for (const xloud::Port& p : *ports)
                    m_input.macsInUse.append({mac, p.id});
            lookup(network, wanted);
        });
    }

    void targetUnreachable(const Error& e)
    {
        PreflightReport r = evaluatePreflight(m_input);
        r.add(check(u"Target"_s, u"target.reachable"_s, Verdict::Block,
                    tr("Cloud %1, project %2: %3").arg(m_spec.cloud, m_spec.project, e.message),
                    tr("Run 'xms cloud test %1' and fix what it reports.").arg(m_spec.cloud)));
        finish(r);
    }

    void finish(Result<PreflightReport> r)
    {
        if (r && !m_input.vm.isEmpty())
            r->estimate = estimateJob(m_store, m_input.vm);
        auto done = std::move(m_done);
        deleteLater();
        done(std::move(r));
    }

    Store& m_store;
    MigrationSpec m_spec;
    std::function<void(Result<PreflightReport>)> m_done;
    CloudRecord m_cloud;
    PreflightInput m_input;
};

} // namespace

void runPreflight(Store& store, const MigrationSpec& spec, QObject* context,
                  std::function<void(Result<PreflightReport>)> done)
{
    (new PreflightRun(store, spec, context, std::move(done)))->start();
}

QJsonObject Estimate::toJson() const
{
    return {{QStringLiteral("seconds"), double(seconds)},
            {QStringLiteral("disk_bytes"), double(diskBytes)},
            {QStringLiteral("basis"), basis}};
}

Estimate estimateJob(const Store& store, const QJsonObject& vm)
{
    // Defaults measured on the lab (2 cores, TCG): export ~60 MiB/s, guest fixes ~150 s + 20 s/GiB,
    // upload + volume write ~80 MiB/s, instance ~20 s.
    double exportRate = 60.0 * 1024 * 1024;
    double writeRate = 80.0 * 1024 * 1024;
    double fixedSeconds = 150 + 20;
    const double bytes = vm.value(u"totalDiskBytes").toDouble();
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
            e.basis = QCoreApplication::translate("xms::Preflight", "%n finished job(s)", nullptr, n);
            return e;
        }
    }
    e.seconds = qint64(fixedSeconds + bytes / exportRate + bytes / writeRate + 20.0 * bytes / (1024.0 * 1024 * 1024));
    return e;
}

} // namespace xms
