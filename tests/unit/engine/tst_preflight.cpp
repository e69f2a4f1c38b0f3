// The preflight rules on their own: a VM as discovery reports it, a target as the cloud reports it, and
// the verdicts and fixes that come out. No network (runPreflight gathers the same input from the lab in
// tests/lab/migration).
#include "engine/keepip.h"
#include "engine/preflight.h"
#include "model/jobrecords.h"

#include <QJsonArray>
#include <QTest>

using namespace xms;
using namespace Qt::StringLiterals;

namespace {

// As discovery's JSON has them (the inventory cache, the source.discovered event); read with VmInfo::fromJson.
QJsonObject disk(const QString& label, qint64 bytes, const QString& mode = u"persistent"_s, bool rdm = false)
{
    return {{u"label"_s, label},
            {u"capacityBytes"_s, double(bytes)},
            {u"diskMode"_s, mode},
            {u"backing"_s, rdm ? u"rdm"_s : u"flat"_s},
            {u"independent"_s, mode.startsWith(u"independent")},
            {u"rdm"_s, rdm}};
}

QJsonObject nic(const QString& label, const QString& network, const QString& mac)
{
    return {{u"label"_s, label}, {u"network"_s, network}, {u"macAddress"_s, mac}};
}

constexpr qint64 GiB = 1024LL * 1024 * 1024;

QJsonObject linuxVm()
{
    return {{u"name"_s, u"web01"_s},
            {u"firmware"_s, u"bios"_s},
            {u"guestId"_s, u"debian12_64Guest"_s},
            {u"guestFullName"_s, u"Debian GNU/Linux 12 (64-bit)"_s},
            {u"hardwareVersion"_s, u"vmx-19"_s},
            {u"numCpus"_s, 2},
            {u"memoryMB"_s, 4096},
            {u"connectionState"_s, u"connected"_s},
            {u"totalDiskBytes"_s, double(30 * GiB)},
            {u"disks"_s, QJsonArray {disk(u"Hard disk 1"_s, 20 * GiB), disk(u"Hard disk 2"_s, 10 * GiB)}},
            {u"nics"_s, QJsonArray {nic(u"Network adapter 1"_s, u"VM Network"_s, u"00:50:56:aa:bb:01"_s)}}};
}

xloud::QuotaItem quota(const QString& name, qint64 limit, qint64 used)
{
    xloud::QuotaItem q;
    q.name = name;
    q.limit = limit;
    q.inUse = used;
    return q;
}

xloud::CloudResources target()
{
    xloud::CloudResources t;
    t.projectId = u"p-infra"_s;
    t.projectName = u"infra"_s;
    xloud::Flavor small;
    small.id = u"2"_s;
    small.name = u"m1.small"_s;
    small.vcpus = 1;
    small.ramMiB = 2048;
    xloud::Flavor medium = small;
    medium.id = u"3"_s;
    medium.name = u"m1.medium"_s;
    medium.vcpus = 2;
    medium.ramMiB = 4096;
    t.flavors = {small, medium};
    xloud::VolumeType ssd;
    ssd.id = u"t-ssd"_s;
    ssd.name = u"ssd"_s;
    t.volumeTypes = {ssd};
    t.computeZones = {xloud::AvailabilityZone {u"nova"_s, true}};
    xloud::Network own;
    own.id = u"n-int"_s;
    own.name = u"internal-net"_s;
    own.projectId = u"p-infra"_s;
    xloud::Subnet sub;
    sub.id = u"s-int"_s;
    sub.name = u"internal-subnet"_s;
    own.subnets = {sub};
    xloud::Network shared;
    shared.id = u"n-prov"_s;
    shared.name = u"provider-net"_s;
    shared.projectId = u"p-admin"_s;
    shared.shared = true;
    t.networks = {own, shared};
    t.quota.compute = {quota(u"instances"_s, 10, 0), quota(u"cores"_s, 20, 0), quota(u"ram"_s, 51200, 0)};
    t.quota.volume = {quota(u"volumes"_s, 10, 0), quota(u"gigabytes"_s, 200, 0), quota(u"volumes_ssd"_s, 6, 0),
                      quota(u"gigabytes_ssd"_s, 120, 0)};
    t.quota.network = {quota(u"port"_s, 50, 0)};
    return t;
}

MigrationSpec spec()
{
    MigrationSpec s;
    s.source = u"vc"_s;
    s.vm = u"web01"_s;
    s.cloud = u"xloud"_s;
    s.project = u"infra"_s;
    s.flavor = u"m1.medium"_s;
    s.volumeType = u"ssd"_s;
    s.networks = {NicMapping {u"VM Network"_s, {}, u"internal-net"_s, {}, true}};
    return s;
}

PreflightInput input()
{
    PreflightInput in;
    in.vm = vsphere::VmInfo::fromJson(linuxVm());
    in.spec = spec();
    in.target = target();
    in.stagingFreeBytes = 100 * GiB;
    return in;
}

// The VM's one NIC mapped with keep-ip to internal-subnet (10.10.0.0/24, gateway 10.10.0.1); Tools
// reports `address` (empty: nothing) with the guest's default gateway `gateway` for it.
PreflightInput keepIpInput(const QString& address, const QString& gateway = u"10.10.0.1"_s)
{
    PreflightInput in = input();
    for (xloud::Network& n : in.target->networks)
        for (xloud::Subnet& sub : n.subnets) {
            sub.cidr = u"10.10.0.0/24"_s;
            sub.gatewayIp = u"10.10.0.1"_s;
        }
    in.spec->networks = {NicMapping {u"VM Network"_s, {}, u"internal-net"_s, u"internal-subnet"_s, true, true}};
    if (!address.isEmpty()) {
        vsphere::GuestNic nic;
        nic.macAddress = u"00:50:56:aa:bb:01"_s;
        nic.addresses = {{u"fe80::250:56ff:feaa:bb01"_s, 64}, {address, 24}};
        nic.ipv4Gateway = gateway;
        in.vm.guestNetwork.hostName = u"web01"_s;
        in.vm.guestNetwork.nics = {nic};
    }
    return in;
}

xloud::Port portWith(const QString& id, const QString& subnetId, const QString& ip)
{
    xloud::Port p;
    p.id = id;
    p.name = u"old-web01"_s;
    p.fixedIps = {{subnetId, ip}};
    return p;
}

const PreflightCheck* find(const PreflightReport& r, const QString& key)
{
    for (const PreflightCheck& c : r.checks)
        if (c.key == key)
            return &c;
    return nullptr;
}

} // namespace

class TestPreflight : public QObject
{
    Q_OBJECT

private slots:
    void fittingLinuxVmPasses()
    {
        const PreflightReport r = evaluatePreflight(input());
        QVERIFY2(r.verdict == Verdict::Pass, qPrintable(r.summary()));
        QVERIFY(find(r, u"target.flavor_fit"_s));
        QCOMPARE(r.toJson()[u"verdict"].toString(), u"pass"_s);
    }

    // Issue 12, bad input preflight let through: a VM with a job that has not ended, or one a completed job
    // already migrated, Blocks (the latter only Warns with --again); a taken instance name Warns.
    void priorJobsOfTheVm()
    {
        PreflightInput in = input();
        JobRecord running;
        running.id = u"0123456789abcdef"_s;
        running.stage = Stage::WriteVolume;
        in.jobsForVm = {running};
        PreflightReport r = evaluatePreflight(in);
        QCOMPARE(r.verdict, Verdict::Block);
        const PreflightCheck* c = find(r, u"source.vm_has_job"_s);
        QVERIFY(c);
        QVERIFY2(c->message.contains(u"already has migration job 01234567 (Write Volume)"), qPrintable(c->message));
        QVERIFY(c->fix.contains(u"xms migration cancel 01234567"));

        JobRecord done;
        done.id = u"fedcba9876543210"_s;
        done.stage = Stage::Completed;
        done.finishedAt = QDateTime::currentDateTime();
        done.spec = {{u"instance_name"_s, u"web-01-old"_s}};
        JobRecord failed;
        failed.id = u"aaaabbbbccccdddd"_s;
        failed.stage = Stage::Failed;
        in.jobsForVm = {done, failed}; // a failed attempt says nothing against another
        r = evaluatePreflight(in);
        QCOMPARE(r.verdict, Verdict::Block);
        c = find(r, u"source.vm_migrated"_s);
        QVERIFY(c);
        QCOMPARE(c->verdict, Verdict::Block);
        QVERIFY2(c->message.contains(u"already migrated by job fedcba98") && c->message.contains(u"web-01-old"),
                 qPrintable(c->message));
        QVERIFY(c->fix.contains(u"--again"));
        QCOMPARE(r.checks.count(), evaluatePreflight(input()).checks.count() + 1);

        in.spec->again = true;
        r = evaluatePreflight(in);
        QCOMPARE(find(r, u"source.vm_migrated"_s)->verdict, Verdict::Warn);
        QCOMPARE(r.verdict, Verdict::Warn);

        in.jobsForVm.clear();
        in.spec->again = false;
        in.serversNamed = 1;
        r = evaluatePreflight(in);
        c = find(r, u"target.instance_name"_s);
        QVERIFY(c);
        QCOMPARE(c->verdict, Verdict::Warn);
        QVERIFY2(c->message.contains(u"already has 1 instance(s) named"), qPrintable(c->message));
        in.serversNamed = 0;
        QVERIFY(!find(evaluatePreflight(in), u"target.instance_name"_s));
    }

    void smallFlavorBlocksNamingBoth()
    {
        PreflightInput in = input();
        in.spec->flavor = u"m1.small"_s;
        const PreflightReport r = evaluatePreflight(in);
        QCOMPARE(r.verdict, Verdict::Block);
        const PreflightCheck* c = find(r, u"target.flavor_fit"_s);
        QVERIFY(c);
        QCOMPARE(c->message, u"Flavor m1.small (1 vCPU, 2048 MiB) is smaller than the source (2 vCPU, 4096 MiB)"_s);
        QVERIFY(c->fix.contains(u"at least 2 vCPU and 4096 MiB"));
    }

    void quotaBlocksNamingTheQuota()
    {
        PreflightInput in = input();
        in.target->quota.volume[3] = quota(u"gigabytes_ssd"_s, 120, 100); // 20 left, 30 needed
        in.target->quota.compute[0] = quota(u"instances"_s, 10, 10);
        const PreflightReport r = evaluatePreflight(in);
        QCOMPARE(r.verdict, Verdict::Block);
        const PreflightCheck* gb = find(r, u"target.quota.gigabytes_ssd"_s);
        QVERIFY(gb);
        QVERIFY2(gb->message.contains(u"needs 30 GiB") && gb->message.contains(u"20 of 120"), qPrintable(gb->message));
        QVERIFY(find(r, u"target.quota.instances"_s));
        QVERIFY(!find(r, u"target.quota.cores"_s)); // within quota: no check line
    }

    void unlimitedQuotaNeverBlocks()
    {
        PreflightInput in = input();
        in.target->quota.compute[0] = quota(u"instances"_s, -1, 500);
        QCOMPARE(evaluatePreflight(in).verdict, Verdict::Pass);
    }

    void storageBlocks_data()
    {
        QTest::addColumn<QJsonObject>("badDisk");
        QTest::addColumn<QString>("key");
        QTest::newRow("independent") << disk(u"Hard disk 2"_s, GiB, u"independent_persistent"_s)
                                     << u"storage.independent_disk"_s;
        QTest::newRow("rdm") << disk(u"Hard disk 2"_s, GiB, u"persistent"_s, true) << u"storage.rdm"_s;
        QJsonObject shared = disk(u"Hard disk 2"_s, GiB);
        shared.insert(u"sharing"_s, u"sharingMultiWriter"_s);
        QTest::newRow("shared") << shared << u"storage.shared_disk"_s;
    }
    void storageBlocks()
    {
        QFETCH(QJsonObject, badDisk);
        QFETCH(QString, key);
        PreflightInput in = input();
        in.vm.disks[1] = vsphere::DiskInfo::fromJson(badDisk);
        const PreflightReport r = evaluatePreflight(in);
        QCOMPARE(r.verdict, Verdict::Block);
        const PreflightCheck* c = find(r, key);
        QVERIFY(c);
        QVERIFY(c->message.contains(u"Hard disk 2"));
        QVERIFY(!c->fix.isEmpty());
    }

    void snapshotWarns()
    {
        PreflightInput in = input();
        in.vm.hasSnapshot = true;
        const PreflightReport r = evaluatePreflight(in);
        QCOMPARE(r.verdict, Verdict::Warn);
        QCOMPARE(r.failing().size(), 1);
        QCOMPARE(r.failing().first().key, u"storage.snapshot"_s);
    }

    void windowsWithoutVirtioWinBlocks()
    {
        PreflightInput in = input();
        in.vm.guestId = u"windows2019srv_64Guest"_s;
        const PreflightReport r = evaluatePreflight(in);
        QCOMPARE(r.verdict, Verdict::Block);
        const PreflightCheck* c = find(r, u"guest.virtio_win"_s);
        QVERIFY(c);
        QVERIFY(c->fix.contains(u"virtio-win"));
    }

    void unmappedNicAndUnknownNetworkBlock()
    {
        PreflightInput in = input();
        in.spec->networks = {NicMapping {u"Other"_s, {}, u"internal-net"_s, {}, false}};
        QVERIFY(find(evaluatePreflight(in), u"network.unmapped"_s));
        in.spec->networks = {NicMapping {u"VM Network"_s, {}, u"no-such-net"_s, {}, false}};
        QVERIFY(find(evaluatePreflight(in), u"network.not_found"_s));
        in.spec->networks = {NicMapping {u"VM Network"_s, {}, u"internal-net"_s, u"wrong-subnet"_s, false}};
        QVERIFY(find(evaluatePreflight(in), u"network.subnet"_s));
    }

    void macPolicyFollowsTheFallbackChoice()
    {
        PreflightInput in = input();
        in.spec->networks = {NicMapping {u"VM Network"_s, {}, u"provider-net"_s, {}, true}};
        PreflightReport r = evaluatePreflight(in);
        QCOMPARE(r.verdict, Verdict::Warn); // a new MAC will be generated
        QVERIFY(find(r, u"network.mac_policy"_s));
        in.spec->macFallback = MigrationSpec::MacFallback::Fail;
        QCOMPARE(evaluatePreflight(in).verdict, Verdict::Block);

        PreflightInput used = input();
        used.macsInUse = {{u"00:50:56:AA:BB:01"_s, u"port-9"_s}};
        r = evaluatePreflight(used);
        const PreflightCheck* c = find(r, u"network.mac_in_use"_s);
        QVERIFY(c);
        QVERIFY(c->message.contains(u"port-9"));
    }

    void keepIpInTheSubnetPasses()
    {
        PreflightInput in = keepIpInput(u"10.10.0.50"_s);
        in.ipsInUse = {portWith(u"port-other"_s, u"s-elsewhere"_s, u"10.10.0.50"_s)}; // same IP, other subnet
        const PreflightReport r = evaluatePreflight(in);
        QVERIFY2(r.verdict == Verdict::Pass, qPrintable(r.summary()));
        const PreflightCheck* c = find(r, u"network.keep_ip"_s);
        QVERIFY(c);
        QCOMPARE(c->message, u"Network adapter 1 keeps IP 10.10.0.50 on internal-subnet (10.10.0.0/24)"_s);
        QVERIFY(!find(r, u"network.gateway"_s)); // the guest's gateway is the subnet's
    }

    void keepIpOutsideTheSubnetBlocks()
    {
        const PreflightReport r = evaluatePreflight(keepIpInput(u"192.168.1.5"_s, u"192.168.1.1"_s));
        QCOMPARE(r.verdict, Verdict::Block);
        const PreflightCheck* c = find(r, u"network.keep_ip_subnet"_s);
        QVERIFY(c);
        QCOMPARE(c->message, u"Network adapter 1 has 192.168.1.5, which is outside internal-subnet (10.10.0.0/24)"_s);
        QVERIFY2(c->fix.contains(u"drop keep-ip") && c->fix.contains(u"DHCP"), qPrintable(c->fix));
        QVERIFY(!find(r, u"network.keep_ip"_s));
    }

    void keepIpAlreadyUsedBlocks()
    {
        PreflightInput in = keepIpInput(u"10.10.0.50"_s);
        in.ipsInUse = {portWith(u"port-7"_s, u"s-int"_s, u"10.10.0.50"_s)};
        PreflightReport r = evaluatePreflight(in);
        QCOMPARE(r.verdict, Verdict::Block);
        const PreflightCheck* c = find(r, u"network.ip_in_use"_s);
        QVERIFY(c);
        QCOMPARE(c->message,
                 u"IP 10.10.0.50 of Network adapter 1 is already used by port old-web01 (port-7) on "
                 u"internal-subnet"_s);
        QVERIFY(c->fix.contains(u"DHCP"));

        // The subnet's gateway address is taken by its router, whatever the ports say.
        r = evaluatePreflight(keepIpInput(u"10.10.0.1"_s));
        QVERIFY(find(r, u"network.ip_in_use"_s));
        QVERIFY(find(r, u"network.ip_in_use"_s)->message.contains(u"is the gateway of subnet internal-subnet"));
    }

    void keepIpWithoutAReportedAddressBlocksOfferingDhcp_data()
    {
        QTest::addColumn<QString>("address");
        QTest::newRow("Tools reports nothing") << QString();
        QTest::newRow("only link-local") << u"169.254.10.20"_s;
    }
    void keepIpWithoutAReportedAddressBlocksOfferingDhcp()
    {
        QFETCH(QString, address);
        PreflightInput in = keepIpInput(address);
        if (!address.isEmpty())
            in.vm.guestNetwork.nics[0].addresses.removeFirst(); // the IPv6 link-local too
        const PreflightReport r = evaluatePreflight(in);
        QCOMPARE(r.verdict, Verdict::Block);
        const PreflightCheck* c = find(r, u"network.keep_ip_no_address"_s);
        QVERIFY(c);
        QCOMPARE(c->message,
                 u"VMware Tools reports no IP address for Network adapter 1, so there is no address to keep"_s);
        QCOMPARE(c->fix,
                 u"Drop keep-ip for Network adapter 1 so that it gets an address by DHCP (untick Keep IP), "
                 u"or start the VM with VMware Tools running and refresh the inventory."_s);
        // Without keep-ip the same VM passes: DHCP needs no address.
        in.spec->networks[0].keepIp = false;
        QCOMPARE(evaluatePreflight(in).verdict, Verdict::Pass);
    }

    void keepIpWithAnotherGatewayWarns()
    {
        PreflightReport r = evaluatePreflight(keepIpInput(u"10.10.0.50"_s, u"10.10.0.254"_s));
        QCOMPARE(r.verdict, Verdict::Warn);
        QVERIFY(find(r, u"network.keep_ip"_s));
        const PreflightCheck* c = find(r, u"network.gateway"_s);
        QVERIFY(c);
        QCOMPARE(
            c->message,
            u"Network adapter 1 uses gateway 10.10.0.254, but the gateway of subnet internal-subnet is 10.10.0.1"_s);
        QVERIFY(c->fix.contains(u"10.10.0.254"));
    }

    void keptIpFindsTheSubnetWhenNoneIsNamed()
    {
        xloud::Network net;
        net.name = u"internal-net"_s;
        xloud::Subnet a, b;
        a.id = u"s-a"_s, a.name = u"a"_s, a.cidr = u"10.1.0.0/24"_s;
        b.id = u"s-b"_s, b.name = u"b"_s, b.cidr = u"10.2.0.0/16"_s;
        net.subnets = {a, b};
        vsphere::GuestNic facts;
        facts.addresses = {{u"10.2.3.4"_s, 16}};
        auto kept = chooseKeptIp(&facts, net, {}, u"Network adapter 1"_s);
        QVERIFY(kept);
        QCOMPARE(kept->address, u"10.2.3.4"_s);
        QCOMPARE(kept->subnet.id, u"s-b"_s);
        auto outside = chooseKeptIp(&facts, net, u"a"_s, u"Network adapter 1"_s);
        QVERIFY(!outside);
        QCOMPARE(outside.error().code, u"finalize.keep_ip_outside_subnet"_s);
        QVERIFY(addressInCidr(u"10.1.0.255"_s, u"10.1.0.0/24"_s));
        QVERIFY(!addressInCidr(u"10.1.1.0"_s, u"10.1.0.0/24"_s));
        QVERIFY(!addressInCidr(u"10.1.0.5"_s, u"not-a-cidr"_s));
    }

    void stagingSpaceCountsQueuedJobs()
    {
        PreflightInput in = input();
        in.stagingFreeBytes = 40 * GiB;
        QCOMPARE(evaluatePreflight(in).verdict, Verdict::Pass);
        in.alreadyQueuedBytes = 20 * GiB;
        QVERIFY(find(evaluatePreflight(in), u"storage.staging_space"_s));
    }

    void sourceOnlyChecksWithoutTarget()
    {
        PreflightInput in;
        in.vm = vsphere::VmInfo::fromJson(linuxVm());
        const PreflightReport r = evaluatePreflight(in);
        QCOMPARE(r.verdict, Verdict::Pass);
        QVERIFY(!find(r, u"target.flavor_fit"_s));
        QCOMPARE(r.vm, u"web01"_s);
    }

    // Staging other jobs will still take: running ones before their disks are converted, not a job
    // resuming from disks already on disk, not ended ones.
    void stagingStillNeededByOtherJobs()
    {
        const auto job = [](Stage stage, qint64 bytes, bool kept) {
            JobRecord j;
            j.stage = stage;
            j.bytesTotal = bytes;
            if (kept)
                j.checkpoint = {{u"disks"_s, QJsonArray {QJsonObject {{u"path"_s, u"/s/j/disk-0.img"_s}}}}};
            return j;
        };
        const QList<JobRecord> jobs {job(Stage::Export, 10, false),    job(Stage::GuestFixes, 100, false),
                                     job(Stage::Queued, 1000, true),   job(Stage::WriteVolume, 10000, false),
                                     job(Stage::Failed, 100000, true), job(Stage::Completed, 1000000, false)};
        QCOMPARE(stagingStillNeeded(jobs), qint64(110));
    }
};

QTEST_GUILESS_MAIN(TestPreflight)
#include "tst_preflight.moc"
