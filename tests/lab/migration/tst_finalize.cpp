// Finalize against the real Neutron and Cinder and the Nova emulator, for what the happy path never
// meets: a source MAC Xloud will not give back (already used by another port; a shared network where only
// admins choose MACs). The spec's policy decides — a new MAC with a warning, or a failure that leaves
// nothing behind. And keep-ip: the guest's address as the port's fixed IP.
#include "../xloud/xloudlab.h"
#include "engine/finalizestage.h"
#include "engine/jobcontext.h"
#include "engine/jobstoreledger.h"
#include "engine/keepip.h"
#include "engine/ledgercleanup.h"
#include "guest/nicnames.h"
#include "store/jobstore.h"
#include "store/store.h"
#include "xloud/blockstorageclient.h"
#include "xloud/computeclient.h"
#include "xloud/networkclient.h"
#include "xloud/session.h"

#include <QJsonArray>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace xms;
using namespace Qt::StringLiterals;
using namespace xms::test;

class TestFinalize : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::optional<JobStore> m_jobs;
    xloud::Session* m_session = nullptr;
    xloud::NetworkClient* m_network = nullptr;
    xloud::BlockStorageClient* m_volumes = nullptr;
    xloud::ComputeClient* m_compute = nullptr;
    QString m_volume; // an empty 1 GiB volume standing in for a written boot disk
    QString m_squatter; // a port that already holds the source MAC
    QString m_mac;
    xloud::Network m_internal; // internal-net with its subnets

    // An address of internal-subnet's static range (.200 and up, outside Neutron's pool) no port holds.
    QString freeStaticIp()
    {
        for (int attempt = 0; attempt < 20; ++attempt) {
            const QString ip = u"10.10.0."_s + QString::number(201 + QRandomGenerator::global()->bounded(54));
            auto holders = await<QList<xloud::Port>>([&](auto cb) { m_network->portsByIp(ip, cb); });
            if (holders && holders->isEmpty())
                return ip;
        }
        return {};
    }

    // A job whose one NIC keeps MAC `mac` and the address `ip` that VMware Tools reported for it.
    std::unique_ptr<JobContext> keepIpContext(const QString& mac, const QString& ip)
    {
        auto ctx = context(u"internal-net"_s, MigrationSpec::MacFallback::Fail);
        ctx->spec.networks = {NicMapping {u"VM Network"_s, {}, u"internal-net"_s, u"internal-subnet"_s, true, true}};
        ctx->vm.nics[0].macAddress = mac;
        vsphere::GuestNic facts;
        facts.macAddress = mac;
        facts.addresses = {{u"fe80::1"_s, 64}, {ip, 24}};
        facts.ipv4Gateway = u"10.10.0.1"_s;
        ctx->vm.guestNetwork.nics = {facts};
        return ctx;
    }

    std::unique_ptr<JobContext> context(const QString& network, MigrationSpec::MacFallback fallback)
    {
        auto ctx = std::make_unique<JobContext>();
        ctx->jobId = m_jobs->create(QJsonObject {{u"vm"_s, u"fin-test"_s}})->id;
        ctx->cloud = labCloud(u"finalize"_s);
        ctx->cloudSecret = labPassword();
        ctx->spec.vm = u"fin-test"_s;
        ctx->spec.instanceName = uniqueName(u"fin"_s);
        ctx->spec.cloud = ctx->cloud.name;
        ctx->spec.project = ctx->cloud.project;
        ctx->spec.flavor = u"m1.tiny"_s;
        ctx->spec.macFallback = fallback;
        ctx->spec.networks = {NicMapping {u"VM Network"_s, {}, network, {}, true}};
        vsphere::NicInfo nic;
        nic.label = u"Network adapter 1"_s;
        nic.network = u"VM Network"_s;
        nic.macAddress = m_mac;
        ctx->vm.nics = {nic};
        ctx->volumeIds = {m_volume};
        ctx->ledger = std::make_unique<JobStoreLedger>(*m_jobs, ctx->jobId, ctx->spec.cloud, ctx->spec.project);
        return ctx;
    }

    Status run(JobContext& ctx, QStringList* events, QList<QJsonObject>* data = nullptr)
    {
        FinalizeStageRunner stage;
        QSignalSpy finished(&stage, &StageRunner::finished);
        connect(&stage, &StageRunner::event, this,
                [events, data](EventLevel, const QString& name, const Text&, const QJsonObject& d) {
                    events->append(name);
                    if (data)
                        data->append(d);
                });
        stage.start(&ctx);
        if (!finished.wait(300000))
            return fail(u"test.timeout"_s, u"Finalize did not finish"_s);
        return finished.first().first().value<Status>();
    }

    void cleanup(JobContext& ctx)
    {
        std::optional<Status> done;
        test::StoreHost host(*m_jobs, ctx.jobId);
        (new LedgerCleanup(
             ctx, host, [&](Status s) { done = s; }, this))
            ->start();
        QVERIFY(QTest::qWaitFor([&] { return done.has_value(); }, 600000));
        QVERIFY2(done->has_value(), why(*done).constData());
        const auto ledger = ctx.ledger->entries();
        for (const LedgerEntry& e : *ledger)
            QVERIFY2(e.state == u"deleted", qPrintable(e.kind + u' ' + e.state));
        auto servers = await<QList<xloud::Server>>(
            [&](auto cb) { m_compute->findServers(ctx.spec.effectiveInstanceName(), cb); });
        XMS_VERIFY_OK(servers);
        QVERIFY(servers->isEmpty());
        auto ports = await<QList<xloud::Port>>([&](auto cb) { m_network->findPorts(ctx.resourceName(u"nic0"_s), cb); });
        XMS_VERIFY_OK(ports);
        QVERIFY(ports->isEmpty());
        // The boot volume is free again for the next case.
        XMS_VERIFY_OK(await<xloud::Volume>([&](auto cb) { m_volumes->waitAvailable(m_volume, cb); }, 300000));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        auto store = Store::open(m_dir.filePath(u"xms.sqlite"_s));
        XMS_VERIFY_OK(store);
        m_jobs.emplace(*store);
        const CloudRecord c = labCloud(u"finalize-check"_s);
        m_session = new xloud::Session(c, labPassword(), this);
        m_network = new xloud::NetworkClient(m_session, c.project, this);
        m_volumes = new xloud::BlockStorageClient(m_session, c.project, this);
        m_compute = new xloud::ComputeClient(m_session, c.project, this);

        xloud::VolumeSpec v;
        v.name = uniqueName(u"fin-boot"_s);
        v.sizeGiB = 1;
        auto volume = await<xloud::Volume>([&](auto cb) { m_volumes->createVolume(v, cb); });
        XMS_VERIFY_OK(volume);
        m_volume = volume->id;
        XMS_VERIFY_OK(await<xloud::Volume>([&](auto cb) { m_volumes->waitAvailable(m_volume, cb); }, 300000));

        auto networks = await<QList<xloud::Network>>([&](auto cb) { m_network->networks(cb); });
        XMS_VERIFY_OK(networks);
        QString internal;
        for (const xloud::Network& n : *networks)
            if (n.name == u"internal-net")
                internal = n.id;
        auto withSubnets = await<QList<xloud::Network>>([&](auto cb) { m_network->networksWithSubnets(cb); });
        XMS_VERIFY_OK(withSubnets);
        for (const xloud::Network& n : *withSubnets)
            if (n.name == u"internal-net")
                m_internal = n;
        QCOMPARE(m_internal.subnets.size(), 1);
        m_mac = randomMac();
        xloud::PortSpec squat;
        squat.networkId = internal;
        squat.macAddress = m_mac;
        squat.name = uniqueName(u"squatter"_s);
        auto port = await<xloud::Port>([&](auto cb) { m_network->createPort(squat, cb); });
        XMS_VERIFY_OK(port);
        m_squatter = port->id;
    }

    void cleanupTestCase()
    {
        if (!m_squatter.isEmpty())
            XMS_VERIFY_OK(awaitStatus([&](auto cb) { m_network->deletePort(m_squatter, cb); }));
        if (!m_volume.isEmpty()) {
            XMS_VERIFY_OK(awaitStatus([&](auto cb) { m_volumes->removeVolume(m_volume, cb); }, 300000));
        }
    }

    void refusedMacFallsBackToANewOne_data()
    {
        QTest::addColumn<QString>("network");
        QTest::addColumn<bool>("derivedAllowed"); // XMS's own MAC (the guest's pins name it) can be set there
        QTest::newRow("in use on internal-net") << u"internal-net"_s << true;
        QTest::newRow("shared provider-net, admin-only MACs") << u"provider-net"_s << false;
    }
    // The kept MAC refused: the port gets XMS's own derived MAC, which Guest Fixes pinned the guest's
    // interface names to; where no MAC may be chosen, Xloud's, with a warning that the pin will not match.
    void refusedMacFallsBackToANewOne()
    {
        QFETCH(QString, network);
        QFETCH(bool, derivedAllowed);
        auto ctx = context(network, MigrationSpec::MacFallback::GenerateNew);
        QStringList events;
        const Status s = run(*ctx, &events);
        QVERIFY2(s.has_value(), why(s).constData());
        QVERIFY2(events.contains(u"finalize.mac_fallback"_s), qPrintable(events.join(u", ")));
        QVERIFY(events.contains(u"finalize.completed"_s));
        QCOMPARE(ctx->portIds.size(), 1);
        auto port = await<xloud::Port>([&](auto cb) { m_network->port(ctx->portIds.first(), cb); });
        XMS_VERIFY_OK(port);
        QVERIFY(port->macAddress.compare(m_mac, Qt::CaseInsensitive) != 0);
        const QString derived = derivedMac(ctx->jobId, ctx->vm.nics.first().label);
        QCOMPARE(port->macAddress.toLower() == derived, derivedAllowed);
        QCOMPARE(events.contains(u"finalize.mac_unpinned"_s), !derivedAllowed);
        auto server = await<xloud::Server>([&](auto cb) { m_compute->server(ctx->serverId, cb); });
        XMS_VERIFY_OK(server);
        QCOMPARE(server->status, u"ACTIVE"_s);
        cleanup(*ctx);
    }

    // keep-ip: the port carries the guest's own address as its fixed IP on the mapped subnet, read back
    // from Neutron; preflight's question (GET /ports?fixed_ips=ip_address=…) then finds it taken, and a
    // second job wanting the same address (known from submit only) fails at its port, naming the address,
    // leaving nothing.
    void keptIpIsThePortsFixedIp()
    {
        const QString ip = freeStaticIp();
        QVERIFY2(!ip.isEmpty(), "no free address in 10.10.0.201-254");
        const QString mac = randomMac();
        auto ctx = keepIpContext(mac, ip);
        QStringList events;
        QList<QJsonObject> data;
        const Status s = run(*ctx, &events, &data);
        QVERIFY2(s.has_value(), why(s).constData());
        QCOMPARE(ctx->portIds.size(), 1);
        auto port = await<xloud::Port>([&](auto cb) { m_network->port(ctx->portIds.first(), cb); });
        XMS_VERIFY_OK(port);
        QCOMPARE(port->macAddress.toLower(), mac.toLower());
        QCOMPARE(port->fixedIps.size(), 1);
        QCOMPARE(port->fixedIps[0].ipAddress, ip);
        QCOMPARE(port->fixedIps[0].subnetId, m_internal.subnets.first().id);
        const QJsonObject created = data.at(events.indexOf(u"finalize.port_created"_s));
        QCOMPARE(created[u"ip_kept"].toBool(), true);
        QCOMPARE(created[u"fixed_ips"].toArray(), QJsonArray {ip});

        auto holders = await<QList<xloud::Port>>([&](auto cb) { m_network->portsByIp(ip, cb); });
        XMS_VERIFY_OK(holders);
        QCOMPARE(holders->size(), 1);
        QCOMPARE(holders->first().id, port->id);
        const QList<PreflightCheck> checks
            = keepIpChecks(ctx->vm.nics[0], ctx->vm.guestNetwork, ctx->spec.networks[0], m_internal, *holders);
        QCOMPARE(checks.size(), 1);
        QCOMPARE(checks[0].key, u"network.ip_in_use"_s);
        QCOMPARE(checks[0].verdict, Verdict::Block);
        QVERIFY2(checks[0].message.contains(port->id) && checks[0].message.contains(ip), qPrintable(checks[0].message));

        // The second VM was already off at its export: Tools said nothing then, so the address captured at
        // submit is the one it asks for.
        auto second = keepIpContext(randomMac(), ip);
        second->spec.guestNetworkAtSubmit = second->vm.guestNetwork;
        second->vm.guestNetwork = {};
        QStringList secondEvents;
        const Status refused = run(*second, &secondEvents);
        QVERIFY(!refused.has_value());
        QCOMPARE(refused.error().code, u"xloud.ip_in_use"_s);
        QVERIFY2(refused.error().message.contains(ip), qPrintable(refused.error().message));
        QVERIFY(second->serverId.isEmpty());
        cleanup(*ctx); // first: its instance holds the boot volume that the second cleanup waits for
        cleanup(*second);
    }

    void refusedMacFailsWhenAskedAndLeavesNothing()
    {
        auto ctx = context(u"internal-net"_s, MigrationSpec::MacFallback::Fail);
        QStringList events;
        const Status s = run(*ctx, &events);
        QVERIFY(!s.has_value());
        QCOMPARE(s.error().code, u"xloud.mac_in_use"_s);
        QVERIFY2(s.error().message.contains(m_mac, Qt::CaseInsensitive), qPrintable(s.error().message));
        QVERIFY(ctx->serverId.isEmpty());
        cleanup(*ctx);
    }
};

QTEST_GUILESS_MAIN(TestFinalize)
#include "tst_finalize.moc"
