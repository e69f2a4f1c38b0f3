// The New Migration wizard driven with QTest on real core objects: a real store in a temporary XMS_HOME,
// the inventory cache, preflight, profiles and job creation. Only the peers are absent (the lab test
// covers them): the target's resources are handed to the Target page the way fetchResources delivers them.
#include "wizard/newmigrationwizard.h"
#include "testutil.h"
#include "wizard/inventorymodel.h"
#include "wizard/kindsourcepage.h"
#include "wizard/networkspage.h"
#include "wizard/nicmappingmodel.h"
#include "wizard/reviewpage.h"
#include "wizard/targetmodels.h"
#include "wizard/targetpage.h"
#include "wizard/workloadpage.h"

#include "store/jobstore.h"
#include "vsphere/inventorycache.h"

#include <QAbstractButton>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace xms;
using namespace xms::ui;

namespace {

vsphere::VmInfo labVm(const QString& name, int cpus, qint64 memMB)
{
    vsphere::VmInfo v;
    v.name = name;
    v.moref = {QStringLiteral("VirtualMachine"), u"vm-" + name};
    v.numCpus = cpus;
    v.memoryMB = memMB;
    v.powerState = QStringLiteral("poweredOff");
    v.firmware = QStringLiteral("bios");
    v.guestId = QStringLiteral("debian12_64Guest");
    vsphere::DiskInfo d;
    d.label = QStringLiteral("Hard disk 1");
    d.capacityBytes = 2LL << 30;
    d.backing = QStringLiteral("flat");
    d.diskMode = QStringLiteral("persistent");
    v.disks = {d};
    vsphere::NicInfo nic;
    nic.label = QStringLiteral("Network adapter 1");
    nic.network = QStringLiteral("VM Network");
    nic.macAddress = QStringLiteral("00:50:56:aa:bb:01");
    v.nics = {nic};
    return v;
}

xloud::CloudResources labResources()
{
    xloud::CloudResources r;
    r.cloud = QStringLiteral("lab-cloud");
    r.projectId = QStringLiteral("p-infra");
    r.projectName = QStringLiteral("infra");
    r.flavors = {{QStringLiteral("f1"), QStringLiteral("m1.tiny"), 1, 512, 1, 0, true},
                 {QStringLiteral("f2"), QStringLiteral("m1.small"), 2, 2048, 20, 0, true},
                 {QStringLiteral("f3"), QStringLiteral("m1.large"), 4, 8192, 80, 0, true}};
    xloud::VolumeType ssd;
    ssd.id = QStringLiteral("t1");
    ssd.name = QStringLiteral("ssd");
    r.volumeTypes = {ssd};
    r.computeZones = {{QStringLiteral("nova"), true}};
    xloud::Network net;
    net.id = QStringLiteral("n1");
    net.name = QStringLiteral("internal-net");
    net.projectId = QStringLiteral("p-infra");
    xloud::Subnet sub;
    sub.id = QStringLiteral("s1");
    sub.name = QStringLiteral("internal-subnet");
    net.subnets = {sub};
    r.networks = {net};
    return r;
}

void clickNext(QWizard& w)
{
    QAbstractButton* next = w.button(QWizard::NextButton);
    QVERIFY(next->isEnabled());
    QTest::mouseClick(next, Qt::LeftButton);
}

} // namespace

class TestWizard : public QObject
{
    Q_OBJECT
    QTemporaryDir m_home;
    std::optional<Store> m_store;

private slots:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        qputenv("XMS_HOME", m_home.path().toUtf8());
        qputenv("XMS_CLI", "/bin/true"); // the worker launch is real, the worker a no-op
        auto store = Store::openDefault();
        XMS_VERIFY_OK(store);
        m_store = *store;
        EnvironmentRecord env;
        env.name = QStringLiteral("lab-vc");
        env.host = QStringLiteral("127.0.0.1");
        env.port = 9; // nothing listens: preflight reports the source unreachable
        env.username = QStringLiteral("administrator@vsphere.local");
        XMS_VERIFY_OK(m_store->saveEnvironment(env));
        CloudRecord cloud;
        cloud.name = QStringLiteral("lab-cloud");
        cloud.authUrl = QStringLiteral("http://127.0.0.1:9/v3");
        cloud.username = QStringLiteral("xms-operator");
        cloud.project = QStringLiteral("infra");
        XMS_VERIFY_OK(m_store->saveCloud(cloud));
        vsphere::Inventory inv;
        inv.fetchedAt = QDateTime::currentDateTimeUtc();
        inv.vms = {labVm(QStringLiteral("web-01"), 2, 2048), labVm(QStringLiteral("db-01"), 8, 16384)};
        XMS_VERIFY_OK(vsphere::InventoryCache::save(QStringLiteral("lab-vc"), inv));
    }

    void wholeWizardToSubmittedJob()
    {
        NewMigrationWizard w(*m_store);
        QSignalSpy submitted(&w, &NewMigrationWizard::submitted);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));

        // 1. Kind & source
        auto* env = w.findChild<QComboBox*>(QStringLiteral("environmentCombo"));
        QCOMPARE(env->count(), 1);
        QCOMPARE(env->currentData().toString(), QStringLiteral("lab-vc"));
        clickNext(w);
        QCOMPARE(w.currentId(), int(NewMigrationWizard::WorkloadPageId));
        QCOMPARE(w.draft().spec.source, QStringLiteral("lab-vc"));

        // 2. Workload: the cached inventory, search, select, preflight gates
        auto* page = qobject_cast<WorkloadPage*>(w.currentPage());
        QTRY_COMPARE(page->inventory()->rowCount(), 2);
        auto* search = w.findChild<QLineEdit*>(QStringLiteral("inventorySearch"));
        QTest::keyClicks(search, QStringLiteral("web"));
        QCOMPARE(page->view()->model()->rowCount(), 1);
        page->selectVms({QStringLiteral("web-01")});
        QCOMPARE(page->selectedVms(), QStringList{QStringLiteral("web-01")});
        QVERIFY(!w.button(QWizard::NextButton)->isEnabled()); // not checked yet
        QTest::mouseClick(w.findChild<QAbstractButton*>(QStringLiteral("preflightSelected")), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(page->pendingPreflights(), 0, 60000);
        const PreflightReport* report = page->inventory()->report(QStringLiteral("web-01"));
        QVERIFY(report);
        QCOMPARE(report->verdict, Verdict::Block); // the source cannot be reached from here
        QVERIFY(!w.button(QWizard::NextButton)->isEnabled());
        // The verdict row expands into its checks, each with its fix.
        const QModelIndex web = page->inventory()->index(0, 0);
        QCOMPARE(web.data().toString(), QStringLiteral("web-01"));
        QVERIFY(page->inventory()->rowCount(web) > 0);
        QVERIFY(!report->failing().isEmpty());
        // A passing report (what a reachable source gives) lets it go on.
        PreflightReport pass;
        pass.vm = QStringLiteral("web-01");
        pass.add({QStringLiteral("Compute"), QStringLiteral("compute.cpu"), Verdict::Pass, QStringLiteral("2 vCPU"), {}});
        page->inventory()->setReport(pass);
        QVERIFY(w.button(QWizard::NextButton)->isEnabled());
        clickNext(w);
        QCOMPARE(w.draft().vms.size(), 1);

        // 3. Target: flavors that do not fit are refused with the reason
        auto* target = qobject_cast<TargetPage*>(w.currentPage());
        QCOMPARE(target->cloudCombo()->currentText(), QStringLiteral("lab-cloud"));
        QCOMPARE(target->projectEdit()->text(), QStringLiteral("infra"));
        QTRY_VERIFY_WITH_TIMEOUT(!target->isLoading(), 30000); // the unreachable cloud answers with an error
        QVERIFY(!w.button(QWizard::NextButton)->isEnabled());
        target->setResources(labResources());
        auto* flavors = target->flavorCombo();
        QCOMPARE(flavors->currentData(FlavorModel::NameRole).toString(), QStringLiteral("m1.small"));
        const QModelIndex tiny = flavors->model()->index(0, 0);
        QVERIFY(tiny.data(FlavorModel::MisfitRole).toString().contains(u"1 vCPU < 2"));
        QVERIFY(!(flavors->model()->flags(tiny) & Qt::ItemIsEnabled));
        QCOMPARE(target->volumeTypeCombo()->currentText(), QStringLiteral("ssd"));
        auto* names = w.findChild<QAbstractItemView*>(QStringLiteral("instanceNames"));
        names->model()->setData(names->model()->index(0, InstanceNamesModel::InstanceName), QStringLiteral("web-01-x"));
        clickNext(w);
        QCOMPARE(w.draft().spec.flavor, QStringLiteral("m1.small"));
        QCOMPARE(w.draft().spec.project, QStringLiteral("infra"));

        // 4. Networks: map the NIC, save and reload a profile
        auto* nets = qobject_cast<NetworksPage*>(w.currentPage());
        NicMappingModel* map = nets->mappingModel();
        QCOMPARE(map->rowCount(), 1);
        QVERIFY(!w.button(QWizard::NextButton)->isEnabled());
        QVERIFY(map->setData(map->index(0, NicMappingModel::TargetNetwork), QStringLiteral("internal-net")));
        QVERIFY(map->setData(map->index(0, NicMappingModel::KeepMac), Qt::Checked, Qt::CheckStateRole));
        QVERIFY(nets->saveProfile(QStringLiteral("lab-map")));
        XMS_VERIFY_OK(m_store->profile(QStringLiteral("lab-map")));
        QVERIFY(map->setData(map->index(0, NicMappingModel::KeepMac), Qt::Unchecked, Qt::CheckStateRole));
        QVERIFY(nets->loadProfile(QStringLiteral("lab-map")));
        QCOMPARE(map->mappings().first().keepMac, true);
        clickNext(w);

        // 5. Review, then Submit
        auto* review = qobject_cast<ReviewPage*>(w.currentPage());
        const QString summary = review->summaryText();
        QVERIFY(summary.contains(u"web-01-x"));
        QVERIFY(summary.contains(u"m1.small"));
        QVERIFY(summary.contains(u"internal-net"));
        // The full preflight (as `xms migration submit` runs it) blocks: this cloud cannot be reached.
        QTRY_VERIFY_WITH_TIMEOUT(!review->isChecking(), 60000);
        QVERIFY(review->isBlocked());
        QVERIFY2(review->preflightText().contains(u"Block"), qPrintable(review->preflightText()));
        QAbstractButton* finish = w.button(QWizard::FinishButton);
        QVERIFY(!finish->isEnabled());
        review->skipPreflight()->click(); // --skip-preflight
        QCOMPARE(finish->text(), NewMigrationWizard::tr("&Submit"));
        QTest::mouseClick(finish, Qt::LeftButton);
        QCOMPARE(submitted.count(), 1);
        QVERIFY(!w.isVisible());

        const QStringList ids = submitted.first().first().toStringList();
        QCOMPARE(ids.size(), 1);
        auto job = JobStore(*m_store).job(ids.first());
        XMS_VERIFY_OK(job);
        QCOMPARE(job->stage, Stage::Queued);
        QCOMPARE(job->bytesTotal, 2LL << 30); // the VM's disks: counted by the next preflight's staging check
        auto spec = MigrationSpec::fromJson(job->spec);
        XMS_VERIFY_OK(spec);
        QCOMPARE(spec->vm, QStringLiteral("web-01"));
        QCOMPARE(spec->instanceName, QStringLiteral("web-01-x"));
        QCOMPARE(spec->cloud, QStringLiteral("lab-cloud"));
        QCOMPARE(spec->volumeType, QStringLiteral("ssd"));
        QCOMPARE(spec->networks.size(), 1);
        QCOMPARE(spec->networks.first().targetNetwork, QStringLiteral("internal-net"));
        QCOMPARE(spec->networks.first().targetSubnet, QStringLiteral("internal-subnet"));
        QVERIFY(spec->networks.first().keepMac);
    }

    void twoVmsGetOneJobEachAndTheLargestDecidesTheFlavor()
    {
        NewMigrationWizard w(*m_store);
        MigrationDraft& d = w.draft();
        d.spec.source = QStringLiteral("lab-vc");
        d.vms = {labVm(QStringLiteral("web-01"), 2, 2048), labVm(QStringLiteral("db-01"), 8, 16384)};
        w.show();
        w.setStartId(NewMigrationWizard::TargetPageId);
        w.restart();
        auto* target = qobject_cast<TargetPage*>(w.currentPage());
        target->setResources(labResources());
        QCOMPARE(target->flavorCombo()->currentIndex(), -1); // nothing holds 8 vCPU / 16 GiB
        QVERIFY(!w.button(QWizard::NextButton)->isEnabled());
        d.instanceNames.insert(QStringLiteral("db-01"), QStringLiteral("web-01"));
        d.spec.cloud = QStringLiteral("lab-cloud");
        d.spec.project = QStringLiteral("infra");
        d.spec.flavor = QStringLiteral("m1.large");
        d.spec.volumeType = QStringLiteral("ssd");
        QVERIFY(!d.validate()); // two instances with one name
        d.instanceNames.clear();
        XMS_VERIFY_OK(d.validate());
        QCOMPARE(d.specs().size(), 2);
    }
};

QTEST_MAIN(TestWizard)
#include "tst_wizard.moc"
