// The discovery model: RetrievePropertiesEx results (recorded from the lab simulator, and hand-written
// vSphere 7 shapes) into VmInfo/DiskInfo/NicInfo, their JSON, and VM lookup.
#include "testutil.h"
#include "vsphere/discovery.h"
#include "vsphere/inventorybuilder.h"
#include "vsphere/inventorycache.h"
#include "vsphere/soapenvelope.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace xms;
using namespace xms::vsphere;

namespace {
QList<ObjectContent> objectsFrom(const char* file, QString* token = nullptr)
{
    QFile f(QStringLiteral(XMS_SOURCE_DIR "/tests/unit/vsphere/data/") + QLatin1StringView(file));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing test data %s", file);
    auto reply = parseEnvelope(f.readAll());
    if (!reply || reply->fault)
        qFatal("bad test data %s", file);
    QList<ObjectContent> out;
    const QString t = parseRetrieveResult(reply->returnval(), out);
    if (token)
        *token = t;
    return out;
}

const VmInfo& vmNamed(const QList<VmInfo>& vms, const QString& name)
{
    for (const VmInfo& v : vms) {
        if (v.name == name)
            return v;
    }
    qFatal("no VM %s", qPrintable(name));
}
} // namespace

class TestInventoryBuilder : public QObject
{
    Q_OBJECT
private slots:
    void labSimulator()
    {
        QString token;
        const QList<ObjectContent> objects = objectsFrom("vcsim-inventory.xml", &token);
        QVERIFY(token.isEmpty());
        const QList<VmInfo> vms = InventoryBuilder::build(objects);
        QStringList names;
        for (const VmInfo& v : vms)
            names << v.name;
        QCOMPARE(names,
                 (QStringList {QStringLiteral("lab-debian-bios"), QStringLiteral("lab-debian-uefi"),
                               QStringLiteral("lab-drop-download"), QStringLiteral("lab-lease-error"),
                               QStringLiteral("lab-two-disks")}));

        const VmInfo& two = vmNamed(vms, QStringLiteral("lab-two-disks"));
        QCOMPARE(two.moref, (MoRef {QStringLiteral("VirtualMachine"), QStringLiteral("vm-63")}));
        QCOMPARE(two.numCpus, 2);
        QCOMPARE(two.memoryMB, 2048);
        QCOMPARE(two.firmware, QStringLiteral("bios"));
        QCOMPARE(two.guestId, QStringLiteral("debian12_64Guest"));
        QCOMPARE(two.host, QStringLiteral("DC0_H0"));
        QCOMPARE(two.powerState, QStringLiteral("poweredOn"));
        QVERIFY(!two.instanceUuid.isEmpty());
        QCOMPARE(two.disks.size(), 2);
        for (int i = 0; i < 2; ++i) {
            QCOMPARE(two.disks[i].controllerType, QStringLiteral("pvscsi"));
            QCOMPARE(two.disks[i].unitNumber, i);
            QCOMPARE(two.disks[i].datastore, QStringLiteral("LocalDS_0"));
            QCOMPARE(two.disks[i].provisioning, QStringLiteral("thin"));
            QCOMPARE(two.disks[i].diskMode, QStringLiteral("persistent"));
            QVERIFY(two.disks[i].capacityBytes > 0);
        }
        QCOMPARE(two.nics.size(), 2);
        QCOMPARE(two.nics[0].network, QStringLiteral("VM Network"));
        QCOMPARE(two.nics[0].networkKind, QStringLiteral("standard"));
        QCOMPARE(two.nics[0].adapterType, QStringLiteral("vmxnet3"));
        QCOMPARE(two.nics[0].macAddress, QStringLiteral("00:50:56:3a:03:00"));
        // The distributed port group is named although the backing only carries its key.
        QCOMPARE(two.nics[1].network, QStringLiteral("DC0_DVPG0"));
        QCOMPARE(two.nics[1].networkKind, QStringLiteral("distributed"));
        QCOMPARE(two.nics[1].adapterType, QStringLiteral("e1000"));
        QCOMPARE(two.nics[1].macAddress, QStringLiteral("00:50:56:3a:03:01"));

        QCOMPARE(vmNamed(vms, QStringLiteral("lab-debian-uefi")).firmware, QStringLiteral("efi"));
    }

    void edgeCases()
    {
        const QList<VmInfo> vms = InventoryBuilder::build(objectsFrom("inventory-edge.xml"));
        QCOMPARE(vms.size(), 4);
        // Numeric-aware, case-insensitive order.
        QCOMPARE(vms[0].name, QStringLiteral("app-9"));
        QCOMPARE(vms[1].name, QStringLiteral("app-10"));

        const VmInfo& db = vmNamed(vms, QStringLiteral("db-01"));
        QCOMPARE(db.firmware, QStringLiteral("efi"));
        QVERIFY(db.secureBoot);
        QCOMPARE(db.hardwareVersion, QStringLiteral("vmx-19"));
        QCOMPARE(db.numCpus, 8);
        QCOMPARE(db.coresPerSocket, 4);
        QCOMPARE(db.memoryMB, 32768);
        QCOMPARE(db.host, QStringLiteral("esx01.example.com"));
        QVERIFY(db.toolsRunning());
        QVERIFY(db.hasSnapshot);
        QVERIFY(!db.isTemplate);
        QCOMPARE(db.guestFullName, QStringLiteral("Microsoft Windows Server 2019 (64-bit)"));

        QCOMPARE(db.disks.size(), 3);
        const DiskInfo& boot = db.disks[0];
        QCOMPARE(boot.label, QStringLiteral("Hard disk 1"));
        QCOMPARE(boot.capacityBytes, Q_INT64_C(42949672960));
        QCOMPARE(boot.fileName, QStringLiteral("[ds-ssd 01] db-01/db-01-000001.vmdk")); // the snapshot's delta
        QCOMPARE(boot.datastore, QStringLiteral("ds-ssd 01"));
        QCOMPARE(boot.controllerType, QStringLiteral("lsilogic-sas"));
        QCOMPARE(boot.provisioning, QStringLiteral("thick-eager"));
        QVERIFY(!boot.isIndependent());
        QVERIFY(!boot.isRdm());
        const DiskInfo& rdm = db.disks[1];
        QVERIFY(rdm.isRdm());
        QCOMPARE(rdm.rdmCompatibility, QStringLiteral("physicalMode"));
        QCOMPARE(rdm.capacityBytes, Q_INT64_C(104857600) * 1024); // from capacityInKB when bytes are absent
        QVERIFY(rdm.provisioning.isEmpty());
        const DiskInfo& indep = db.disks[2];
        QVERIFY(indep.isIndependent());
        QCOMPARE(indep.controllerType, QStringLiteral("pvscsi"));
        QCOMPARE(indep.controllerBus, 1);
        QCOMPARE(indep.unitNumber, 2);
        QVERIFY(db.hasIndependentDisk());
        QVERIFY(db.hasRdm());

        QCOMPARE(db.nics.size(), 3); // the video card is not a NIC
        QCOMPARE(db.nics[0].network, QStringLiteral("Prod-VLAN10"));
        QCOMPARE(db.nics[0].macAddress, QStringLiteral("00:50:56:ab:cd:01")); // lower case
        QCOMPARE(db.nics[0].addressType, QStringLiteral("assigned"));
        QVERIFY(db.nics[0].connected && db.nics[0].startConnected);
        QCOMPARE(db.nics[1].network, QStringLiteral("seg-web"));
        QCOMPARE(db.nics[1].networkKind, QStringLiteral("opaque"));
        QCOMPARE(db.nics[1].adapterType, QStringLiteral("e1000e"));
        QVERIFY(!db.nics[1].connected);
        QCOMPARE(db.nics[2].network, QStringLiteral("Backup & Restore")); // the network's name, not deviceName
        QCOMPARE(db.nics[2].adapterType, QStringLiteral("sriov"));

        const VmInfo& tmpl = vmNamed(vms, QStringLiteral("tmpl-centos"));
        QVERIFY(tmpl.isTemplate);
        QVERIFY(tmpl.isPoweredOff());
        QCOMPARE(tmpl.firmware, QStringLiteral("bios")); // the default when unset
        QCOMPARE(tmpl.disks.value(0).controllerType, QStringLiteral("ide"));
        QCOMPARE(tmpl.disks.value(0).backing, QStringLiteral("sparse"));
        QCOMPARE(tmpl.disks.value(0).provisioning, QStringLiteral("thin"));
        QCOMPARE(tmpl.nics.value(0).adapterType, QStringLiteral("pcnet32"));
        QVERIFY(tmpl.host.isEmpty());

        // A VM whose devices could not be read is listed without them, not dropped.
        const VmInfo& app = vmNamed(vms, QStringLiteral("app-10"));
        QCOMPARE(app.powerState, QStringLiteral("suspended"));
        QVERIFY(app.disks.isEmpty());
    }

    void guestNetworkFromTools()
    {
        const QList<VmInfo> vms = InventoryBuilder::build(objectsFrom("inventory-edge.xml"));
        const GuestNetwork& g = vmNamed(vms, QStringLiteral("db-01")).guestNetwork;
        QCOMPARE(g.hostName, QStringLiteral("db-01.corp.example")); // guest.hostName wins over the stack's
        QCOMPARE(g.domainName, QStringLiteral("corp.example"));
        QCOMPARE(g.nics.size(), 2); // the in-guest bridge without a MAC is no virtual NIC
        const GuestNic* app = g.nic(QStringLiteral("00:50:56:AB:CD:01"));
        QVERIFY(app);
        QCOMPARE(app->addresses.size(), 2);
        QCOMPARE(app->addresses[0].withPrefix(), QStringLiteral("10.1.0.15/24"));
        QCOMPARE(app->addresses[1].withPrefix(), QStringLiteral("fe80::250:56ff:feab:cd01/64"));
        QCOMPARE(app->ipv4Gateway, QStringLiteral("10.1.0.1")); // no device index: the NIC whose subnet holds it
        QCOMPARE(app->ipv6Gateway, QStringLiteral("fe80::1")); // device 0
        QCOMPARE(app->dnsServers, QStringList {QStringLiteral("10.1.0.2")}); // the NIC's own
        const GuestNic* backup = g.nic(QStringLiteral("00:50:56:ab:cd:03"));
        QVERIFY(backup);
        QCOMPARE(backup->addresses.value(0).withPrefix(), QStringLiteral("192.168.7.9")); // no prefix reported
        QVERIFY(backup->ipv4Gateway.isEmpty()); // 10.99.0.0/16 is not a default route
        QCOMPARE(backup->dnsServers, (QStringList {QStringLiteral("10.1.0.2"), QStringLiteral("10.1.0.3")}));
        QCOMPARE(app->summary(),
                 QStringLiteral("10.1.0.15/24 fe80::250:56ff:feab:cd01/64 gw 10.1.0.1 gw fe80::1 dns 10.1.0.2"));
        QVERIFY(!g.nic(QStringLiteral("00:50:56:3f:00:02"))); // the disconnected NIC: Tools did not list it

        // JSON round trip, and a VM Tools never reported on carries no guestNetwork key at all.
        const VmInfo& db = vmNamed(vms, QStringLiteral("db-01"));
        QCOMPARE(VmInfo::fromJson(db.toJson()), db);
        QVERIFY(!vmNamed(vms, QStringLiteral("tmpl-centos")).toJson().contains(u"guestNetwork"));

        GuestNetwork later = g;
        later.hostName = QStringLiteral("db-02");
        later.nics[0].addresses[0].address = QStringLiteral("10.1.0.16");
        later.nics.removeLast();
        QCOMPARE(GuestNetwork::differences(g, g), QStringList {});
        QCOMPARE(GuestNetwork::differences(g, later),
                 (QStringList {QStringLiteral("hostname db-01.corp.example → db-02"),
                               QStringLiteral("00:50:56:ab:cd:01 addresses 10.1.0.15/24 fe80::250:56ff:feab:cd01/64 → "
                                              "10.1.0.16/24 fe80::250:56ff:feab:cd01/64"),
                               QStringLiteral("00:50:56:ab:cd:03 addresses 192.168.7.9 → none"),
                               QStringLiteral("00:50:56:ab:cd:03 dns 10.1.0.2,10.1.0.3 → none")}));
    }

    void jsonRoundTrip()
    {
        Inventory inv;
        inv.datacenter = QStringLiteral("DC0");
        inv.fetchedAt = QDateTime::currentDateTimeUtc();
        inv.elapsedMs = 12;
        inv.vms = InventoryBuilder::build(objectsFrom("inventory-edge.xml"));
        inv.vms += InventoryBuilder::build(objectsFrom("vcsim-inventory.xml"));
        const QJsonObject json = inv.toJson();
        const Inventory back = Inventory::fromJson(json);
        QCOMPARE(back.vms.size(), inv.vms.size());
        QCOMPARE(QJsonDocument(back.toJson()).toJson(), QJsonDocument(json).toJson());
        const QJsonObject db = json.value(u"vms").toArray().at(2).toObject();
        QCOMPARE(db.value(u"name").toString(), QStringLiteral("db-01"));
        QCOMPARE(db.value(u"hasRdm").toBool(), true);
        QCOMPARE(db.value(u"disks").toArray().at(0).toObject().value(u"capacityBytes").toDouble(), 42949672960.0);
    }

    void findVm_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("moref"); // empty: an error
        QTest::addColumn<QString>("code");
        QTest::newRow("by name") << "db-01"
                                 << "vm-101"
                                 << "";
        QTest::newRow("by id") << "vm-7"
                               << "vm-7"
                               << "";
        QTest::newRow("by typed id") << "VirtualMachine:vm-8"
                                     << "vm-8"
                                     << "";
        QTest::newRow("unknown") << "nope"
                                 << ""
                                 << "vsphere.vm.not_found";
        QTest::newRow("case matters") << "DB-01"
                                      << ""
                                      << "vsphere.vm.not_found";
        QTest::newRow("twice") << "dup"
                               << ""
                               << "vsphere.vm.ambiguous";
    }

    void findVm()
    {
        QFETCH(QString, query);
        QFETCH(QString, moref);
        QFETCH(QString, code);
        Inventory inv;
        inv.datacenter = QStringLiteral("DC0");
        inv.vms = InventoryBuilder::build(objectsFrom("inventory-edge.xml"));
        VmInfo a, b;
        a.name = b.name = QStringLiteral("dup");
        a.moref = {QStringLiteral("VirtualMachine"), QStringLiteral("vm-201")};
        b.moref = {QStringLiteral("VirtualMachine"), QStringLiteral("vm-202")};
        inv.vms << a << b;
        auto r = Discovery::findVm(inv, query);
        if (moref.isEmpty()) {
            QVERIFY(!r);
            QCOMPARE(r.error().code, code);
            QVERIFY(r.error().message.contains(query));
            if (code == u"vsphere.vm.ambiguous")
                QVERIFY(r.error().message.contains(u"vm-201") && r.error().message.contains(u"vm-202"));
        } else {
            XMS_VERIFY_OK(r);
            QCOMPARE(r->moref.value, moref);
        }
    }

    void cache()
    {
        // XMS_HOME is the test's own directory (ctest sets it), so the cache lives there.
        const QString source = QStringLiteral("cache-test");
        InventoryCache::remove(source);
        QVERIFY(!InventoryCache::load(source, 600));
        Inventory inv;
        inv.datacenter = QStringLiteral("DC0");
        inv.fetchedAt = QDateTime::currentDateTimeUtc();
        inv.vms = InventoryBuilder::build(objectsFrom("vcsim-inventory.xml"));
        XMS_VERIFY_OK(InventoryCache::save(source, inv));
        auto loaded = InventoryCache::load(source, 600);
        QVERIFY(loaded);
        QCOMPARE(loaded->vms.size(), 5);
        QCOMPARE(loaded->toJson(), inv.toJson());
        inv.fetchedAt = inv.fetchedAt.addSecs(-601); // too old: a fresh discovery is due
        XMS_VERIFY_OK(InventoryCache::save(source, inv));
        QVERIFY(!InventoryCache::load(source, 600));
        QVERIFY(InventoryCache::load(source, 3600));
        InventoryCache::remove(source);
        QVERIFY(!InventoryCache::load(source, 3600));
    }

    void helpers()
    {
        QCOMPARE(InventoryBuilder::datastoreOf(QStringLiteral("[LocalDS_0] vm/vm.vmdk")), QStringLiteral("LocalDS_0"));
        QCOMPARE(InventoryBuilder::datastoreOf(QStringLiteral("vm.vmdk")), QString());
        QCOMPARE(InventoryBuilder::datastoreOf(QStringLiteral("[broken")), QString());
        QCOMPARE(InventoryBuilder::controllerTypeOf(QStringLiteral("VirtualNVMEController")), QStringLiteral("nvme"));
        QCOMPARE(InventoryBuilder::controllerTypeOf(QStringLiteral("VirtualDisk")), QString());
        QCOMPARE(InventoryBuilder::adapterTypeOf(QStringLiteral("VirtualVmxnet3")), QStringLiteral("vmxnet3"));
        QCOMPARE(InventoryBuilder::adapterTypeOf(QStringLiteral("VirtualCdrom")), QString());
    }
};

QTEST_GUILESS_MAIN(TestInventoryBuilder)
#include "tst_inventorybuilder.moc"
