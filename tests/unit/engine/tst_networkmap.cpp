#include "engine/networkmap.h"
#include "testutil.h"

#include <QTest>

using namespace xms;

class TestNetworkMap : public QObject
{
    Q_OBJECT
private slots:
    void good_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("network");
        QTest::addColumn<QString>("subnet");
        QTest::addColumn<bool>("keepMac");
        QTest::addColumn<bool>("keepIp");
        QTest::newRow("docs example") << "VM Network=internal-net" << "VM Network" << "internal-net" << "" << false
                                      << false;
        QTest::newRow("subnet") << "VM Network=internal-net/internal-subnet" << "VM Network" << "internal-net"
                                << "internal-subnet" << false << false;
        QTest::newRow("keep-mac") << "DC0_DVPG0=backend-net,keep-mac" << "DC0_DVPG0" << "backend-net" << "" << true
                                  << false;
        QTest::newRow("all, spaces") << " VM Network = internal-net / internal-subnet , keep-mac " << "VM Network"
                                     << "internal-net" << "internal-subnet" << true << false;
        QTest::newRow("nic label") << "Network adapter 2=backend-net" << "Network adapter 2" << "backend-net" << ""
                                   << false << false;
        QTest::newRow("keep-mac,keep-ip") << "VM Network=internal-net/internal-subnet,keep-mac,keep-ip"
                                          << "VM Network" << "internal-net" << "internal-subnet" << true << true;
        QTest::newRow("keep-ip alone, spaced") << "VM Network=internal-net, keep-ip" << "VM Network"
                                               << "internal-net" << "" << false << true;
        QTest::newRow("keep-ip, keep-mac") << "VM Network=internal-net,keep-ip,keep-mac" << "VM Network"
                                           << "internal-net" << "" << true << true;
    }
    void good()
    {
        QFETCH(QString, text);
        auto m = parseNetworkMap(text);
        XMS_VERIFY_OK(m);
        QTEST(m->sourceNetwork, "source");
        QTEST(m->targetNetwork, "network");
        QTEST(m->targetSubnet, "subnet");
        QTEST(m->keepMac, "keepMac");
        QTEST(m->keepIp, "keepIp");
        // The spec and profile JSON carry it (keep_ip only when set) and read it back.
        QCOMPARE(NicMapping::fromJson(m->toJson()), *m);
        QCOMPARE(m->toJson().contains(u"keep_ip"), m->keepIp);
    }

    void bad_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("names");
        QTest::newRow("no =") << "VM Network internal-net" << "no '='";
        QTest::newRow("empty source") << "=internal-net" << "source network before '=' is empty";
        QTest::newRow("empty target") << "VM Network=" << "target network after '=' is empty";
        QTest::newRow("empty subnet") << "VM Network=internal-net/" << "subnet after '/' is empty";
        QTest::newRow("two slashes") << "VM Network=a/b/c" << "more than one '/'";
        QTest::newRow("typo option") << "VM Network=internal-net,keepmac" << "unknown option 'keepmac'";
        QTest::newRow("empty option") << "VM Network=internal-net," << "empty option";
        QTest::newRow("keep_ip spelled with _") << "VM Network=internal-net,keep_ip"
                                                << "unknown option 'keep_ip' (the options are keep-mac and keep-ip)";
        QTest::newRow("keep-ip without target") << "VM Network=,keep-ip" << "target network after '=' is empty";
        QTest::newRow("keep-ip=value") << "VM Network=internal-net,keep-ip=10.0.0.5"
                                       << "unknown option 'keep-ip=10.0.0.5'";
    }
    void bad()
    {
        QFETCH(QString, text);
        QFETCH(QString, names);
        auto m = parseNetworkMap(text);
        QVERIFY(!m);
        QCOMPARE(m.error().code, QStringLiteral("input.network_map"));
        QVERIFY2(m.error().message.contains(names), qPrintable(m.error().message));
        QVERIFY(m.error().message.contains(text)); // the message quotes what the user typed
        QVERIFY(m.error().message.contains(u"SOURCE=NETWORK[/SUBNET][,keep-mac][,keep-ip]"));
    }

    void duplicateSource()
    {
        auto r = parseNetworkMaps({QStringLiteral("VM Network=a"), QStringLiteral("VM Network=b")});
        QVERIFY(!r);
        QVERIFY(r.error().message.contains(u"already mapped"));
        QCOMPARE(parseNetworkMaps({QStringLiteral("A=a"), QStringLiteral("B=b,keep-mac")})->size(), 2);
    }
};

QTEST_GUILESS_MAIN(TestNetworkMap)
#include "tst_networkmap.moc"
