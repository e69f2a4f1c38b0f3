// The job's typed state where it becomes JSON: VmInfo and GuestInfo survive their JSON unchanged, and a
// checkpoint in the stored format (as the previous, JSON-holding engine wrote it) restores into the typed
// JobContext and is written back in the same format.
#include "engine/checkpoint.h"
#include "engine/jobcontext.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace xms;
using namespace Qt::StringLiterals;

namespace {

vsphere::VmInfo sampleVm()
{
    vsphere::VmInfo vm;
    vm.moref = {u"VirtualMachine"_s, u"vm-42"_s};
    vm.name = u"web01"_s;
    vm.instanceUuid = u"5012-aaaa"_s;
    vm.powerState = u"poweredOff"_s;
    vm.guestId = u"debian12_64Guest"_s;
    vm.firmware = u"efi"_s;
    vm.secureBoot = true;
    vm.hardwareVersion = u"vmx-19"_s;
    vm.numCpus = 2;
    vm.coresPerSocket = 1;
    vm.memoryMB = 4096;
    vm.host = u"esx-01"_s;
    vm.connectionState = u"connected"_s;
    vsphere::DiskInfo d;
    d.key = 2000;
    d.label = u"Hard disk 1"_s;
    d.capacityBytes = 20LL << 30;
    d.fileName = u"[ds] web01/web01.vmdk"_s;
    d.datastore = u"ds"_s;
    d.backing = u"flat"_s;
    d.diskMode = u"persistent"_s;
    vsphere::DiskInfo shared = d;
    shared.key = 2001;
    shared.label = u"Hard disk 2"_s;
    shared.sharing = u"sharingMultiWriter"_s;
    vm.disks = {d, shared};
    vsphere::NicInfo n;
    n.key = 4000;
    n.label = u"Network adapter 1"_s;
    n.macAddress = u"00:50:56:aa:bb:01"_s;
    n.network = u"VM Network"_s;
    n.connected = true;
    vm.nics = {n};
    return vm;
}

GuestInfo sampleGuest()
{
    GuestInfo g;
    GuestRoot r;
    r.root = u"/dev/sda2"_s;
    r.osType = u"linux"_s;
    r.distro = u"debian"_s;
    r.majorVersion = 12;
    r.productName = u"Debian GNU/Linux 12 (bookworm)"_s;
    r.osinfo = u"debian12"_s;
    r.arch = u"x86_64"_s;
    r.mountpoints = {{u"/"_s, u"/dev/sda2"_s}, {u"/boot/efi"_s, u"/dev/sda1"_s}};
    r.apps = {GuestApp {u"vmware-tools"_s, u"open-vm-tools"_s, u"12.2"_s}};
    g.roots = {r};
    GuestDisk disk;
    disk.device = u"/dev/sda"_s;
    disk.size = 20ULL << 30;
    disk.partitionTable = u"gpt"_s;
    GuestPartition esp;
    esp.device = u"/dev/sda1"_s;
    esp.number = 1;
    esp.gptType = QString(kEspGptType);
    esp.esp = true;
    disk.partitions = {esp};
    g.disks = {disk};
    g.filesystems = {GuestFilesystem {u"/dev/sda2"_s, u"ext4"_s, {}, u"uuid-1"_s, u"/"_s, 1000, 500}};
    g.layoutFirmware = g.vmFirmware = g.firmware = Firmware::Uefi;
    g.warnings = {u"a warning"_s};
    return g;
}

} // namespace

class TestCheckpoint : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

private slots:
    void vmInfoSurvivesItsJson()
    {
        const vsphere::VmInfo vm = sampleVm();
        QCOMPARE(vsphere::VmInfo::fromJson(vm.toJson()), vm);
        // The derived keys readers of the events use are still there.
        const QJsonObject o = vm.toJson();
        QCOMPARE(o.value(u"totalDiskBytes").toInteger(), 40LL << 30);
        QCOMPARE(o.value(u"moref").toString(), u"vm-42"_s);
        // "sharing" only where discovery set it: the events of a VM without it are unchanged.
        const QJsonArray disks = o.value(u"disks").toArray();
        QVERIFY(!disks.at(0).toObject().contains(u"sharing"));
        QCOMPARE(disks.at(1).toObject().value(u"sharing").toString(), u"sharingMultiWriter"_s);
    }

    void guestInfoSurvivesItsJson()
    {
        const GuestInfo g = sampleGuest();
        const auto back = GuestInfo::fromJson(g.toJson());
        QVERIFY(back.has_value());
        QCOMPARE(*back, g);
        QCOMPARE(GuestInfo::fromJson({}).error().code, u"guest.bad_record"_s);
        QCOMPARE(GuestInfo::incompleteRecord().code, u"guest.bad_record"_s);
    }

    // What the engine wrote before job state was typed: the context's JSON objects as they were.
    void readsTheStoredFormat()
    {
        QVERIFY(m_dir.isValid());
        const QString disk = m_dir.filePath(u"disk-0.raw"_s);
        QFile f(disk);
        QVERIFY(f.open(QIODevice::WriteOnly) && f.resize(4096));
        f.close();
        const QDateTime modified = QFileInfo(disk).lastModified().toUTC();
        const QJsonObject props {{u"hw_disk_bus"_s, u"virtio"_s}};
        const QJsonObject stored {
            {u"attempt"_s, 2},
            {u"disks"_s,
             QJsonArray {QJsonObject {
                 {u"path"_s, disk}, {u"size"_s, 4096}, {u"modified"_s, modified.toString(Qt::ISODateWithMs)}}}},
            {u"vm"_s, sampleVm().toJson()},
            {u"guest"_s, sampleGuest().toJson()},
            {u"image_properties"_s, props},
            {u"powered_off_moref"_s, u"vm-42"_s},
            {u"export_started"_s, u"2026-12-01T10:00:00.000Z"_s}};

        const auto c = Checkpoint::fromJson(stored);
        QVERIFY(c.has_value());
        QCOMPARE(c->attempt, 2);
        QCOMPARE(c->vm, sampleVm());
        QVERIFY(c->guest.has_value());
        QCOMPARE(*c->guest, sampleGuest());
        QCOMPARE(c->poweredOff, (vsphere::MoRef {u"VirtualMachine"_s, u"vm-42"_s}));
        QVERIFY(c->verify().has_value());
        QCOMPARE(c->toJson(), stored); // written back exactly as it was read

        JobContext ctx;
        c->restoreInto(ctx);
        QCOMPARE(ctx.stagingDisks(), QStringList {disk});
        QCOMPARE(ctx.exported.disks.first().capacityBytes, quint64(20LL << 30));
        QCOMPARE(ctx.exported.poweredOff.value, u"vm-42"_s);
        // A resume asks vCenter whether the VM was powered on after this (coldmigration.cpp).
        QCOMPARE(ctx.exported.startedAt, QDateTime(QDate(2026, 12, 1), QTime(10, 0), QTimeZone::utc()));
        QCOMPARE(ctx.vm.name, u"web01"_s);
        QCOMPARE(ctx.guest->primaryRoot()->osinfo, u"debian12"_s);
        QCOMPARE(ctx.imageProperties, props);

        // And the context captures into the same stored form.
        QCOMPARE(Checkpoint::capture(ctx).toJson().value(u"vm"), stored.value(u"vm"));
        QCOMPARE(Checkpoint::capture(ctx).toJson().value(u"powered_off_moref"), stored.value(u"powered_off_moref"));
    }

    // Workers on several hosts: kept disks are trusted only on the host whose staging holds them.
    void disksOnAnotherHostAreNotReused()
    {
        const QString disk = m_dir.filePath(u"disk-host.raw"_s);
        QFile f(disk);
        QVERIFY(f.open(QIODevice::WriteOnly) && f.resize(4096));
        f.close();
        qputenv("XMS_HOST_NAME", "conv-01");
        JobContext ctx;
        ctx.exported.disks.append(vsphere::ExportedDisk {});
        ctx.exported.disks.first().path = disk;
        const Checkpoint here = Checkpoint::capture(ctx);
        QCOMPARE(here.host, u"conv-01"_s);
        QCOMPARE(Checkpoint::fromJson(here.toJson())->host, u"conv-01"_s);
        QVERIFY(here.verify().has_value());
        QVERIFY(here.onThisHost());

        qputenv("XMS_HOST_NAME", "conv-02"); // the same path may exist there, but not these bytes
        const Status elsewhere = here.verify();
        qunsetenv("XMS_HOST_NAME");
        QVERIFY(!elsewhere);
        QCOMPARE(elsewhere.error().code, u"checkpoint.elsewhere"_s);
        QVERIFY(elsewhere.error().message.contains(u"conv-01"));
        QVERIFY(elsewhere.error().message.contains(u"conv-02"));
    }

    // A job whose stages left no inspection result (or an unreadable one) and did not power anything off.
    void emptyPartsStayEmpty()
    {
        const QJsonObject stored {{u"attempt"_s, 1},
                                  {u"disks"_s, QJsonArray {QJsonObject {{u"path"_s, u"/nowhere/disk-0.raw"_s}}}},
                                  {u"vm"_s, QJsonObject {{u"name"_s, u"web01"_s}}},
                                  {u"guest"_s, QJsonObject {}},
                                  {u"image_properties"_s, QJsonObject {}},
                                  {u"powered_off_moref"_s, QString()}};
        const auto c = Checkpoint::fromJson(stored);
        QVERIFY(c.has_value());
        QVERIFY(!c->guest.has_value());
        QVERIFY(c->poweredOff.isNull());
        QCOMPARE(c->vm.name, u"web01"_s);
        QCOMPARE(c->toJson().value(u"guest").toObject(), QJsonObject());
        QCOMPARE(c->toJson().value(u"powered_off_moref").toString(), QString());
        QCOMPARE(c->verify().error().code, u"checkpoint.stale"_s);
        QVERIFY(!Checkpoint::fromJson({}).has_value());
    }
};

QTEST_GUILESS_MAIN(TestCheckpoint)
#include "tst_checkpoint.moc"
