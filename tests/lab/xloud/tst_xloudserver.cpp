#include "xloud/blockstorageclient.h"
#include "xloud/computeclient.h"
#include "xloud/networkclient.h"
#include "xloud/session.h"
#include "xloudlab.h"

#include <QTest>

using namespace xms;
using namespace Qt::StringLiterals;
using namespace xms::xloud;
using namespace xms::test;

// The Finalize path against the lab's Nova emulator (which acts on the real Cinder and Neutron): boot
// from volume with a data volume and a pre-created port, ACTIVE, stop/start, delete; a build fault; and
// the errors of an unknown flavor or zone.
class TestXloudServer : public QObject
{
    Q_OBJECT

    std::unique_ptr<Session> m_session;
    std::unique_ptr<ComputeClient> m_compute;
    std::unique_ptr<BlockStorageClient> m_volumes;
    std::unique_ptr<NetworkClient> m_net;
    // The ledger: deleted in cleanupTestCase whatever happened.
    QStringList m_servers, m_volumeIds, m_ports;
    QString m_boot, m_data, m_port;
    const WaitOptions m_fast {300, 1000, 120000};

    Result<Volume> makeVolume(const QString& what, bool bootable)
    {
        VolumeSpec spec;
        spec.name = uniqueName(what);
        spec.sizeGiB = 1;
        const auto v = await<Volume>([&](auto cb) { m_volumes->createVolume(spec, cb); });
        if (!v)
            return v;
        m_volumeIds.append(v->id);
        const auto ready = await<Volume>([&](auto cb) { m_volumes->waitAvailable(v->id, cb, m_fast); }, 150000);
        if (ready && bootable) {
            if (auto s = awaitStatus([&](auto cb) { m_volumes->setBootable(v->id, true, cb); }); !s)
                return std::unexpected(s.error());
        }
        return ready;
    }

    ServerSpec spec(const QString& what) const
    {
        ServerSpec s;
        s.name = uniqueName(what);
        s.flavorId = u"1"_s; // m1.tiny
        s.availabilityZone = u"nova"_s;
        s.volumes = {{m_boot, 0, false}, {m_data, -1, false}};
        s.portIds = {m_port};
        s.metadata = {{u"xms_job"_s, u"lab-test"_s}};
        return s;
    }

private slots:
    void initTestCase()
    {
        m_session = std::make_unique<Session>(labCloud(), labPassword());
        m_compute = std::make_unique<ComputeClient>(m_session.get(), u"infra"_s);
        m_volumes = std::make_unique<BlockStorageClient>(m_session.get(), u"infra"_s);
        m_net = std::make_unique<NetworkClient>(m_session.get(), u"infra"_s);
        const auto boot = makeVolume(u"boot"_s, true);
        XMS_VERIFY_OK(boot);
        m_boot = boot->id;
        const auto data = makeVolume(u"data"_s, false);
        XMS_VERIFY_OK(data);
        m_data = data->id;
        const auto nets = await<QList<Network>>([&](auto cb) { m_net->networks(cb); });
        XMS_VERIFY_OK(nets);
        const auto internal
            = std::find_if(nets->begin(), nets->end(), [](const Network& n) { return n.name == u"internal-net"; });
        QVERIFY(internal != nets->end());
        PortSpec ps;
        ps.networkId = internal->id;
        ps.macAddress = randomMac();
        ps.name = uniqueName(u"nic0"_s);
        const auto port = await<Port>([&](auto cb) { m_net->createPort(ps, cb); });
        XMS_VERIFY_OK(port);
        m_port = port->id;
        m_ports.append(port->id);
    }

    void flavorsZonesAndLimits()
    {
        const auto flavors = await<QList<Flavor>>([&](auto cb) { m_compute->flavors(cb); });
        XMS_VERIFY_OK(flavors);
        QStringList names;
        for (const Flavor& f : *flavors)
            names.append(f.name);
        QCOMPARE(names, (QStringList {u"m1.tiny"_s, u"m1.small"_s, u"m1.medium"_s, u"m1.large"_s}));
        QCOMPARE(flavors->last().vcpus, 4);
        QCOMPARE(flavors->last().ramMiB, 8192);
        QCOMPARE(m_compute->microversion(), u"2.67"_s);
        const auto zones = await<QList<AvailabilityZone>>([&](auto cb) { m_compute->availabilityZones(cb); });
        XMS_VERIFY_OK(zones);
        QCOMPARE(zones->size(), 1);
        QCOMPARE(zones->first().name, u"nova"_s);
        const auto limits = await<QList<QuotaItem>>([&](auto cb) { m_compute->limits(cb); });
        XMS_VERIFY_OK(limits);
        QCOMPARE(limits->size(), 3);
        QCOMPARE(limits->at(0).name, u"instances"_s);
        QCOMPARE(limits->at(0).limit, 10);
    }

    void bootFromVolumeStopStartDelete()
    {
        const ServerSpec s = spec(u"vm"_s);
        const auto created = await<Server>([&](auto cb) { m_compute->createServer(s, cb); });
        XMS_VERIFY_OK(created);
        QVERIFY(!created->id.isEmpty()); // in the ledger before anything waits
        m_servers.append(created->id);
        QCOMPARE(created->status, u"BUILD"_s);
        // Cleanup can find it by its (deterministic) name even without the id.
        const auto byName = await<QList<Server>>([&](auto cb) { m_compute->findServers(s.name, cb); });
        XMS_VERIFY_OK(byName);
        QCOMPARE(byName->size(), 1);
        QCOMPARE(byName->first().id, created->id);

        const auto active
            = await<Server>([&](auto cb) { m_compute->waitForStatus(created->id, u"ACTIVE"_s, cb, m_fast); });
        XMS_VERIFY_OK(active);
        QCOMPARE(active->status, u"ACTIVE"_s);
        QCOMPARE(active->availabilityZone, u"nova"_s);
        QVERIFY(active->volumeIds.contains(m_boot));
        QVERIFY(active->volumeIds.contains(m_data));
        QVERIFY(!active->fault);
        // The real Cinder and Neutron see the attachment and the binding.
        const auto boot = await<Volume>([&](auto cb) { m_volumes->volume(m_boot, cb); });
        XMS_VERIFY_OK(boot);
        QCOMPARE(boot->status, u"in-use"_s);
        QVERIFY(boot->attachedServerIds.contains(created->id));
        const auto port = await<Port>([&](auto cb) { m_net->port(m_port, cb); });
        XMS_VERIFY_OK(port);
        QCOMPARE(port->deviceId, created->id);
        const auto limits = await<QList<QuotaItem>>([&](auto cb) { m_compute->limits(cb); });
        XMS_VERIFY_OK(limits);
        QVERIFY(limits->at(0).inUse >= 1);

        XMS_VERIFY_OK(awaitStatus([&](auto cb) { m_compute->stopServer(created->id, cb); }));
        XMS_VERIFY_OK(await<Server>([&](auto cb) { m_compute->waitForStatus(created->id, u"SHUTOFF"_s, cb, m_fast); }));
        XMS_VERIFY_OK(awaitStatus([&](auto cb) { m_compute->startServer(created->id, cb); }));
        XMS_VERIFY_OK(await<Server>([&](auto cb) { m_compute->waitForStatus(created->id, u"ACTIVE"_s, cb, m_fast); }));

        XMS_VERIFY_OK(awaitStatus([&](auto cb) { m_compute->deleteServer(created->id, cb); }));
        XMS_VERIFY_OK(awaitStatus([&](auto cb) { m_compute->waitDeleted(created->id, cb, m_fast); }, 150000));
        m_servers.removeAll(created->id);
        // The volumes and the port were given, not made, by Nova: they stay and are free again.
        XMS_VERIFY_OK(await<Volume>([&](auto cb) { m_volumes->waitAvailable(m_boot, cb, m_fast); }, 150000));
        const auto freed = await<Port>([&](auto cb) { m_net->port(m_port, cb); });
        XMS_VERIFY_OK(freed);
        QVERIFY(freed->deviceId.isEmpty());
    }

    void buildFaultIsReported()
    {
        ServerSpec s = spec(u"faulty"_s);
        s.portIds.clear();
        s.volumes = {{m_boot, 0, false}};
        s.metadata.insert(u"xms-lab-fault"_s, u"lab says no"_s); // the emulator's hook for a scheduling failure
        const auto created = await<Server>([&](auto cb) { m_compute->createServer(s, cb); });
        XMS_VERIFY_OK(created);
        m_servers.append(created->id);
        const auto r = await<Server>([&](auto cb) { m_compute->waitForStatus(created->id, u"ACTIVE"_s, cb, m_fast); });
        QVERIFY(!r);
        QCOMPARE(r.error().code, u"xloud.server.error"_s);
        QVERIFY2(r.error().message.contains(u"No valid host was found"), qPrintable(r.error().message));
        XMS_VERIFY_OK(awaitStatus([&](auto cb) { m_compute->deleteServer(created->id, cb); }));
        XMS_VERIFY_OK(awaitStatus([&](auto cb) { m_compute->waitDeleted(created->id, cb, m_fast); }, 150000));
        m_servers.removeAll(created->id);
        XMS_VERIFY_OK(await<Volume>([&](auto cb) { m_volumes->waitAvailable(m_boot, cb, m_fast); }, 150000));
    }

    void createErrors_data()
    {
        QTest::addColumn<QString>("flavor");
        QTest::addColumn<QString>("zone");
        QTest::addColumn<QString>("code");
        QTest::newRow("unknown flavor") << "999"
                                        << "nova"
                                        << "xloud.flavor.not_found";
        QTest::newRow("unknown zone") << "1"
                                      << "mars"
                                      << "xloud.availability_zone.not_found";
    }
    void createErrors()
    {
        QFETCH(QString, flavor);
        QFETCH(QString, zone);
        QFETCH(QString, code);
        ServerSpec s = spec(u"bad"_s);
        s.flavorId = flavor;
        s.availabilityZone = zone;
        const auto r = await<Server>([&](auto cb) { m_compute->createServer(s, cb); });
        if (r)
            m_servers.append(r->id);
        QVERIFY(!r);
        QCOMPARE(r.error().code, code);
    }

    void cleanupTestCase()
    {
        for (const QString& id : std::as_const(m_servers)) {
            (void)awaitStatus([&](auto cb) { m_compute->deleteServer(id, cb); });
            (void)awaitStatus([&](auto cb) { m_compute->waitDeleted(id, cb, m_fast); }, 150000);
        }
        for (const QString& id : std::as_const(m_ports))
            XMS_VERIFY_OK(awaitStatus([&](auto cb) { m_net->deletePort(id, cb); }));
        for (const QString& id : std::as_const(m_volumeIds)) {
            XMS_VERIFY_OK(awaitStatus([&](auto cb) { m_volumes->removeVolume(id, cb, m_fast); }, 150000));
        }
    }
};

QTEST_GUILESS_MAIN(TestXloudServer)
#include "tst_xloudserver.moc"
