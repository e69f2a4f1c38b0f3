#include "xloud/networkclient.h"
#include "xloud/session.h"
#include "xloudlab.h"

#include <QTest>

using namespace xms;
using namespace Qt::StringLiterals;
using namespace xms::xloud;
using namespace xms::test;

// Neutron as the member user: networks with subnets, ports with a chosen MAC, and the conflicts and
// policy refusals a migration must tell apart.
class TestXloudNetwork : public QObject
{
    Q_OBJECT

    std::unique_ptr<Session> m_session;
    std::unique_ptr<NetworkClient> m_net;
    QStringList m_ports; // every port made here, deleted in cleanupTestCase
    Network m_internal;
    Network m_provider;

    Result<Port> createPort(const PortSpec& spec)
    {
        auto p = await<Port>([&](auto cb) { m_net->createPort(spec, cb); });
        if (p)
            m_ports.append(p->id);
        return p;
    }

private slots:
    void initTestCase()
    {
        m_session = std::make_unique<Session>(labCloud(), labPassword());
        m_net = std::make_unique<NetworkClient>(m_session.get(), u"infra"_s);
    }

    void networksWithSubnets()
    {
        const auto nets = await<QList<Network>>([&](auto cb) { m_net->networksWithSubnets(cb); });
        XMS_VERIFY_OK(nets);
        for (const Network& n : *nets) {
            if (n.name == u"internal-net")
                m_internal = n;
            if (n.name == u"provider-net")
                m_provider = n;
        }
        QVERIFY2(!m_internal.id.isEmpty(), "internal-net is a lab fixture");
        QVERIFY(!m_internal.shared);
        QCOMPARE(m_internal.subnets.size(), 1);
        QCOMPARE(m_internal.subnets.first().name, u"internal-subnet"_s);
        QCOMPARE(m_internal.subnets.first().cidr, u"10.10.0.0/24"_s);
        QVERIFY2(!m_provider.id.isEmpty(), "the shared provider-net is visible to the member");
        QVERIFY(m_provider.shared);
        QVERIFY(m_provider.projectId != m_internal.projectId);
        const auto only = await<QList<Subnet>>([&](auto cb) { m_net->subnets(m_internal.id, cb); });
        XMS_VERIFY_OK(only);
        QCOMPARE(only->size(), 1);
    }

    void portWithChosenMacAndItsConflicts()
    {
        QVERIFY(!m_internal.id.isEmpty());
        const QString mac = randomMac();
        PortSpec spec;
        spec.networkId = m_internal.id;
        spec.subnetId = m_internal.subnets.first().id;
        spec.macAddress = mac;
        spec.name = uniqueName(u"port"_s);
        const auto port = createPort(spec);
        XMS_VERIFY_OK(port);
        QVERIFY(!port->id.isEmpty());
        QCOMPARE(port->macAddress, mac);
        QCOMPARE(port->networkId, m_internal.id);
        QCOMPARE(port->fixedIps.size(), 1);
        QCOMPARE(port->fixedIps.first().subnetId, spec.subnetId);
        QVERIFY(port->fixedIps.first().ipAddress.startsWith(u"10.10.0."));

        const auto named = await<QList<Port>>([&](auto cb) { m_net->findPorts(spec.name, cb); });
        XMS_VERIFY_OK(named);
        QCOMPARE(named->size(), 1);
        QCOMPARE(named->first().id, port->id);

        const auto found = await<QList<Port>>([&](auto cb) { m_net->portsByMac(mac.toUpper(), cb); });
        XMS_VERIFY_OK(found);
        QCOMPARE(found->size(), 1);
        QCOMPARE(found->first().id, port->id);

        // The same MAC again on the same network: 409 MacAddressInUse.
        PortSpec again = spec;
        again.name = uniqueName(u"port-dup"_s);
        const auto dup = createPort(again);
        QVERIFY(!dup);
        QCOMPARE(dup.error().code, u"xloud.mac_in_use"_s);
        QVERIFY(dup.error().detail.contains(u"409"));

        // The same fixed IP: 409 IpAddressAlreadyAllocated.
        PortSpec sameIp;
        sameIp.networkId = m_internal.id;
        sameIp.subnetId = spec.subnetId;
        sameIp.ipAddress = port->fixedIps.first().ipAddress;
        const auto ipDup = createPort(sameIp);
        QVERIFY(!ipDup);
        QCOMPARE(ipDup.error().code, u"xloud.ip_in_use"_s);
    }

    void customMacOnSharedNetworkIsRefused()
    {
        QVERIFY(!m_provider.id.isEmpty());
        PortSpec spec;
        spec.networkId = m_provider.id;
        spec.macAddress = randomMac();
        spec.name = uniqueName(u"port-provider"_s);
        const auto refused = createPort(spec);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, u"xloud.mac_not_allowed"_s);
        QVERIFY(refused.error().message.contains(u"custom MAC not allowed on this network"));
        QVERIFY(refused.error().detail.contains(u"403"));
        // Without the MAC the member may use the shared network.
        spec.macAddress.clear();
        XMS_VERIFY_OK(createPort(spec));
    }

    void unknownNetwork()
    {
        PortSpec spec;
        spec.networkId = u"00000000-0000-4000-8000-000000000000"_s;
        const auto r = createPort(spec);
        QVERIFY(!r);
        QCOMPARE(r.error().code, u"xloud.network.not_found"_s);
    }

    void quotaUsage()
    {
        const auto q = await<QList<QuotaItem>>([&](auto cb) { m_net->quotaUsage(cb); });
        XMS_VERIFY_OK(q);
        const auto port = std::find_if(q->begin(), q->end(), [](const QuotaItem& i) { return i.name == u"port"; });
        QVERIFY(port != q->end());
        QCOMPARE(port->limit, 50);
        QVERIFY(port->inUse >= m_ports.size());
    }

    void deleteIsIdempotent()
    {
        QVERIFY(!m_ports.isEmpty());
        const QString id = m_ports.takeFirst();
        XMS_VERIFY_OK(awaitStatus([&](auto cb) { m_net->deletePort(id, cb); }));
        XMS_VERIFY_OK(awaitStatus([&](auto cb) { m_net->deletePort(id, cb); })); // already gone: fine
        const auto gone = await<Port>([&](auto cb) { m_net->port(id, cb); });
        QVERIFY(!gone);
        QCOMPARE(gone.error().code, u"xloud.port.not_found"_s);
    }

    void cleanupTestCase()
    {
        for (const QString& id : std::as_const(m_ports))
            XMS_VERIFY_OK(awaitStatus([&](auto cb) { m_net->deletePort(id, cb); }));
    }
};

QTEST_GUILESS_MAIN(TestXloudNetwork)
#include "tst_xloudnetwork.moc"
