// Every model of the desktop app under QAbstractItemModelTester, fed the way the app feeds it.
#include "eventsmodel.h"
#include "jobsmodel.h"
#include "wizard/inventorymodel.h"
#include "wizard/migrationdraft.h"
#include "wizard/nicmappingmodel.h"
#include "wizard/targetmodels.h"

#include <QAbstractItemModelTester>
#include <QSortFilterProxyModel>
#include <QTest>

using namespace xms;
using namespace xms::ui;

namespace {

constexpr auto kMode = QAbstractItemModelTester::FailureReportingMode::QtTest;

vsphere::VmInfo vm(const QString& name, int cpus, qint64 memMB, QStringList networks)
{
    vsphere::VmInfo v;
    v.name = name;
    v.numCpus = cpus;
    v.memoryMB = memMB;
    v.powerState = QStringLiteral("poweredOff");
    vsphere::DiskInfo d;
    d.label = QStringLiteral("Hard disk 1");
    d.capacityBytes = 8LL << 30;
    v.disks = {d};
    int n = 1;
    for (const QString& net : networks) {
        vsphere::NicInfo nic;
        nic.label = QStringLiteral("Network adapter %1").arg(n++);
        nic.network = net;
        nic.macAddress = QStringLiteral("00:50:56:00:00:%1").arg(n, 2, 10, QLatin1Char('0'));
        v.nics.append(nic);
    }
    return v;
}

EventRecord makeEvent(qint64 id, EventLevel level, Stage stage, const QString& name)
{
    EventRecord e;
    e.id = id;
    e.level = level;
    e.stage = stage;
    e.name = name;
    e.message = name + QStringLiteral(" message");
    e.time = QDateTime::currentDateTimeUtc();
    return e;
}

} // namespace

class TestModels : public QObject
{
    Q_OBJECT
private slots:
    void jobsModel()
    {
        JobsModel model;
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setSortRole(JobsModel::SortRole);
        proxy.sort(JobsModel::Progress);
        QAbstractItemModelTester t1(&model, kMode), t2(&proxy, kMode);
        for (int i = 0; i < 5; ++i) {
            JobRecord r;
            r.id = QStringLiteral("job-%1").arg(i);
            r.spec = QJsonObject{{QStringLiteral("vm"), QStringLiteral("vm%1").arg(i)}};
            r.stage = Stage::Export;
            r.progress[Stage::Export].percent = i * 20;
            model.upsert(r);
        }
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(model.activeJobIds().size(), 5);
        JobRecord done = *model.record(QStringLiteral("job-2"));
        done.stage = Stage::Completed;
        model.upsert(done);
        QCOMPARE(model.activeJobIds().size(), 4);
        QCOMPARE(proxy.index(4, JobsModel::Progress).data().toInt(), 100);
        model.remove(QStringLiteral("job-0"));
        QCOMPARE(model.rowCount(), 4);
        QVERIFY(!model.record(QStringLiteral("job-0")));
    }

    void eventsModelKeepsNewestAndFilters()
    {
        EventsModel model;
        model.setCapacity(100);
        EventFilterModel filter;
        filter.setSourceModel(&model);
        QAbstractItemModelTester t1(&model, kMode), t2(&filter, kMode);
        model.setJob(QStringLiteral("job"));
        QList<EventRecord> batch;
        for (int i = 1; i <= 150; ++i)
            batch.append(makeEvent(i, i % 10 == 0 ? EventLevel::Warning : EventLevel::Info,
                               i <= 75 ? Stage::Export : Stage::Inspect, QStringLiteral("e%1").arg(i)));
        model.append(batch.mid(0, 60));
        model.append(batch.mid(60));
        QCOMPARE(model.rowCount(), 100);
        QCOMPARE(model.dropped(), 50);
        QCOMPARE(model.event(0).id, 51);
        filter.setMinimumLevel(EventLevel::Warning);
        QCOMPARE(filter.rowCount(), 10);
        filter.setStage(Stage::Export);
        QCOMPARE(filter.rowCount(), 2); // warnings 60 and 70 are Export (51–75), 80… are Inspect
        filter.setMinimumLevel(EventLevel::Debug);
        filter.setStage(std::nullopt);
        filter.setFilterFixedString(QStringLiteral("e149"));
        QCOMPARE(filter.rowCount(), 1);
        const QString text = eventsAsText(&filter, {filter.index(0, 0)});
        QVERIFY(text.contains(u"e149\te149 message"));
    }

    void inventoryTree()
    {
        InventoryModel model;
        QAbstractItemModelTester tester(&model, kMode);
        vsphere::Inventory inv;
        inv.vms = {vm(QStringLiteral("web"), 2, 4096, {QStringLiteral("VM Network")}),
                   vm(QStringLiteral("db"), 8, 32768, {})};
        model.setInventory(inv);
        QCOMPARE(model.rowCount(), 2);
        PreflightReport r;
        r.vm = QStringLiteral("web");
        r.add({QStringLiteral("Source"), QStringLiteral("source.snapshot"), Verdict::Warn,
               QStringLiteral("The VM has a snapshot"), QStringLiteral("Consolidate it")});
        r.add({QStringLiteral("Compute"), QStringLiteral("compute.cpu"), Verdict::Pass, QStringLiteral("2 vCPU"), {}});
        model.setReport(r);
        const QModelIndex web = model.index(0, 0);
        QCOMPARE(model.rowCount(web), 2);
        QCOMPARE(model.index(0, InventoryModel::Verdict).data().toString(), verdictName(Verdict::Warn));
        QVERIFY(model.index(0, InventoryModel::Name, web).data().toString().contains(u"Fix: Consolidate"));
        r.checks.removeLast();
        model.setReport(r); // replaces the children
        QCOMPARE(model.rowCount(web), 1);
        model.setChecking(QStringLiteral("db"), true);
        QCOMPARE(model.index(1, InventoryModel::Verdict).data().toString(), InventoryModel::tr("Checking…"));
    }

    void flavorsMarkWhatFits()
    {
        FlavorModel model;
        QAbstractItemModelTester tester(&model, kMode);
        xloud::Flavor small{QStringLiteral("1"), QStringLiteral("m1.small"), 1, 2048, 20, 0, true};
        xloud::Flavor large{QStringLiteral("2"), QStringLiteral("m1.large"), 4, 8192, 80, 0, true};
        model.setFlavors({large, small}, 2, 4096);
        QCOMPARE(model.index(0).data(FlavorModel::NameRole).toString(), QStringLiteral("m1.small")); // sorted
        QVERIFY(!model.index(0).data(FlavorModel::MisfitRole).toString().isEmpty());
        QCOMPARE(model.flags(model.index(0)), Qt::NoItemFlags);
        QVERIFY(model.index(1).data(FlavorModel::MisfitRole).toString().isEmpty());
        QCOMPARE(model.firstFitting(), 1);
    }

    void instanceNames()
    {
        MigrationDraft draft;
        draft.vms = {vm(QStringLiteral("Web Server (old)"), 2, 2048, {})};
        InstanceNamesModel model(draft);
        QAbstractItemModelTester tester(&model, kMode);
        model.reload();
        const QModelIndex name = model.index(0, InstanceNamesModel::InstanceName);
        QCOMPARE(name.data().toString(), QStringLiteral("Web-Server-old"));
        QVERIFY(model.setData(name, QStringLiteral("web-new")));
        QCOMPARE(draft.specs().first().instanceName, QStringLiteral("web-new"));
    }

    void nicMappings()
    {
        NicMappingModel model;
        QAbstractItemModelTester tester(&model, kMode);
        xloud::Network own;
        own.id = QStringLiteral("n1");
        own.name = QStringLiteral("internal-net");
        own.projectId = QStringLiteral("p1");
        xloud::Subnet sub;
        sub.name = QStringLiteral("internal-subnet");
        own.subnets = {sub};
        xloud::Network shared = own;
        shared.id = QStringLiteral("n2");
        shared.name = QStringLiteral("public");
        shared.shared = true;
        shared.projectId = QStringLiteral("admin");
        vsphere::VmInfo web
            = vm(QStringLiteral("web"), 1, 1024, {QStringLiteral("VM Network"), QStringLiteral("VM Network")});
        vsphere::GuestNic facts; // VMware Tools reports an address for the first NIC only
        facts.macAddress = web.nics[0].macAddress;
        facts.addresses = {{QStringLiteral("10.0.0.5"), 24}};
        web.guestNetwork.nics = {facts};
        model.setSources({web}, {own, shared}, QStringLiteral("p1"));
        QCOMPARE(model.rowCount(), 2); // two NICs on one network: told apart by label
        QVERIFY(!model.isComplete());
        QVERIFY(model.setData(model.index(0, NicMappingModel::TargetNetwork), QStringLiteral("internal-net")));
        QCOMPARE(model.index(0, NicMappingModel::TargetSubnet).data().toString(), QStringLiteral("internal-subnet"));
        QVERIFY(model.setData(model.index(0, NicMappingModel::KeepMac), Qt::Checked, Qt::CheckStateRole));
        QVERIFY(model.setData(model.index(1, NicMappingModel::TargetNetwork), QStringLiteral("public")));
        QVERIFY(!model.setData(model.index(1, NicMappingModel::KeepMac), Qt::Checked, Qt::CheckStateRole));
        QVERIFY(!(model.flags(model.index(1, NicMappingModel::KeepMac)) & Qt::ItemIsEnabled));
        QVERIFY(model.index(1, NicMappingModel::KeepMac).data(Qt::ToolTipRole).toString().contains(u"administrators"));
        QVERIFY(model.isComplete());
        // Keep IP: only where Tools reported an address; elsewhere disabled, the tooltip offering DHCP.
        QCOMPARE(model.index(0, NicMappingModel::GuestAddress).data().toString(), QStringLiteral("10.0.0.5/24"));
        QCOMPARE(model.index(1, NicMappingModel::GuestAddress).data().toString(),
                 NicMappingModel::tr("(none reported)"));
        QVERIFY(model.setData(model.index(0, NicMappingModel::KeepIp), Qt::Checked, Qt::CheckStateRole));
        QVERIFY(!model.setData(model.index(1, NicMappingModel::KeepIp), Qt::Checked, Qt::CheckStateRole));
        QVERIFY(!(model.flags(model.index(1, NicMappingModel::KeepIp)) & Qt::ItemIsEnabled));
        QVERIFY(model.index(1, NicMappingModel::KeepIp).data(Qt::ToolTipRole).toString().contains(u"DHCP"));
        const auto maps = model.mappings();
        QCOMPARE(maps.at(0).nicLabel, QStringLiteral("Network adapter 1"));
        QVERIFY(maps.at(0).keepMac);
        QVERIFY(!maps.at(1).keepMac);
        QVERIFY(maps.at(0).keepIp);
        QVERIFY(!maps.at(1).keepIp);
        // A profile that keeps the IP applies where an address is known, not where there is none.
        model.apply({NicMapping {QStringLiteral("VM Network"),
                                 QStringLiteral("Network adapter 2"),
                                 QStringLiteral("internal-net"),
                                 {},
                                 false,
                                 true}});
        QVERIFY(!model.mappings().at(1).keepIp);
    }
};

QTEST_MAIN(TestModels)
#include "tst_models.moc"
