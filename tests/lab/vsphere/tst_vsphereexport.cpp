// Power-off and export against the lab's vCenter simulator: disks streamed through the one-pass decoder
// into sparse staging images byte-identical to the guest images, the source datastore untouched, and
// lease errors, dropped connections and cancel answered clearly without leftovers.
#include "testutil.h"
#include "vsphere/exportsession.h"
#include "vsphere/poweroff.h"
#include "vsphere/vmexport.h"
#include "vspherelab.h"

#include <QDir>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <sys/stat.h>

using namespace xms;
using namespace xms::vsphere;
using namespace vspherelab;

namespace {
struct Run
{
    Status status;
    ExportResult result;
    QList<ExportProgress> progress;
    QJsonObject started;
    qint64 cancelledAfterMs = -1;
};

// Exports vm into dir; cancelAfterBytes >= 0 cancels once that much has arrived.
Run exportVm(Session& s, const VmInfo& vm, const QString& dir, ExportSession::Options o = {},
             qint64 cancelAfterBytes = -1)
{
    o.stagingDir = dir;
    o.keepAliveIntervalMs = 500;
    ExportSession ex(s, vm, o);
    Run run;
    std::optional<Status> done;
    QElapsedTimer cancelClock;
    QObject::connect(&ex, &ExportSession::started, &ex, [&](const QJsonObject& d) { run.started = d; });
    QObject::connect(&ex, &ExportSession::progress, &ex, [&](const ExportProgress& p) {
        run.progress.append(p);
        if (cancelAfterBytes >= 0 && qint64(p.bytesReceived) >= cancelAfterBytes && !cancelClock.isValid()) {
            cancelClock.start();
            ex.cancel();
        }
    });
    QObject::connect(&ex, &ExportSession::finished, &ex, [&](const Status& st) {
        done = st;
        if (cancelClock.isValid())
            run.cancelledAfterMs = cancelClock.elapsed();
    });
    ex.start();
    run.status = await(done, 600000);
    run.result = ex.result();
    return run;
}

qint64 allocatedBytes(const QString& path)
{
    struct stat st
    {
    };
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? qint64(st.st_blocks) * 512 : -1;
}

QStringList filesIn(const QString& dir)
{
    return QDir(dir).entryList(QDir::Files | QDir::Hidden);
}
} // namespace

class TestVsphereExport : public QObject
{
    Q_OBJECT

    std::unique_ptr<Session> m_s;
    QMap<QString, QByteArray> m_datastoreBefore;

private slots:
    void initTestCase()
    {
        m_s = openSession();
        m_datastoreBefore = datastoreHashes();
        QVERIFY(!m_datastoreBefore.isEmpty());
    }

    void powerOffFromOnAndAgain()
    {
        const VmInfo vm = vspherelab::vm(*m_s, QStringLiteral("lab-debian-bios"));
        XMS_VERIFY_OK(powerOn(*m_s, vm.moref));
        PowerOff first(*m_s, vm.moref, PowerOff::Options {5, 200});
        std::optional<Result<PowerOffResult>> r;
        first.start([&](Result<PowerOffResult> res) { r = res; });
        auto res = await(r);
        XMS_VERIFY_OK(res);
        QCOMPARE(res->method, PowerOffResult::Method::Hard); // the simulator's guests run no VMware Tools
        QCOMPARE(res->eventData(vm.name, vm.moref).value(u"method").toString(), QStringLiteral("hard"));
        QCOMPARE(vspherelab::vm(*m_s, vm.name).powerState, QStringLiteral("poweredOff"));

        PowerOff again(*m_s, vm.moref);
        r.reset();
        again.start([&](Result<PowerOffResult> res2) { r = res2; });
        res = await(r);
        XMS_VERIFY_OK(res); // already off is fine
        QCOMPARE(res->method, PowerOffResult::Method::AlreadyOff);
    }

    void exportIsByteIdentical()
    {
        const VmInfo vm = vspherelab::vm(*m_s, QStringLiteral("lab-debian-bios"));
        XMS_VERIFY_OK(powerOff(*m_s, vm.moref));
        const QMap<QString, QByteArray> beforeExport = datastoreHashes();
        QTemporaryDir dir;
        QElapsedTimer t;
        t.start();
        const Run run = exportVm(*m_s, vm, dir.path());
        XMS_VERIFY_OK(run.status);
        const qint64 ms = t.elapsed();
        QCOMPARE(datastoreHashes(), beforeExport); // an export leaves every source file as it was, logs included
        QCOMPARE(run.result.disks.size(), 1);
        const ExportedDisk& d = run.result.disks[0];
        QCOMPARE(d.path, ExportSession::stagingPath(dir.path(), 0));
        QCOMPARE(d.format, QStringLiteral("vmdk-stream"));
        QCOMPARE(qint64(d.capacityBytes), vm.disks[0].capacityBytes);
        QCOMPARE(qint64(d.bytesReceived), QFileInfo(env("XMS_LAB_GUEST_BIOS_VMDK")).size());
        const QString diff = compareFiles(d.path, env("XMS_LAB_GUEST_BIOS_IMG"));
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
        // Sparse: the holes of the guest stayed holes.
        QVERIFY2(allocatedBytes(d.path) < qint64(d.capacityBytes) / 2,
                 qPrintable(QString::number(allocatedBytes(d.path))));
        QCOMPARE(filesIn(dir.path()), QStringList {QStringLiteral("disk-0.raw")});

        // Progress made sense although the stream is much smaller than the disk.
        QVERIFY(!run.progress.isEmpty());
        const ExportProgress& last = run.progress.last();
        QCOMPARE(last.capacity, d.capacityBytes);
        QCOMPARE(last.position, d.capacityBytes);
        QCOMPARE(last.percent(), 100);
        QCOMPARE(last.bytesReceived, d.bytesReceived);
        QVERIFY(last.bytesReceived < last.capacity);
        QCOMPARE(run.started.value(u"disks").toInt(), 1);
        qInfo("exported %lld MiB of stream (%lld MiB disk) in %lld ms", qint64(d.bytesReceived >> 20),
              qint64(d.capacityBytes >> 20), ms);
    }

    void twoDisksInVmOrder()
    {
        // parallelDisks 2 (the engine's default, engine/exports-per-host): both disks are in flight from
        // the start of the one lease, and each arrives byte for byte.
        const VmInfo vm = vspherelab::vm(*m_s, QStringLiteral("lab-two-disks"));
        XMS_VERIFY_OK(powerOff(*m_s, vm.moref));
        QTemporaryDir dir;
        ExportSession::Options o;
        o.parallelDisks = 2;
        const Run run = exportVm(*m_s, vm, dir.path(), o);
        XMS_VERIFY_OK(run.status);
        qsizetype firstOf1 = -1, lastOf0 = -1;
        for (qsizetype i = 0; i < run.progress.size(); ++i) {
            if (run.progress[i].diskIndex == 1 && firstOf1 < 0)
                firstOf1 = i;
            if (run.progress[i].diskIndex == 0)
                lastOf0 = i;
        }
        QVERIFY2(
            firstOf1 >= 0 && firstOf1 < lastOf0,
            qPrintable(QStringLiteral("disk 1 first reported at %1, disk 0 last at %2").arg(firstOf1).arg(lastOf0)));
        for (qsizetype i = 1; i < run.progress.size(); ++i) // the totals add up over both flows, never going back
            QVERIFY(run.progress[i].position >= run.progress[i - 1].position);
        QCOMPARE(run.result.paths(),
                 (QStringList {ExportSession::stagingPath(dir.path(), 0), ExportSession::stagingPath(dir.path(), 1)}));
        QString diff = compareFiles(run.result.disks[0].path, env("XMS_LAB_GUEST_BIOS_IMG"));
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
        diff = compareFiles(run.result.disks[1].path, env("XMS_LAB_DATA_DISK_IMG"));
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
        QVERIFY(run.result.disks[1].deviceKey.endsWith(u"0:1"));

        // A second attempt reuses disks that are completely staged (a new lease, nothing downloaded).
        const Run again = exportVm(*m_s, vm, dir.path());
        XMS_VERIFY_OK(again.status);
        QCOMPARE(again.result.disks.size(), 2);
        QCOMPARE(again.result.disks[0].format, QStringLiteral("reused"));
        QCOMPARE(again.result.disks[1].format, QStringLiteral("reused"));
    }

    void poweredOnVmIsRefused()
    {
        const VmInfo vm = vspherelab::vm(*m_s, QStringLiteral("lab-debian-uefi"));
        XMS_VERIFY_OK(powerOn(*m_s, vm.moref));
        QTemporaryDir dir;
        const Run run = exportVm(*m_s, vm, dir.path());
        QVERIFY(!run.status);
        QCOMPARE(run.status.error().code, QStringLiteral("vsphere.invalid_power_state"));
        QVERIFY(filesIn(dir.path()).isEmpty());
    }

    void leaseError()
    {
        const VmInfo vm = vspherelab::vm(*m_s, QStringLiteral("lab-lease-error"));
        XMS_VERIFY_OK(powerOff(*m_s, vm.moref));
        QTemporaryDir dir;
        const Run run = exportVm(*m_s, vm, dir.path());
        QVERIFY(!run.status);
        QCOMPARE(run.status.error().code, QStringLiteral("vsphere.lease.error"));
        QVERIFY2(run.status.error().message.contains(u"simulated export failure"),
                 qPrintable(run.status.error().message));
        QVERIFY(filesIn(dir.path()).isEmpty());
    }

    void droppedConnectionWithoutResume()
    {
        const VmInfo vm = vspherelab::vm(*m_s, QStringLiteral("lab-drop-download"));
        XMS_VERIFY_OK(powerOff(*m_s, vm.moref));
        QTemporaryDir dir;
        ExportSession::Options o;
        o.maxResumes = 0;
        const Run run = exportVm(*m_s, vm, dir.path(), o);
        QVERIFY(!run.status);
        QCOMPARE(run.status.error().code, QStringLiteral("transfer.interrupted"));
        QVERIFY(!run.status.error().message.isEmpty());
        QVERIFY2(filesIn(dir.path()).isEmpty(), qPrintable(filesIn(dir.path()).join(u' '))); // no partial file
        const MoRef lease {QStringLiteral("HttpNfcLease"), run.started.value(u"lease").toString()};
        QCOMPARE(leaseState(*m_s, lease), QStringLiteral("error")); // aborted
    }

    void droppedConnectionResumes()
    {
        const VmInfo vm = vspherelab::vm(*m_s, QStringLiteral("lab-drop-download"));
        XMS_VERIFY_OK(powerOff(*m_s, vm.moref));
        QTemporaryDir dir;
        ExportSession::Options o;
        o.maxResumes = 100;
        const Run run = exportVm(*m_s, vm, dir.path(), o);
        XMS_VERIFY_OK(run.status);
        QVERIFY(run.result.disks[0].resumes > 0);
        const QString diff = compareFiles(run.result.disks[0].path, env("XMS_LAB_DATA_DISK_IMG"));
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
        const MoRef lease {QStringLiteral("HttpNfcLease"), run.started.value(u"lease").toString()};
        QCOMPARE(leaseState(*m_s, lease), QStringLiteral("done")); // completed
    }

    void cancelWithinASecond()
    {
        const VmInfo vm = vspherelab::vm(*m_s, QStringLiteral("lab-debian-bios"));
        XMS_VERIFY_OK(powerOff(*m_s, vm.moref));
        QTemporaryDir dir;
        const Run run = exportVm(*m_s, vm, dir.path(), {}, 1 << 20);
        QVERIFY(!run.status);
        QCOMPARE(run.status.error().code, QStringLiteral("export.cancelled"));
        QVERIFY2(run.cancelledAfterMs >= 0 && run.cancelledAfterMs < 1000,
                 qPrintable(QString::number(run.cancelledAfterMs)));
        QVERIFY(filesIn(dir.path()).isEmpty());
        const MoRef lease {QStringLiteral("HttpNfcLease"), run.started.value(u"lease").toString()};
        QCOMPARE(leaseState(*m_s, lease), QStringLiteral("error"));
    }

    void engineExportFromPoweredOn()
    {
        // What the engine's Export stage runs: log in, find by name, power off, export, log out.
        const VmInfo before = vspherelab::vm(*m_s, QStringLiteral("lab-debian-uefi"));
        XMS_VERIFY_OK(powerOn(*m_s, before.moref));
        QTemporaryDir dir;
        VmExport::Options o;
        o.vm = QStringLiteral("lab-debian-uefi");
        o.datacenter = env("XMS_LAB_VC_DATACENTER");
        o.stagingDir = dir.path();
        o.powerOff.pollIntervalMs = 200;
        VmExport ex(options(), o);
        QStringList events;
        QJsonObject poweredOff;
        connect(&ex, &VmExport::jobEvent, this, [&](const QString& name, const Text& message, const QJsonObject& data) {
            QVERIFY(!message.toString().isEmpty());
            if (events.isEmpty() || events.last() != name)
                events << name;
            if (name == u"source.powered_off")
                poweredOff = data;
        });
        QSignalSpy progress(&ex, &VmExport::progress);
        std::optional<Status> done;
        connect(&ex, &VmExport::finished, this, [&](const Status& st) { done = st; });
        ex.start();
        XMS_VERIFY_OK(await(done, 600000));
        QCOMPARE(events,
                 (QStringList {QStringLiteral("source.discovered"), QStringLiteral("source.powering_off"),
                               QStringLiteral("source.powered_off"), QStringLiteral("export.started"),
                               QStringLiteral("export.disk_done")}));
        QCOMPARE(poweredOff.value(u"method").toString(), QStringLiteral("hard"));
        QCOMPARE(poweredOff.value(u"moref").toString(), before.moref.value);
        QVERIFY(progress.count() > 0);
        QCOMPARE(ex.vm().firmware, QStringLiteral("efi"));
        QCOMPARE(ex.result().disks.size(), 1);
        const QString diff = compareFiles(ex.result().disks[0].path, env("XMS_LAB_GUEST_UEFI_IMG"));
        QVERIFY2(diff.isEmpty(), qPrintable(diff));

        VmExport::Options missing = o;
        missing.vm = QStringLiteral("no-such-vm");
        VmExport none(options(), missing);
        done.reset();
        connect(&none, &VmExport::finished, this, [&](const Status& st) { done = st; });
        none.start();
        const Status st = await(done);
        QVERIFY(!st);
        QCOMPARE(st.error().code, QStringLiteral("vsphere.vm.not_found"));
    }

    void sourceDatastoreUnchanged()
    {
        // After discovery, power-offs and exports above: disks, descriptors, .vmx and NVRAM are byte-identical.
        // Only vmware.log differs: the hypervisor (here the simulator) appends to it on every power operation.
        const QMap<QString, QByteArray> after = datastoreHashes();
        QCOMPARE(after.keys(), m_datastoreBefore.keys());
        int compared = 0;
        for (auto it = after.cbegin(); it != after.cend(); ++it) {
            if (it.key().endsWith(u"/vmware.log"))
                continue;
            QVERIFY2(it.value() == m_datastoreBefore.value(it.key()), qPrintable(it.key()));
            ++compared;
        }
        QVERIFY(compared >= 20); // 5 VMs: .vmx, .nvram, and descriptor + flat file per disk
    }

    void cleanupTestCase()
    {
        // Leave the lab VMs as `vcsim up` made them: powered on.
        for (const char* name :
             {"lab-debian-bios", "lab-debian-uefi", "lab-two-disks", "lab-lease-error", "lab-drop-download"})
            (void)powerOn(*m_s, vspherelab::vm(*m_s, QLatin1StringView(name)).moref);
    }
};

QTEST_GUILESS_MAIN(TestVsphereExport)
#include "tst_vsphereexport.moc"
