// Which name each NIC had under VMware, read from the guest's own configuration files, and the .link
// files that keep it on VirtIO.
#include "guest/nicnames.h"

#include <QTest>

using namespace xms;
using namespace Qt::StringLiterals;

namespace {
NicToPin nic(const QString& label, const QString& mac, int slot)
{
    return {label, mac, {u"fa:16:3e:00:00:01"_s}, slot};
}
} // namespace

class TestNicNames : public QObject
{
    Q_OBJECT

private slots:
    void ifupdownNamesAndTheKernelCommandLine()
    {
        const GuestNicConfig c = parseGuestNicConfig({
            {u"/etc/network/interfaces"_s, "source /etc/network/interfaces.d/*\nauto lo\niface lo inet loopback\n"},
            {u"/etc/network/interfaces.d/ens192"_s,
             "allow-hotplug ens192\niface ens192 inet static\n  address 10.10.0.200/24\n"
             "auto ens192.100\niface ens192.100 inet dhcp\niface br0 inet dhcp\n"},
            {u"/boot/grub/grub.cfg"_s, "linux /vmlinuz root=UUID=x ro console=ttyS0\n"},
            {u"/etc/motd"_s, "ens999"},
        });
        QCOMPARE(c.configuredNames, QStringList {u"ens192"_s});
        QVERIFY(!c.classicNames);
        QCOMPARE(c.files.size(), 3); // motd is not network configuration

        const GuestNicConfig classic = parseGuestNicConfig(
            {{u"/etc/default/grub.d/serial.cfg"_s, "GRUB_CMDLINE_LINUX=\"console=ttyS0 net.ifnames=0\"\n"},
             {u"/etc/network/interfaces.d/eth0"_s, "allow-hotplug eth0\niface eth0 inet dhcp\n"}});
        QVERIFY(classic.classicNames);
        QCOMPARE(classic.configuredNames, QStringList {u"eth0"_s});
    }

    void netplanNetworkManagerIfcfgAndUdev()
    {
        const GuestNicConfig c = parseGuestNicConfig({
            {u"/etc/netplan/50-cloud.yaml"_s,
             "network:\n  version: 2\n  ethernets:\n    ens160:\n      dhcp4: true\n"
             "    uplink:\n      match:\n        macaddress: \"00:50:56:AA:BB:CC\"\n      set-name: ens224\n"
             "    any:\n      match:\n        driver: vmxnet3\n      dhcp4: true\n  bridges:\n    br0:\n"
             "      interfaces: [ens160]\n"},
            {u"/etc/NetworkManager/system-connections/wired.nmconnection"_s,
             "[connection]\nid=wired\ninterface-name=ens256\n"},
            {u"/etc/sysconfig/network-scripts/ifcfg-ens161"_s, "DEVICE=ens161\nHWADDR=00:50:56:00:00:09\n"},
            {u"/etc/udev/rules.d/70-persistent-net.rules"_s,
             "SUBSYSTEM==\"net\", ATTR{address}==\"00:50:56:11:22:33\", NAME=\"eth1\"\n"},
        });
        QCOMPARE(c.configuredNames, (QStringList {u"ens160"_s, u"ens224"_s, u"ens256"_s, u"ens161"_s, u"eth1"_s}));
        QCOMPARE(c.namesByMac.value(u"00:50:56:aa:bb:cc"_s), u"ens224"_s);
        QCOMPARE(c.namesByMac.value(u"00:50:56:00:00:09"_s), u"ens161"_s);
        QCOMPARE(c.namesByMac.value(u"00:50:56:11:22:33"_s), u"eth1"_s);
        QCOMPARE(c.vmwareOnly.size(), 1);
        QVERIFY2(c.vmwareOnly.first().contains(u"vmxnet3"), qPrintable(c.vmwareOnly.first()));
        QCOMPARE(GuestNicConfig::fromJson(c.toJson()), c);
    }

    void pinsBySlotRuleOrOnlyName()
    {
        GuestNicConfig c;
        c.configuredNames = {u"ens192"_s};
        NicNamePlan plan = planNicNames(c, {nic(u"Network adapter 1"_s, u"00:50:56:3a:05:00"_s, 192)});
        QCOMPARE(plan.pins.size(), 1);
        QCOMPARE(plan.pins.first().name, u"ens192"_s);
        QVERIFY2(plan.pins.first().reason.contains(u"PCI slot 192"), qPrintable(plan.pins.first().reason));

        // No slot known: the only NIC takes the only predictable name.
        plan = planNicNames(c, {nic(u"Network adapter 1"_s, u"00:50:56:3a:05:00"_s, -1)});
        QCOMPARE(plan.pins.first().name, u"ens192"_s);

        // The guest's own MAC rule wins over the slot.
        c.namesByMac.insert(u"00:50:56:3a:05:00"_s, u"ens999"_s);
        plan = planNicNames(c, {nic(u"Network adapter 1"_s, u"00:50:56:3a:05:00"_s, 192)});
        QCOMPARE(plan.pins.first().name, u"ens999"_s);
    }

    void severalNicsInSlotOrderOrAWarning()
    {
        GuestNicConfig c;
        c.configuredNames = {u"ens224"_s, u"ens192"_s};
        const QList<NicToPin> two {nic(u"Network adapter 2"_s, u"00:50:56:00:00:02"_s, 224),
                                   nic(u"Network adapter 1"_s, u"00:50:56:00:00:01"_s, 160)};
        NicNamePlan plan = planNicNames(c, two);
        QCOMPARE(plan.pins.size(), 2);
        QCOMPARE(plan.pins[0].label, u"Network adapter 2"_s); // slot 224 matches by name
        QCOMPARE(plan.pins[0].name, u"ens224"_s);
        QCOMPARE(plan.pins[1].name, u"ens192"_s); // the one left over

        c.configuredNames = {u"ens192"_s, u"ens224"_s, u"ens256"_s};
        plan = planNicNames(c,
                            {nic(u"Network adapter 1"_s, u"00:50:56:00:00:01"_s, -1),
                             nic(u"Network adapter 2"_s, u"00:50:56:00:00:02"_s, -1)});
        QVERIFY(plan.pins.isEmpty());
        QCOMPARE(plan.warnings.size(), 1);
        QVERIFY2(plan.warnings.first().contains(u"ens192, ens224, ens256"), qPrintable(plan.warnings.first()));
    }

    void classicNamesNeedNoPin()
    {
        GuestNicConfig c;
        c.classicNames = true;
        c.configuredNames = {u"eth0"_s};
        const NicNamePlan plan = planNicNames(c, {nic(u"Network adapter 1"_s, u"00:50:56:00:00:01"_s, 192)});
        QVERIFY(plan.pins.isEmpty());
        QVERIFY(plan.warnings.isEmpty());
        QCOMPARE(plan.notes.size(), 1);
    }

    void linkFilesOnePerMac()
    {
        const NicPin pin {
            u"Network adapter 1"_s, u"ens192"_s, {u"00:50:56:3a:05:00"_s, u"fa:16:3e:12:34:56"_s}, u"why"_s};
        const QList<GuestFile> files = pin.linkFiles();
        QCOMPARE(files.size(), 2);
        QCOMPARE(files[0].path, u"/etc/systemd/network/10-xms-ens192.link"_s);
        QCOMPARE(files[1].path, u"/etc/systemd/network/10-xms-ens192-2.link"_s);
        QVERIFY(files[0].text.contains("[Match]\nMACAddress=00:50:56:3a:05:00\n\n[Link]\nName=ens192\n"));
        QVERIFY(files[1].text.contains("MACAddress=fa:16:3e:12:34:56\n"));
        // Read back, the pins are rules of the guest's own.
        const GuestNicConfig c = parseGuestNicConfig(files);
        QCOMPARE(c.namesByMac.value(u"fa:16:3e:12:34:56"_s), u"ens192"_s);
    }

    void derivedMacIsStablePerJobAndNic()
    {
        const QString a = derivedMac(u"job-1"_s, u"Network adapter 1"_s);
        QCOMPARE(a, derivedMac(u"job-1"_s, u"Network adapter 1"_s));
        QVERIFY(a != derivedMac(u"job-1"_s, u"Network adapter 2"_s));
        QVERIFY(a != derivedMac(u"job-2"_s, u"Network adapter 1"_s));
        QVERIFY2(QRegularExpression(u"^fa:16:3e(:[0-9a-f]{2}){3}$"_s).match(a).hasMatch(), qPrintable(a));
    }
};

QTEST_GUILESS_MAIN(TestNicNames)
#include "tst_nicnames.moc"
