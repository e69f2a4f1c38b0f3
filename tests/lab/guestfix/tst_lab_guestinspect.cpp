// Inspect on the lab's real Debian 12 guests (read-only, the cached images themselves): what it reports for
// the BIOS/MBR and the UEFI/GPT+ESP guest, the clear error on a disk without an OS, and cancel.
#include "guest/inspectstage.h"
#include "guest/processtree.h"
#include "labguest.h"
#include "testutil.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>
#include <unistd.h>

using namespace xms;
using namespace Qt::StringLiterals;

namespace {
Result<GuestInfo> runInspect(const InspectRequest& request, QList<int>* percents = nullptr, qint64* ms = nullptr)
{
    InspectStage stage(request);
    QSignalSpy progress(&stage, &InspectStage::progress);
    QSignalSpy finished(&stage, &InspectStage::finished);
    QElapsedTimer clock;
    clock.start();
    stage.start();
    if (!finished.wait(900000))
        return fail(u"test.timeout"_s, u"Inspect did not finish within 15 minutes"_s);
    if (ms)
        *ms = clock.elapsed();
    if (percents) {
        for (const auto& p : progress)
            percents->append(p.first().toInt());
    }
    return finished.first().first().value<Result<GuestInfo>>();
}

QList<pid_t> applianceChildren()
{
    QList<pid_t> out;
    for (pid_t pid : proc::childrenOf(getpid())) {
        if (proc::commandLine(pid).contains("qemu-system"))
            out.append(pid);
    }
    return out;
}
} // namespace

class TestLabGuestInspect : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { labguest::useLabLibguestfs(); }

    void inspect_data()
    {
        QTest::addColumn<QString>("image");
        QTest::addColumn<Firmware>("vmFirmware");
        QTest::addColumn<Firmware>("expected");
        QTest::addColumn<QString>("table");
        // BIOS: the VM's setting is left unknown, so the decision comes from the layout alone.
        QTest::newRow("bios") << QString::fromLocal8Bit(test::requireEnv("XMS_LAB_GUEST_BIOS_IMG")) << Firmware::Unknown
                              << Firmware::Bios << u"msdos"_s;
        // UEFI: the VM says EFI and the GPT has an ESP: they agree, no warning.
        QTest::newRow("uefi") << QString::fromLocal8Bit(test::requireEnv("XMS_LAB_GUEST_UEFI_IMG")) << Firmware::Uefi
                              << Firmware::Uefi << u"gpt"_s;
    }
    void inspect()
    {
        QFETCH(QString, image);
        QFETCH(Firmware, vmFirmware);
        QFETCH(Firmware, expected);
        QFETCH(QString, table);
        const QFileInfo before(image);
        QVERIFY2(before.exists(), qPrintable(image + u" is missing: run tests/lab/guest/guest up"_s));

        InspectRequest req;
        req.disks = {image};
        req.vmFirmware = vmFirmware;
        QList<int> percents;
        qint64 ms = 0;
        const auto r = runInspect(req, &percents, &ms);
        XMS_VERIFY_OK(r);
        qInfo("inspect %s: %lld ms — %s", QTest::currentDataTag(), ms, qPrintable(r->summary()));
        qInfo("%s", QJsonDocument(r->toJson()).toJson(QJsonDocument::Compact).constData());

        QCOMPARE(r->roots.size(), 1);
        const GuestRoot& root = r->roots.first();
        QCOMPARE(root.osType, u"linux"_s);
        QCOMPARE(root.distro, u"debian"_s);
        QCOMPARE(root.majorVersion, 12);
        QCOMPARE(root.osinfo, u"debian12"_s);
        QVERIFY2(root.displayName().startsWith(u"Debian 12."), qPrintable(root.displayName()));
        QCOMPARE(root.arch, u"x86_64"_s);
        QCOMPARE(root.packageFormat, u"deb"_s);
        QCOMPARE(root.packageManagement, u"apt"_s);
        QVERIFY(!root.hostname.isEmpty());
        QVERIFY(root.applicationCount > 50);
        QVERIFY2(root.hasVmwareTools(), "open-vm-tools is installed in the lab guests");

        QCOMPARE(r->firmware, expected);
        QCOMPARE(r->layoutFirmware, expected);
        QVERIFY2(r->warnings.isEmpty(), qPrintable(r->warnings.join(u"; ")));
        QCOMPARE(r->disks.size(), 1);
        QCOMPARE(r->disks.first().partitionTable, table);

        // The root file system: ext4, mounted at /, measured.
        const QString rootDev = root.mountpoints.value(u"/"_s);
        QVERIFY(!rootDev.isEmpty());
        bool foundRoot = false;
        for (const auto& f : r->filesystems) {
            if (f.device != rootDev)
                continue;
            foundRoot = true;
            QCOMPARE(f.type, u"ext4"_s);
            QCOMPARE(f.mountpoint, u"/"_s);
            QVERIFY(f.used > 100ll << 20 && f.size > f.used);
        }
        QVERIFY(foundRoot);
        if (expected == Firmware::Uefi) {
            bool esp = false;
            for (const auto& p : r->disks.first().partitions)
                esp = esp || (p.esp && p.gptType == kEspGptType);
            QVERIFY(esp);
            QVERIFY(root.mountpoints.contains(u"/boot/efi"_s));
        }

        QVERIFY(percents.size() >= 4);
        QCOMPARE(percents.last(), 100);
        const auto back = GuestInfo::fromJson(r->toJson());
        QVERIFY(back.has_value() && *back == *r);
        // Read-only: the cached image is as it was.
        const QFileInfo after(image);
        QCOMPARE(after.lastModified(), before.lastModified());
        QCOMPARE(after.size(), before.size());
    }

    void noOperatingSystem()
    {
        InspectRequest req;
        req.disks = {QString::fromLocal8Bit(test::requireEnv("XMS_LAB_DATA_DISK_IMG"))};
        const auto r = runInspect(req);
        QVERIFY(!r.has_value());
        QCOMPARE(r.error().code, u"guest.no_os"_s);
        QVERIFY(r.error().message.contains(u"No operating system"));
    }

    void cancelKillsTheAppliance()
    {
        InspectRequest req;
        req.disks = {QString::fromLocal8Bit(test::requireEnv("XMS_LAB_GUEST_BIOS_IMG"))};
        InspectStage stage(req);
        QSignalSpy finished(&stage, &InspectStage::finished);
        stage.start();
        QTRY_VERIFY_WITH_TIMEOUT(!applianceChildren().isEmpty(), 120000);
        const QList<pid_t> qemu = applianceChildren();
        QTest::qWait(2000); // well inside the launch
        QElapsedTimer clock;
        clock.start();
        stage.cancel();
        QVERIFY(finished.wait(30000));
        qInfo("inspect cancel took %lld ms", clock.elapsed());
        QVERIFY2(clock.elapsed() < 10000, QByteArray::number(clock.elapsed()).constData());
        const auto r = finished.first().first().value<Result<GuestInfo>>();
        QVERIFY(!r.has_value());
        QCOMPARE(r.error().code, u"job.cancelled"_s);
        for (pid_t pid : qemu)
            QVERIFY(!proc::isAlive(pid));
    }

    // The watchdog on a real appliance: a launch limit far below what booting takes stands in for an
    // appliance that hangs. It is killed, started once more, killed again, and the error says why.
    void stalledApplianceIsRestartedOnceThenReported()
    {
        InspectRequest req;
        req.disks = {QString::fromLocal8Bit(test::requireEnv("XMS_LAB_DATA_DISK_IMG"))};
        req.launchTimeout = std::chrono::milliseconds(1500);
        InspectStage stage(req);
        QStringList messages;
        connect(&stage, &InspectStage::progress, this, [&](int, const QString& m) { messages.append(m); });
        QSignalSpy finished(&stage, &InspectStage::finished);
        QElapsedTimer clock;
        clock.start();
        stage.start();
        QVERIFY(finished.wait(120000));
        const qint64 ms = clock.elapsed();
        qInfo("two stalled launches reported after %lld ms", ms);
        const auto r = finished.first().first().value<Result<GuestInfo>>();
        QVERIFY(!r.has_value());
        QCOMPARE(r.error().code, u"guest.appliance_stalled"_s);
        QVERIFY2(r.error().message.contains(u"did not start within 1 min, twice"), qPrintable(r.error().message));
        QVERIFY(r.error().message.contains(u"run fewer migrations at once or enable KVM"));
        QCOMPARE(messages.count(u"The inspection appliance stopped responding; starting it again"_s), 1);
        QVERIFY(ms >= 3000); // two limits passed
        QTRY_VERIFY_WITH_TIMEOUT(applianceChildren().isEmpty(), 10000);
    }
};

QTEST_GUILESS_MAIN(TestLabGuestInspect)
#include "tst_lab_guestinspect.moc"
