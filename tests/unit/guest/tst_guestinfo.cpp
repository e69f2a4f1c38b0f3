#include "guest/guestfixesstage.h"
#include "guest/guestfsenv.h"
#include "guest/guestinfo.h"
#include "guest/imageproperties.h"
#include "guest/libvirtxml.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>
#include <unistd.h>

using namespace xms;
using namespace Qt::StringLiterals;

namespace {
GuestPartition part(int n, const QString& gptType, int mbrId = -1)
{
    GuestPartition p;
    p.number = n;
    p.device = u"/dev/sda" + QString::number(n);
    p.gptType = gptType;
    p.mbrId = mbrId;
    p.esp = gptType == kEspGptType || mbrId == 0xef;
    p.biosBoot = gptType == kBiosBootGptType;
    return p;
}

GuestDisk disk(const QString& table, QList<GuestPartition> parts)
{
    GuestDisk d;
    d.device = QStringLiteral("/dev/sda");
    d.size = 2ull << 30;
    d.partitionTable = table;
    d.partitions = std::move(parts);
    return d;
}

GuestInfo debianUefi()
{
    GuestInfo g;
    g.disks = {disk(QStringLiteral("gpt"),
                    {part(1, kEspGptType), part(2, QStringLiteral("0FC63DAF-8483-4772-8E79-3D69D8477DE4"))})};
    g.filesystems = {{QStringLiteral("/dev/sda1"),
                      QStringLiteral("vfat"),
                      {},
                      QStringLiteral("ABCD-1234"),
                      QStringLiteral("/boot/efi"),
                      134217728,
                      6291456},
                     {QStringLiteral("/dev/sda2"), QStringLiteral("ext4"), QStringLiteral("root"),
                      QStringLiteral("0f1e"), QStringLiteral("/"), 1900000000, 800000000}};
    GuestRoot r;
    r.root = QStringLiteral("/dev/sda2");
    r.osType = QStringLiteral("linux");
    r.distro = QStringLiteral("debian");
    r.majorVersion = 12;
    r.minorVersion = 15;
    r.productName = QStringLiteral("Debian GNU/Linux 12 (bookworm)");
    r.osinfo = QStringLiteral("debian12");
    r.arch = QStringLiteral("x86_64");
    r.hostname = QStringLiteral("lab-uefi");
    r.packageFormat = QStringLiteral("deb");
    r.packageManagement = QStringLiteral("apt");
    r.mountpoints = {{QStringLiteral("/"), QStringLiteral("/dev/sda2")},
                     {QStringLiteral("/boot/efi"), QStringLiteral("/dev/sda1")}};
    r.applicationCount = 212;
    r.apps = {{QStringLiteral("vmware-tools"), QStringLiteral("open-vm-tools"), QStringLiteral("2:12.2.0-1+deb12u2")}};
    g.roots = {r};
    g.layoutFirmware = Firmware::Uefi;
    g.vmFirmware = Firmware::Uefi;
    g.firmware = Firmware::Uefi;
    g.lvm.volumeGroups = {QStringLiteral("vg0")};
    g.elapsedMs = 24000;
    return g;
}
} // namespace

class TestGuestInfo : public QObject
{
    Q_OBJECT
private slots:
    void firmwareKeys()
    {
        QCOMPARE(firmwareKey(Firmware::Uefi), QStringLiteral("uefi"));
        QCOMPARE(firmwareFromKey(u"efi"), Firmware::Uefi); // vSphere's spelling
        QCOMPARE(firmwareFromKey(u"BIOS"), Firmware::Bios);
        QCOMPARE(firmwareFromKey(u""), Firmware::Unknown);
    }

    void layout_data()
    {
        QTest::addColumn<QList<GuestDisk>>("disks");
        QTest::addColumn<Firmware>("expected");
        QTest::addColumn<bool>("hybrid");
        QTest::newRow("mbr") << QList<GuestDisk> {disk(QStringLiteral("msdos"), {part(1, {}, 0x83)})} << Firmware::Bios
                             << false;
        QTest::newRow("gpt+esp") << QList<GuestDisk> {disk(QStringLiteral("gpt"), {part(1, kEspGptType)})}
                                 << Firmware::Uefi << false;
        QTest::newRow("gpt+biosboot") << QList<GuestDisk> {disk(QStringLiteral("gpt"), {part(1, kBiosBootGptType)})}
                                      << Firmware::Bios << false;
        QTest::newRow("hybrid") << QList<GuestDisk> {disk(QStringLiteral("gpt"),
                                                          {part(1, kBiosBootGptType), part(2, kEspGptType)})}
                                << Firmware::Uefi << true;
        QTest::newRow("mbr 0xef") << QList<GuestDisk> {disk(QStringLiteral("msdos"), {part(1, {}, 0xef)})}
                                  << Firmware::Uefi << false;
        QTest::newRow("whole-disk fs") << QList<GuestDisk> {disk({}, {})} << Firmware::Bios << false;
        QTest::newRow("no disks") << QList<GuestDisk> {} << Firmware::Unknown << false;
    }
    void layout()
    {
        QFETCH(QList<GuestDisk>, disks);
        QFETCH(Firmware, expected);
        QFETCH(bool, hybrid);
        bool h = !hybrid;
        QCOMPARE(firmwareFromLayout(disks, &h), expected);
        QCOMPARE(h, hybrid);
    }

    void decide_data()
    {
        QTest::addColumn<Firmware>("vm");
        QTest::addColumn<Firmware>("layout");
        QTest::addColumn<bool>("hybrid");
        QTest::addColumn<Firmware>("expected");
        QTest::addColumn<bool>("warns");
        QTest::newRow("agree uefi") << Firmware::Uefi << Firmware::Uefi << false << Firmware::Uefi << false;
        QTest::newRow("vm unknown → layout") << Firmware::Unknown << Firmware::Uefi << false << Firmware::Uefi << false;
        QTest::newRow("nothing known → bios")
            << Firmware::Unknown << Firmware::Unknown << false << Firmware::Bios << false;
        QTest::newRow("vm uefi, no esp") << Firmware::Uefi << Firmware::Bios << false << Firmware::Uefi << true;
        QTest::newRow("vm bios, esp") << Firmware::Bios << Firmware::Uefi << false << Firmware::Bios << true;
        QTest::newRow("vm bios, hybrid") << Firmware::Bios << Firmware::Uefi << true << Firmware::Bios << false;
    }
    void decide()
    {
        QFETCH(Firmware, vm);
        QFETCH(Firmware, layout);
        QFETCH(bool, hybrid);
        QFETCH(Firmware, expected);
        QFETCH(bool, warns);
        QStringList warnings;
        QCOMPARE(decideFirmware(vm, layout, hybrid, &warnings), expected);
        QCOMPARE(!warnings.isEmpty(), warns);
    }

    void appKinds_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("display");
        QTest::addColumn<QString>("kind");
        QTest::newRow("open-vm-tools") << u"open-vm-tools"_s << QString() << u"vmware-tools"_s;
        QTest::newRow("desktop") << u"open-vm-tools-desktop"_s << QString() << u"vmware-tools"_s;
        QTest::newRow("windows") << u"{GUID}"_s << u"VMware Tools"_s << u"vmware-tools"_s;
        QTest::newRow("agent") << u"qemu-guest-agent"_s << QString() << u"qemu-guest-agent"_s;
        QTest::newRow("cloud-init") << u"cloud-init"_s << QString() << u"cloud-init"_s;
        QTest::newRow("unrelated") << u"open-vm-tools-dev-doc-like-bash"_s << QString() << QString();
        QTest::newRow("bash") << u"bash"_s << QString() << QString();
    }
    void appKinds()
    {
        QFETCH(QString, name);
        QFETCH(QString, display);
        QFETCH(QString, kind);
        QCOMPARE(appKindOf(name, display), kind);
    }

    void jsonRoundTrip()
    {
        const GuestInfo g = debianUefi();
        const QJsonObject o = g.toJson();
        // Through text, as the store and the event keep it.
        const QJsonObject back = QJsonDocument::fromJson(QJsonDocument(o).toJson()).object();
        const auto parsed = GuestInfo::fromJson(back);
        QVERIFY(parsed.has_value());
        QCOMPARE(*parsed, g);
        QCOMPARE(o[u"firmware"].toString(), u"uefi"_s);
        QCOMPARE(o[u"summary"].toString(), u"Debian GNU/Linux 12 (bookworm) x86_64, UEFI, VMware tools installed"_s);
        QCOMPARE(o[u"roots"].toArray().first().toObject()[u"vmwareTools"].toBool(), true);
        QVERIFY(!GuestInfo::fromJson(QJsonObject {{u"x"_s, 1}}).has_value());
    }

    void displayNames()
    {
        GuestRoot r;
        r.distro = u"debian"_s;
        r.productName = u"12.15"_s; // what libguestfs reports for Debian (/etc/debian_version)
        QCOMPARE(r.displayName(), u"Debian 12.15"_s);
        r.productName = u"Ubuntu 22.04.4 LTS"_s;
        QCOMPARE(r.displayName(), u"Ubuntu 22.04.4 LTS"_s);
        r.distro = u"alpinelinux"_s;
        r.productName.clear();
        r.majorVersion = 3;
        r.minorVersion = 19;
        QCOMPARE(r.displayName(), u"Alpinelinux 3.19"_s);
    }

    void imageProps()
    {
        GuestInfo g = debianUefi();
        GuestFixesResult fixes;
        fixes.guestAgentAtFirstBoot = true;
        QJsonObject p = imageProperties(g, &fixes);
        QCOMPARE(p[u"hw_disk_bus"].toString(), u"virtio"_s);
        QCOMPARE(p[u"hw_vif_model"].toString(), u"virtio"_s);
        QCOMPARE(p[u"hw_firmware_type"].toString(), u"uefi"_s);
        QCOMPARE(p[u"hw_machine_type"].toString(), u"q35"_s);
        QCOMPARE(p[u"os_type"].toString(), u"linux"_s);
        QCOMPARE(p[u"os_distro"].toString(), u"debian12"_s);
        QCOMPARE(p[u"hw_qemu_guest_agent"].toString(), u"yes"_s);

        g.firmware = Firmware::Bios;
        g.roots[0].osinfo = QStringLiteral("unknown");
        p = imageProperties(g);
        QCOMPARE(p[u"hw_firmware_type"].toString(), u"bios"_s);
        QVERIFY(!p.contains(u"hw_machine_type")); // the cloud's default machine type boots BIOS guests
        QCOMPARE(p[u"os_distro"].toString(), u"debian"_s);
        QVERIFY(!p.contains(u"hw_qemu_guest_agent"));
    }

    void driveNames()
    {
        QCOMPARE(driveName(0), u"sda"_s);
        QCOMPARE(driveName(25), u"sdz"_s);
        QCOMPARE(driveName(26), u"sdaa"_s);
        QCOMPARE(driveName(27), u"sdab"_s);
    }

    void libvirtXml()
    {
        const QByteArray xml = libvirtDomainXml(QStringLiteral("web <01>"),
                                                {{QStringLiteral("/s/disk-0.qcow2"), QStringLiteral("qcow2")},
                                                 {QStringLiteral("/s/disk-1.qcow2"), QStringLiteral("qcow2")}},
                                                Firmware::Uefi);
        QXmlStreamReader r(xml);
        QStringList sources, targets;
        QString firmware, name, type;
        while (!r.atEnd()) {
            if (r.readNext() != QXmlStreamReader::StartElement)
                continue;
            if (r.name() == u"domain")
                type = r.attributes().value(QLatin1StringView("type")).toString();
            else if (r.name() == u"name")
                name = r.readElementText();
            else if (r.name() == u"os")
                firmware = r.attributes().value(QLatin1StringView("firmware")).toString();
            else if (r.name() == u"source")
                sources.append(r.attributes().value(QLatin1StringView("file")).toString());
            else if (r.name() == u"target")
                targets.append(r.attributes().value(QLatin1StringView("dev")).toString());
        }
        QVERIFY2(!r.hasError(), qPrintable(r.errorString()));
        QCOMPARE(type, u"vmware"_s);
        QCOMPARE(name, u"web <01>"_s); // escaped in the XML, intact when read back
        QCOMPARE(firmware, u"efi"_s);
        QCOMPARE(sources, (QStringList {u"/s/disk-0.qcow2"_s, u"/s/disk-1.qcow2"_s}));
        QCOMPARE(targets, (QStringList {u"sda"_s, u"sdb"_s}));
        QVERIFY(!libvirtDomainXml(u"x"_s, {{u"/a"_s, u"raw"_s}}, Firmware::Unknown).contains("firmware="));
    }

    void applianceCache()
    {
        // Under ctest XMS_HOME is set: the appliance goes to its cache directory unless the user chose one.
        qunsetenv("LIBGUESTFS_CACHEDIR");
        QVERIFY(guestfs::applianceCacheDir().endsWith(u"/cache/libguestfs"));
        QVERIFY(guestfs::toolEnvironment().value(u"LIBGUESTFS_CACHEDIR"_s) == guestfs::applianceCacheDir());
        QTemporaryDir mine;
        qputenv("LIBGUESTFS_CACHEDIR", mine.path().toLocal8Bit());
        QCOMPARE(guestfs::applianceCacheDir(), mine.path());
        QVERIFY(!guestfs::applianceCached()); // an empty cache: the next launch builds the appliance first
        qunsetenv("LIBGUESTFS_CACHEDIR");
        if (!qEnvironmentVariableIsSet("LIBGUESTFS_BACKEND"))
            QCOMPARE(guestfs::toolEnvironment().value(u"LIBGUESTFS_BACKEND"_s), u"direct"_s);
    }

    void hostKernel()
    {
        qunsetenv("SUPERMIN_KERNEL");
        qunsetenv("LIBGUESTFS_PATH");
        QTemporaryDir boot;
        const auto none = guestfs::checkHostKernel(boot.path());
        QVERIFY(!none.has_value());
        QCOMPARE(none.error().code, u"guest.no_host_kernel"_s);
        QVERIFY(none.error().message.contains(u"libguestfs-test-tool"));
        QVERIFY(none.error().message.contains(u"linux-image"));
        QFile k(boot.filePath(u"vmlinuz-6.1.0-99-amd64"_s));
        QVERIFY(k.open(QIODevice::WriteOnly));
        k.close();
        QVERIFY(guestfs::checkHostKernel(boot.path()).has_value());
    }

    void kvmProbeAgreesWithALongerBoot()
    {
        // The probe's verdict against an independent, patient one: the host's kernel booted under KVM
        // for up to 20 s (a TCG boot takes 5) must reach its panic (no root file system) exactly when the probe says
        // KVM works.
        if (qEnvironmentVariableIsSet("LIBGUESTFS_BACKEND_SETTINGS") || ::access("/dev/kvm", R_OK | W_OK) != 0)
            QCOMPARE(guestfs::kvmBroken(), false); // nothing to probe: libguestfs decides by itself
        QDir boot(u"/boot"_s);
        const QStringList kernels = boot.entryList({u"vmlinuz-*"_s}, QDir::Files, QDir::Name);
        if (kernels.isEmpty() || ::access("/dev/kvm", R_OK | W_OK) != 0
            || qEnvironmentVariableIsSet("LIBGUESTFS_BACKEND_SETTINGS"))
            return;
        QProcess qemu;
        qemu.setProcessChannelMode(QProcess::MergedChannels);
        qemu.start(u"qemu-system-x86_64"_s,
                   {u"-machine"_s, u"accel=kvm"_s, u"-cpu"_s, u"max"_s, u"-display"_s, u"none"_s, u"-nodefaults"_s,
                    u"-no-reboot"_s, u"-m"_s, u"256"_s, u"-serial"_s, u"stdio"_s, u"-kernel"_s,
                    boot.filePath(kernels.last()), u"-append"_s, u"console=ttyS0 panic=-1"_s});
        QVERIFY(qemu.waitForStarted());
        const bool booted = qemu.waitForFinished(20000) && qemu.readAll().contains("Kernel panic");
        if (qemu.state() != QProcess::NotRunning) {
            qemu.kill();
            qemu.waitForFinished();
        }
        qInfo("a kernel under KVM %s; the probe says KVM is %s", booted ? "booted" : "hung or failed",
              guestfs::kvmBroken() ? "broken" : "usable");
        QCOMPARE(guestfs::kvmBroken(), !booted);
    }

    void windowsNeedsDrivers()
    {
        qunsetenv("VIRTIO_WIN");
        QVERIFY(checkWindowsDrivers(u"linux"_s, {}).has_value());
        const auto missing = checkWindowsDrivers(u"windows"_s, {});
        QVERIFY(!missing.has_value());
        QCOMPARE(missing.error().code, u"guest.virtio_win_missing"_s);
        QVERIFY(missing.error().message.contains(u"virtio-win.iso"));
        QVERIFY(missing.error().message.contains(u"--virtio-win"));
        QVERIFY(!checkWindowsDrivers(u"windows"_s, u"/nonexistent/virtio-win.iso"_s).has_value());
        QVERIFY(checkWindowsDrivers(u"windows"_s, QFINDTESTDATA("data/fake-v2v")).has_value());
    }
};

QTEST_GUILESS_MAIN(TestGuestInfo)
#include "tst_guestinfo.moc"
