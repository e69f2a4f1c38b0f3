// Renders the app offscreen into PNGs for the README: the Migrations view during a running job, the
// wizard steps up to Networks (Review: tst_wizardlab, against the lab) and the Settings dialog. Written to
// $XMS_SCREENSHOT_DIR (docs/screenshots to update the README), else next to the test. $XMS_SCREENSHOT_LANG=de renders
// the German translation.
#include "eventsmodel.h"
#include "i18n.h"
#include "jobdetailview.h"
#include "jobsmodel.h"
#include "mainwindow.h"
#include "migrationsview.h"
#include "settings/settingsdialog.h"
#include "settings/trustdialog.h"
#include "store/jobstore.h"
#include "testutil.h"
#include "vsphere/inventorycache.h"
#include "wizard/inventorymodel.h"
#include "wizard/networkspage.h"
#include "wizard/newmigrationwizard.h"
#include "wizard/nicmappingmodel.h"
#include "wizard/targetpage.h"
#include "wizard/workloadpage.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDir>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace xms;
using namespace xms::ui;

namespace {

vsphere::VmInfo vm(const QString& name, int cpus, qint64 memMB, qint64 diskGiB, const QString& guest)
{
    vsphere::VmInfo v;
    v.name = name;
    v.moref = {QStringLiteral("VirtualMachine"), u"vm-" + name};
    v.numCpus = cpus;
    v.memoryMB = memMB;
    v.powerState = QStringLiteral("poweredOn");
    v.firmware = QStringLiteral("bios");
    v.guestFullName = guest;
    vsphere::DiskInfo d;
    d.label = QStringLiteral("Hard disk 1");
    d.capacityBytes = diskGiB << 30;
    v.disks = {d};
    vsphere::NicInfo nic;
    nic.label = QStringLiteral("Network adapter 1");
    nic.network = QStringLiteral("VM Network");
    nic.macAddress = QStringLiteral("00:50:56:9a:10:2f");
    v.nics = {nic};
    // What VMware Tools would report: a static address per VM (the Guest IP columns, Keep IP).
    static int host = 20;
    vsphere::GuestNic facts;
    facts.macAddress = nic.macAddress;
    facts.addresses = {{u"10.10.0." + QString::number(host++), 24}};
    facts.ipv4Gateway = QStringLiteral("10.10.0.1");
    v.guestNetwork.hostName = name;
    v.guestNetwork.nics = {facts};
    return v;
}

xloud::CloudResources resources()
{
    xloud::CloudResources r;
    r.cloud = QStringLiteral("xloud-prod");
    r.projectId = QStringLiteral("p1");
    r.projectName = QStringLiteral("infra");
    r.flavors = {{QStringLiteral("1"), QStringLiteral("m1.small"), 1, 2048, 20, 0, true},
                 {QStringLiteral("2"), QStringLiteral("m1.medium"), 2, 4096, 40, 0, true},
                 {QStringLiteral("3"), QStringLiteral("m1.large"), 4, 8192, 80, 0, true}};
    xloud::VolumeType ssd;
    ssd.name = QStringLiteral("ssd");
    xloud::VolumeType hdd;
    hdd.name = QStringLiteral("standard");
    r.volumeTypes = {ssd, hdd};
    r.computeZones = {{QStringLiteral("az1"), true}, {QStringLiteral("az2"), true}};
    xloud::Network net;
    net.name = QStringLiteral("internal-net");
    net.projectId = QStringLiteral("p1");
    xloud::Subnet sub;
    sub.name = QStringLiteral("internal-subnet");
    net.subnets = {sub};
    r.networks = {net};
    return r;
}

} // namespace

class TestScreenshots : public QObject
{
    Q_OBJECT
    QTemporaryDir m_home;
    QDir m_out;
    std::optional<Store> m_store;

    void save(QWidget* w, const QString& name)
    {
        QTest::qWait(100); // layouts and the watcher settle before the grab
        const QString path = m_out.filePath(name + u".png");
        QVERIFY2(w->grab().save(path), qPrintable(path));
        qInfo("wrote %s", qPrintable(path));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        qputenv("XMS_HOME", m_home.path().toUtf8());
        qputenv("XMS_CLI", "/bin/true");
        const QString dir = qEnvironmentVariable("XMS_SCREENSHOT_DIR", QDir::currentPath() + u"/screenshots");
        QDir().mkpath(dir);
        m_out = QDir(dir);
        if (qEnvironmentVariable("XMS_SCREENSHOT_LANG") == u"de") {
            const QLocale german(QLocale::German, QLocale::Germany);
            QVERIFY(installTranslations(*qApp, german));
            QLocale::setDefault(german);
        }
        auto store = Store::openDefault();
        XMS_VERIFY_OK(store);
        m_store = *store;
        EnvironmentRecord env;
        env.name = QStringLiteral("prod-vcenter");
        env.host = QStringLiteral("vcenter.example.com");
        env.username = QStringLiteral("administrator@vsphere.local");
        XMS_VERIFY_OK(m_store->saveEnvironment(env));
        CloudRecord cloud;
        cloud.name = QStringLiteral("xloud-prod");
        cloud.authUrl = QStringLiteral("https://xloud.example:5000/v3");
        cloud.username = QStringLiteral("operator");
        cloud.project = QStringLiteral("infra");
        cloud.dashboardUrl = QStringLiteral("https://xloud.example/dashboard");
        XMS_VERIFY_OK(m_store->saveCloud(cloud));
        XMS_VERIFY_OK(m_store->saveProfile(
            {QStringLiteral("dc1-to-infra"),
             QJsonObject {
                 {QStringLiteral("networks"),
                  QJsonArray {QJsonObject {{QStringLiteral("source_network"), QStringLiteral("VM Network")},
                                           {QStringLiteral("target_network"), QStringLiteral("internal-net")},
                                           {QStringLiteral("keep_ip"), true}}}}},
             {},
             {}}));
        vsphere::Inventory inv;
        inv.fetchedAt = QDateTime::currentDateTimeUtc();
        inv.vms = {vm(QStringLiteral("win-ser-2022"), 4, 8192, 80, QStringLiteral("Microsoft Windows Server 2022")),
                   vm(QStringLiteral("web-01"), 2, 4096, 40, QStringLiteral("Debian GNU/Linux 12 (64-bit)")),
                   vm(QStringLiteral("db-01"), 8, 32768, 500, QStringLiteral("Rocky Linux 9 (64-bit)")),
                   vm(QStringLiteral("build-agent"), 2, 2048, 60, QStringLiteral("Ubuntu Linux (64-bit)"))};
        XMS_VERIFY_OK(vsphere::InventoryCache::save(env.name, inv));
    }

    void migrationsView()
    {
        JobStore jobs(*m_store);
        auto spec = [](const QString& vmName) {
            return QJsonObject {{QStringLiteral("source"), QStringLiteral("prod-vcenter")},
                                {QStringLiteral("vm"), vmName},
                                {QStringLiteral("cloud"), QStringLiteral("xloud-prod")},
                                {QStringLiteral("project"), QStringLiteral("infra")},
                                {QStringLiteral("instance_name"), vmName}};
        };
        auto done = jobs.create(spec(QStringLiteral("build-agent")));
        XMS_VERIFY_OK(done);
        for (Stage s : workStages())
            jobs.setProgress(done->id, s, {100, 0, 0});
        jobs.setEnded(done->id, Stage::Completed, Stage::Finalize,
                      {{QStringLiteral("server_id"), QStringLiteral("6f1c2a8e-4b1d-4c55-9a7e-2f0d3c9b8a11")}},
                      Text::literal(QStringLiteral("Migration complete: instance build-agent is ready")));
        auto running = jobs.create(spec(QStringLiteral("web-01")));
        XMS_VERIFY_OK(running);
        const QString id = running->id;
        jobs.setStage(id, Stage::Export, Text::literal(QStringLiteral("Exporting the disks of web-01")));
        jobs.setProgress(id, Stage::Export, {62, 26LL << 30, 40LL << 30});
        jobs.setTransfer(id, 26LL << 30, 40LL << 30, 118.0 * 1024 * 1024, 127);
        const QStringList names {QStringLiteral("source.powered_off"), QStringLiteral("export.started")};
        EventRecord e;
        e.jobId = id;
        e.stage = Stage::Export;
        for (const QString& n : names) {
            e.name = n;
            e.message = n == u"source.powered_off" ? QStringLiteral("web-01 shut down from the guest")
                                                   : QStringLiteral("Exporting the disks of web-01");
            e.time = QDateTime::currentDateTimeUtc();
            jobs.appendEvent(e);
        }
        for (int i = 1; i <= 12; ++i) {
            e.name = QStringLiteral("export.progress");
            e.message = QStringLiteral("Hard disk 1: %1 of 40960 MiB").arg(i * 2200);
            jobs.appendEvent(e);
        }
        auto queued = jobs.create(spec(QStringLiteral("win-ser-2022")));
        XMS_VERIFY_OK(queued);

        MainWindow w;
        w.resize(1180, 820);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QTRY_COMPARE(w.jobsModel()->rowCount(), 3);
        w.migrationsView()->selectJob(id);
        QTRY_VERIFY(w.migrationsView()->detail()->events()->rowCount() >= 14);
        save(&w, QStringLiteral("migrations"));
        w.setCloseChoiceForTesting(MainWindow::CloseChoice::KeepHeadless);
    }

    void wizardSteps()
    {
        NewMigrationWizard w(*m_store);
        w.resize(980, 640);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        save(&w, QStringLiteral("wizard-1-source"));
        QTest::mouseClick(w.button(QWizard::NextButton), Qt::LeftButton);
        auto* workload = qobject_cast<WorkloadPage*>(w.currentPage());
        QTRY_COMPARE(workload->inventory()->rowCount(), 4);
        PreflightReport pass;
        pass.vm = QStringLiteral("web-01");
        pass.add({QStringLiteral("Compute"),
                  QStringLiteral("compute.cpu"),
                  Verdict::Pass,
                  QStringLiteral("2 vCPU, 4096 MiB"),
                  {}});
        pass.add({QStringLiteral("Source"), QStringLiteral("source.snapshot"), Verdict::Warn,
                  QStringLiteral("The VM has snapshots; the migration copies its current state only"),
                  QStringLiteral("Delete or consolidate snapshots you do not need.")});
        workload->inventory()->setReport(pass);
        PreflightReport block;
        block.vm = QStringLiteral("db-01");
        block.add({QStringLiteral("Storage"), QStringLiteral("storage.rdm"), Verdict::Block,
                   QStringLiteral("Hard disk 2 is a raw device mapping (RDM)"),
                   QStringLiteral("Migrate the LUN's data separately.")});
        workload->inventory()->setReport(block);
        workload->selectVms({QStringLiteral("web-01")});
        workload->view()->expandAll();
        save(&w, QStringLiteral("wizard-2-workload"));
        QTest::mouseClick(w.button(QWizard::NextButton), Qt::LeftButton);
        auto* target = qobject_cast<TargetPage*>(w.currentPage());
        QTRY_VERIFY_WITH_TIMEOUT(!target->isLoading(), 30000);
        target->setResources(resources());
        save(&w, QStringLiteral("wizard-3-target"));
        QTest::mouseClick(w.button(QWizard::NextButton), Qt::LeftButton);
        auto* nets = qobject_cast<NetworksPage*>(w.currentPage());
        QVERIFY(nets->loadProfile(QStringLiteral("dc1-to-infra")));
        save(&w, QStringLiteral("wizard-4-networks"));
        // No Review picture here: its final preflight logs in to the vCenter and the cloud, which these
        // made-up ones are not, so it would show a Block. tst_wizardlab saves it against the lab, passing.
    }

    void settings()
    {
        SettingsDialog d(*m_store);
        d.resize(720, 460);
        d.show();
        QVERIFY(QTest::qWaitForWindowExposed(&d));
        save(&d, QStringLiteral("settings-environments"));
        d.tabs()->setCurrentIndex(2);
        save(&d, QStringLiteral("settings-profiles"));
        vsphere::PeerCertificate cert;
        cert.subject = QStringLiteral("CN=vcenter.example.com");
        cert.issuer = QStringLiteral("CN=CA, O=VMware Installer");
        cert.notAfter = QDateTime(QDate(2027, 11, 26), QTime(12, 0));
        cert.sha1 = fingerprint::normalize(u"C2:D8:42:58:19:A6:2E:95:8B:81:8E:0E:81:46:71:4B:09:13:94:05");
        cert.sha256 = fingerprint::normalize(
            u"F9:B5:97:2A:1D:9E:51:08:E1:26:E0:E6:55:32:CD:26:42:4B:D0:B4:D6:95:A3:BE:4C:E2:C1:79:02:EF:A1:D8");
        TrustDialog trust(QStringLiteral("vcenter.example.com"), cert);
        trust.resize(640, 300);
        trust.show();
        QVERIFY(QTest::qWaitForWindowExposed(&trust));
        save(&trust, QStringLiteral("trust-dialog"));
    }
};

QTEST_MAIN(TestScreenshots)
#include "tst_screenshots.moc"
