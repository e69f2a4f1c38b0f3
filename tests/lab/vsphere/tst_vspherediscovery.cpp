// Discovery and sessions against the lab's vCenter simulator: the lab VMs with their disks, NICs (port
// group names resolved) and MACs, datacenter scope, re-login, and every connection failure answered clearly.
#include "testutil.h"
#include "vsphere/discovery.h"
#include "vsphere/soapenvelope.h"
#include "vsphere/task.h"
#include "vsphere/vmevents.h"
#include "vspherelab.h"

#include <QFileInfo>
#include <QProcess>
#include <QScopeGuard>
#include <QTcpServer>
#include <QTest>
#include <QXmlStreamWriter>

using namespace xms;
using namespace xms::vsphere;
using namespace vspherelab;

namespace {
qint64 virtualSize(const QString& image)
{
    return QFileInfo(image).size();
} // the raw images are the disks

// Lab set-up only: the simulator cannot change a disk's mode in place (its ReconfigVM edit drops the disk),
// so a throw-away VM is made with an independent disk, and destroyed afterwards. (RDM backings make
// govmomi 0.24.2's simulator panic; RDM discovery is covered by tst_inventorybuilder's vSphere 7 data.)
const QString kOddVm = QStringLiteral("lab-tmp-odd-disks");

Result<XmlElement> callNow(Session& s, const QString& method, const BodyWriter& args)
{
    std::optional<Result<XmlElement>> r;
    s.call(method, args, [&](Result<XmlElement> res) { r = res; });
    return await(r);
}

Status runTask(Session& s, const Result<XmlElement>& started)
{
    if (!started)
        return std::unexpected(started.error());
    QObject ctx;
    std::optional<Result<XmlElement>> done;
    Task::wait(
        s, moRefFrom(started->child(u"returnval")), &ctx, [&](Result<XmlElement> r) { done = r; }, 100);
    const auto res = await(done);
    return res ? Status {} : Status(std::unexpected(res.error()));
}

MoRef findPath(Session& s, const QString& path)
{
    const MoRef index = s.serviceContent().searchIndex;
    auto r = callNow(s, QStringLiteral("FindByInventoryPath"), [&](QXmlStreamWriter& w) {
        writeMoRef(w, QStringLiteral("_this"), index);
        writeText(w, QStringLiteral("inventoryPath"), path);
    });
    return r ? moRefFrom(r->child(u"returnval")) : MoRef {};
}

Status destroyOddVm(Session& s)
{
    const MoRef vm = findPath(s, env("XMS_LAB_VC_DATACENTER") + u"/vm/" + kOddVm);
    if (vm.isNull())
        return {};
    return runTask(s, callNow(s, QStringLiteral("Destroy_Task"), [&](QXmlStreamWriter& w) {
                       writeMoRef(w, QStringLiteral("_this"), vm);
                   }));
}

void addDisk(QXmlStreamWriter& w, int key, int unit, const QString& backingType, const QString& mode)
{
    w.writeStartElement(QStringLiteral("deviceChange"));
    writeText(w, QStringLiteral("operation"), QStringLiteral("add"));
    writeText(w, QStringLiteral("fileOperation"), QStringLiteral("create"));
    writeTypedStart(w, QStringLiteral("device"), QStringLiteral("VirtualDisk"));
    writeText(w, QStringLiteral("key"), QString::number(key));
    writeTypedStart(w, QStringLiteral("backing"), backingType);
    writeText(w, QStringLiteral("fileName"), QString());
    writeText(w, QStringLiteral("diskMode"), mode);
    w.writeEndElement();
    writeText(w, QStringLiteral("controllerKey"), QStringLiteral("-100"));
    writeText(w, QStringLiteral("unitNumber"), QString::number(unit));
    writeText(w, QStringLiteral("capacityInKB"), QStringLiteral("1024"));
    w.writeEndElement();
    w.writeEndElement();
}

Status createOddVm(Session& s)
{
    const QString dc = env("XMS_LAB_VC_DATACENTER");
    const MoRef folder = findPath(s, dc + u"/vm");
    const MoRef host = findPath(s, dc + u"/host/DC0_H0/DC0_H0");
    const MoRef pool = findPath(s, dc + u"/host/DC0_H0/Resources");
    if (folder.isNull() || host.isNull() || pool.isNull())
        return fail(QStringLiteral("test.setup"), QStringLiteral("DC0's vm folder, DC0_H0 or its pool not found"));
    return runTask(s, callNow(s, QStringLiteral("CreateVM_Task"), [&](QXmlStreamWriter& w) {
                       writeMoRef(w, QStringLiteral("_this"), folder);
                       w.writeStartElement(QStringLiteral("config"));
                       writeText(w, QStringLiteral("name"), kOddVm);
                       writeText(w, QStringLiteral("guestId"), QStringLiteral("debian12_64Guest"));
                       w.writeStartElement(QStringLiteral("files"));
                       writeText(w, QStringLiteral("vmPathName"), u'[' + env("XMS_LAB_VC_DATASTORE") + u']');
                       w.writeEndElement();
                       writeText(w, QStringLiteral("numCPUs"), QStringLiteral("1"));
                       writeText(w, QStringLiteral("memoryMB"), QStringLiteral("128"));
                       w.writeStartElement(QStringLiteral("deviceChange"));
                       writeText(w, QStringLiteral("operation"), QStringLiteral("add"));
                       writeTypedStart(w, QStringLiteral("device"), QStringLiteral("ParaVirtualSCSIController"));
                       writeText(w, QStringLiteral("key"), QStringLiteral("-100"));
                       writeText(w, QStringLiteral("busNumber"), QStringLiteral("0"));
                       writeText(w, QStringLiteral("sharedBus"), QStringLiteral("noSharing"));
                       w.writeEndElement();
                       w.writeEndElement();
                       addDisk(w, -101, 0, QStringLiteral("VirtualDiskFlatVer2BackingInfo"),
                               QStringLiteral("independent_persistent"));
                       addDisk(w, -102, 1, QStringLiteral("VirtualDiskFlatVer2BackingInfo"),
                               QStringLiteral("persistent"));
                       w.writeEndElement();
                       writeMoRef(w, QStringLiteral("pool"), pool);
                       writeMoRef(w, QStringLiteral("host"), host);
                   }));
}

Status openWith(Session::Options o)
{
    Session s(o);
    std::optional<Status> r;
    s.open([&](Status st) { r = st; });
    return await(r, 60000);
}
} // namespace

class TestVsphereDiscovery : public QObject
{
    Q_OBJECT
private slots:
    void labVms()
    {
        auto s = openSession();
        QCOMPARE(s->about().apiType, QStringLiteral("VirtualCenter"));
        auto inv = discover(*s, env("XMS_LAB_VC_DATACENTER"));
        XMS_VERIFY_OK(inv);
        QCOMPARE(inv->datacenter, QStringLiteral("DC0"));
        for (const char* name : {"lab-debian-bios", "lab-debian-uefi", "lab-two-disks", "lab-lease-error",
                                 "lab-drop-download", "lab-debian-static"})
            QVERIFY2(inv->find(QLatin1StringView(name)), name);

        const VmInfo bios = *Discovery::findVm(*inv, QStringLiteral("lab-debian-bios"));
        QCOMPARE(bios.firmware, QStringLiteral("bios"));
        QCOMPARE(bios.guestId, QStringLiteral("debian12_64Guest"));
        QCOMPARE(bios.numCpus, 1);
        QCOMPARE(bios.memoryMB, 2048);
        QCOMPARE(bios.host, QStringLiteral("DC0_H0"));
        QCOMPARE(bios.disks.size(), 1);
        QCOMPARE(bios.disks[0].capacityBytes, virtualSize(env("XMS_LAB_GUEST_BIOS_IMG")));
        QCOMPARE(bios.disks[0].controllerType, QStringLiteral("pvscsi"));
        QCOMPARE(bios.disks[0].datastore, env("XMS_LAB_VC_DATASTORE"));
        QVERIFY(!bios.hasIndependentDisk() && !bios.hasRdm());
        QCOMPARE(bios.nics.size(), 1);
        QCOMPARE(bios.nics[0].network, QStringLiteral("VM Network"));
        QCOMPARE(bios.nics[0].macAddress, QStringLiteral("00:50:56:3a:01:00"));
        QCOMPARE(bios.nics[0].adapterType, QStringLiteral("vmxnet3"));
        // The labels vSphere shows (and preflight and events name), not the simulator's "ethernet--7".
        QCOMPARE(bios.nics[0].label, QStringLiteral("Network adapter 1"));
        QCOMPARE(bios.disks[0].label, QStringLiteral("Hard disk 1"));
        QVERIFY(bios.guestNetwork.isEmpty()); // its Tools report nothing

        QCOMPARE(Discovery::findVm(*inv, QStringLiteral("lab-debian-uefi"))->firmware, QStringLiteral("efi"));

        const VmInfo two = *Discovery::findVm(*inv, QStringLiteral("lab-two-disks"));
        QCOMPARE(two.numCpus, 2);
        QCOMPARE(two.disks.size(), 2);
        QCOMPARE(two.disks[0].capacityBytes, virtualSize(env("XMS_LAB_GUEST_BIOS_IMG")));
        QCOMPARE(two.disks[1].capacityBytes, virtualSize(env("XMS_LAB_DATA_DISK_IMG")));
        QCOMPARE(two.disks[1].unitNumber, 1);
        QCOMPARE(two.nics.size(), 2);
        QCOMPARE(two.nics[0].network, QStringLiteral("VM Network"));
        QCOMPARE(two.nics[0].macAddress, QStringLiteral("00:50:56:3a:03:00"));
        QCOMPARE(two.nics[1].network, QStringLiteral("DC0_DVPG0")); // resolved from the port group key
        QCOMPARE(two.nics[1].networkKind, QStringLiteral("distributed"));
        QCOMPARE(two.nics[1].macAddress, QStringLiteral("00:50:56:3a:03:01"));
        QCOMPARE(two.nics[1].adapterType, QStringLiteral("e1000"));
        QCOMPARE(two.nics[1].label, QStringLiteral("Network adapter 2"));
        QCOMPARE(two.disks[1].label, QStringLiteral("Hard disk 2"));
    }

    void toolsNetworkFacts()
    {
        // lab-debian-static's Tools report a static address on internal-subnet's range (make-lab-vms.py),
        // read through guest.net, guest.ipStack and guest.hostName as from a real vCenter.
        auto s = openSession();
        auto inv = discover(*s, env("XMS_LAB_VC_DATACENTER"));
        XMS_VERIFY_OK(inv);
        const VmInfo vm = *Discovery::findVm(*inv, QStringLiteral("lab-debian-static"));
        QVERIFY(vm.toolsRunning());
        QCOMPARE(vm.nics.size(), 1);
        QCOMPARE(vm.nics[0].macAddress, QStringLiteral("00:50:56:3a:06:00"));
        QCOMPARE(vm.nics[0].pciSlot, 192); // slotInfo: the guest calls it ens192
        QCOMPARE(VmInfo::fromJson(vm.toJson()).nics[0].pciSlot, 192);
        const GuestNetwork& g = vm.guestNetwork;
        QCOMPARE(g.hostName, QStringLiteral("lab-debian-static"));
        QCOMPARE(g.domainName, QStringLiteral("lab.example"));
        QCOMPARE(g.nics.size(), 1);
        const GuestNic* nic = g.nic(vm.nics[0].macAddress);
        QVERIFY(nic);
        QCOMPARE(
            nic->addresses,
            (QList<GuestIp> {{QStringLiteral("10.10.0.200"), 24}, {QStringLiteral("fe80::250:56ff:fe3a:600"), 64}}));
        QCOMPARE(nic->ipv4Gateway, QStringLiteral("10.10.0.1"));
        QVERIFY(nic->ipv6Gateway.isEmpty());
        QCOMPARE(nic->dnsServers, (QStringList {QStringLiteral("10.10.0.2"), QStringLiteral("10.10.0.3")}));
        // Kept through the JSON that the inventory cache, events and checkpoint carry.
        QCOMPARE(VmInfo::fromJson(vm.toJson()).guestNetwork, g);
    }

    void wholeServerEqualsDatacenterHere()
    {
        auto s = openSession();
        auto all = discover(*s);
        auto dc = discover(*s, QStringLiteral("DC0"));
        XMS_VERIFY_OK(all);
        XMS_VERIFY_OK(dc);
        QCOMPARE(all->vms.size(), dc->vms.size()); // the simulator has one datacenter
    }

    void unknownDatacenterNamesTheRealOnes()
    {
        auto s = openSession();
        auto inv = discover(*s, QStringLiteral("DC9"));
        QVERIFY(!inv);
        QCOMPARE(inv.error().code, QStringLiteral("vsphere.datacenter.not_found"));
        QVERIFY2(inv.error().message.contains(u"DC0"), qPrintable(inv.error().message));
    }

    void unknownVmName()
    {
        auto s = openSession();
        auto inv = discover(*s);
        XMS_VERIFY_OK(inv);
        auto vm = Discovery::findVm(*inv, QStringLiteral("no-such-vm"));
        QVERIFY(!vm);
        QCOMPARE(vm.error().code, QStringLiteral("vsphere.vm.not_found"));
        QVERIFY(vm.error().message.contains(u"no-such-vm"));
    }

    // Finding 3 (resume can migrate stale disks): a VM powered on and off again since its disks were
    // exported looks "off" like one that never ran; vCenter's event history tells them apart. Uses
    // lab-lease-error (its power state is put back; the vcsim lock keeps the export test away meanwhile).
    void powerOnSinceIsInTheEventHistory()
    {
        auto s = openSession();
        const VmInfo before = vspherelab::vm(*s, QStringLiteral("lab-lease-error"));
        const MoRef vm = before.moref;
        QVERIFY(!vm.value.isEmpty());
        auto restore = qScopeGuard([&] {
            if (before.powerState == u"poweredOn")
                vspherelab::powerOn(*s, vm);
        });
        XMS_VERIFY_OK(vspherelab::powerOff(*s, vm));
        QTest::qWait(1100);
        const QDateTime exported = QDateTime::currentDateTimeUtc(); // as a job's export would start
        std::optional<Result<std::optional<QDateTime>>> quiet;
        vmevents::poweredOnSince(*s, vm, exported, [&](Result<std::optional<QDateTime>> r) { quiet = r; });
        const auto none = await(quiet);
        XMS_VERIFY_OK(none);
        QVERIFY2(!none->has_value(), "no power-on yet");

        XMS_VERIFY_OK(vspherelab::powerOn(*s, vm));
        XMS_VERIFY_OK(vspherelab::powerOff(*s, vm)); // off again: the power state alone says nothing
        QCOMPARE(vspherelab::vm(*s, QStringLiteral("lab-lease-error")).powerState, QStringLiteral("poweredOff"));
        std::optional<Result<std::optional<QDateTime>>> ran;
        vmevents::poweredOnSince(*s, vm, exported, [&](Result<std::optional<QDateTime>> r) { ran = r; });
        const auto on = await(ran);
        XMS_VERIFY_OK(on);
        QVERIFY2(on->has_value(), "the power-on is in the event history");
        QVERIFY2(**on >= exported.addSecs(-1) && **on <= QDateTime::currentDateTimeUtc().addSecs(1),
                 qPrintable((*on)->toString(Qt::ISODateWithMs)));

        std::optional<Result<std::optional<QDateTime>>> later;
        vmevents::poweredOnSince(*s, vm, QDateTime::currentDateTimeUtc().addSecs(1),
                                 [&](Result<std::optional<QDateTime>> r) { later = r; });
        const auto after = await(later);
        XMS_VERIFY_OK(after);
        QVERIFY(!after->has_value()); // only power-ons after the given time count
    }

    void reloginAfterTheSessionWasClosed()
    {
        auto s = openSession();
        // Log out behind the session's back, as a vCenter restart or idle timeout would.
        std::optional<Result<XmlElement>> out;
        const MoRef sm = s->serviceContent().sessionManager;
        s->soap().call(
            QStringLiteral("Logout"), [sm](QXmlStreamWriter& w) { writeMoRef(w, QStringLiteral("_this"), sm); },
            [&](Result<XmlElement> r) { out = r; });
        XMS_VERIFY_OK(await(out));
        auto inv = discover(*s);
        XMS_VERIFY_OK(inv);
        QVERIFY(inv->find(QStringLiteral("lab-two-disks")));
    }

    void independentDiskIsReported()
    {
        // Preflight must see it: an independent disk is left out of snapshots.
        auto s = openSession();
        XMS_VERIFY_OK(destroyOddVm(*s)); // left over from an interrupted run
        XMS_VERIFY_OK(createOddVm(*s));
        auto inv = discover(*s);
        const Status destroyed = destroyOddVm(*s);
        XMS_VERIFY_OK(inv);
        auto vm = Discovery::findVm(*inv, kOddVm);
        XMS_VERIFY_OK(vm);
        QCOMPARE(vm->disks.size(), 2);
        QVERIFY(vm->disks[0].isIndependent());
        QCOMPARE(vm->disks[0].diskMode, QStringLiteral("independent_persistent"));
        QVERIFY(!vm->disks[1].isIndependent());
        QVERIFY(vm->hasIndependentDisk());
        QVERIFY(!vm->hasRdm());
        QVERIFY(vm->toJson().value(u"hasIndependentDisk").toBool());
        XMS_VERIFY_OK(destroyed);
        auto after = discover(*s);
        XMS_VERIFY_OK(after);
        QVERIFY(!after->find(kOddVm));
    }

    void connectionFailures_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("code");
        QTest::newRow("unknown host") << 0 << "net.host_not_found";
        QTest::newRow("refused port") << 1 << "net.connection_refused";
        QTest::newRow("wrong password") << 2 << "vsphere.invalid_login";
        QTest::newRow("untrusted certificate") << 3 << "tls.untrusted";
        QTest::newRow("pin mismatch") << 4 << "tls.pin_mismatch";
        QTest::newRow("CA file trusts it") << 5 << "";
        QTest::newRow("SHA-256 pin") << 6 << "";
    }

    void connectionFailures()
    {
        QFETCH(int, kind);
        QFETCH(QString, code);
        Session::Options o = options();
        QTcpServer closed;
        switch (kind) {
        case 0:
            o.host = QStringLiteral("vcenter.xms-lab.invalid");
            break;
        case 1:
            QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
            o.port = closed.serverPort();
            closed.close();
            break;
        case 2:
            o.password = QStringLiteral("not-the-password");
            break;
        case 3:
            o.tls = TlsPolicy {};
            break; // system CAs do not know the lab's certificate
        case 4:
            o.tls = TlsPolicy::pinned(QByteArray("00112233445566778899aabbccddeeff00112233"));
            break;
        case 5:
            o.tls.mode = TlsPolicy::Mode::CaFile;
            o.tls.caFile = env("XMS_LAB_VC_CA_FILE");
            break;
        case 6:
            o.tls = TlsPolicy::pinned(env("XMS_LAB_VC_THUMBPRINT_SHA256").toLatin1());
            break;
        }
        const Status r = openWith(o);
        if (code.isEmpty()) {
            XMS_VERIFY_OK(r);
            return;
        }
        QVERIFY(!r);
        QCOMPARE(r.error().code, code);
        QVERIFY(!r.error().message.isEmpty());
        if (kind == 3 || kind == 4) // the operator can compare and pin
            QVERIFY2(r.error().message.contains(env("XMS_LAB_VC_THUMBPRINT_SHA256")), qPrintable(r.error().message));
    }
};

QTEST_GUILESS_MAIN(TestVsphereDiscovery)
#include "tst_vspherediscovery.moc"
