// The engine-facing Guest Fixes stage: what it reads from and writes to the JobContext, and its events
// (with the stand-in converter data/fake-v2v).
#include "engine/gueststages.h"
#include "engine/jobcontext.h"
#include "guest/guestinfo.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace xms;
using namespace Qt::StringLiterals;

namespace {
GuestInfo linuxGuest()
{
    GuestInfo g;
    GuestRoot r;
    r.root = u"/dev/sda1"_s;
    r.osType = u"linux"_s;
    r.distro = u"debian"_s;
    r.osinfo = u"debian12"_s;
    g.roots = {r};
    g.firmware = Firmware::Bios;
    return g;
}

QStringList namesOf(const QSignalSpy& events)
{
    QStringList names;
    for (const auto& e : events)
        names.append(e.at(1).toString());
    return names;
}
} // namespace

class TestGuestStages : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

    void prepare(JobContext& ctx)
    {
        ctx.jobId = u"0123456789abcdef"_s;
        ctx.spec.vm = u"web01"_s;
        ctx.stagingDir = m_dir.filePath(u"job"_s);
        QDir().mkpath(ctx.stagingDir);
        const QString disk = ctx.stagingDir + u"/disk-0.img"_s;
        QFile f(disk);
        QVERIFY(f.open(QIODevice::WriteOnly) && f.resize(1 << 20));
        vsphere::ExportedDisk staged;
        staged.path = disk;
        ctx.exported.disks = {staged};
        ctx.guest = linuxGuest();
        ctx.settings.verifyBoot = u"never"_s; // the stand-in converts nothing that could boot (auto: on with KVM)
    }

    // Inspect starts the conversion as it begins (startAhead): virt-v2v runs while the inspection does,
    // silently, and waits for the inspection's plan; start() then reports it as Guest Fixes' own.
    QString logOf(const JobContext& ctx) const
    {
        QFile f(m_dir.filePath(u"home/logs/"_s + ctx.jobId + u"-guest-fixes.log"));
        return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
    }

    void prepareAhead(JobContext& ctx, const QString& jobId, const QString& vmFirmware)
    {
        prepare(ctx);
        ctx.jobId = jobId; // its own log
        ctx.vm.firmware = vmFirmware; // what the conversion ahead of Inspect goes by
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        qputenv("XMS_HOME", m_dir.filePath(u"home"_s).toUtf8()); // the job's logs go under it
        // The stage runs the real program name; put the stand-in first on PATH under that name.
        const QString bin = m_dir.filePath(u"bin"_s);
        QVERIFY(QDir().mkpath(bin));
        QVERIFY(QFile::link(QFINDTESTDATA("data/fake-v2v"), bin + u"/virt-v2v-in-place"_s));
        qputenv("PATH", (bin + u':' + qEnvironmentVariable("PATH")).toLocal8Bit());
    }

    void fixesUpdateTheJob()
    {
        qputenv("FAKE_V2V_OUTPUT", QFINDTESTDATA("data/v2v-bios.stdout").toLocal8Bit());
        JobContext ctx;
        prepare(ctx);
        GuestFixesStageRunner stage;
        QSignalSpy events(&stage, &StageRunner::event);
        QSignalSpy finished(&stage, &StageRunner::finished);
        stage.start(&ctx);
        QVERIFY(finished.wait(30000));
        QVERIFY(finished.first().first().value<Status>().has_value());
        const QStringList names = namesOf(events);
        QCOMPARE(names.first(), u"guest_fixes.started"_s);
        QCOMPARE(names.last(), u"guest_fixes.completed"_s);
        QVERIFY(names.contains(u"guest_fixes.warning"_s)); // the Grub2 warning
        QVERIFY(names.contains(u"guest_fixes.step"_s));
        QCOMPARE(ctx.imageProperties[u"hw_disk_bus"].toString(), u"virtio"_s);
        QCOMPARE(ctx.imageProperties[u"os_distro"].toString(), u"debian12"_s);
        QCOMPARE(ctx.imageProperties[u"hw_qemu_guest_agent"].toString(), u"yes"_s);
        // virt-v2v's log is with the job's logs, not in staging (which goes when the job ends).
        const QString log = m_dir.filePath(u"home/logs/0123456789abcdef-guest-fixes.log"_s);
        QCOMPARE(events.last().at(3).toJsonObject().value(u"logFile").toString(), log);
        QFile f(log);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(f.readAll().contains("Finishing off"));
        QVERIFY(!QFile::exists(ctx.stagingDir + u"/guest-fixes.log"_s));
        qunsetenv("FAKE_V2V_OUTPUT");
    }

    void failureKeepsTheLog()
    {
        qputenv("FAKE_V2V_OUTPUT", QFINDTESTDATA("data/v2v-noos.stdout").toLocal8Bit());
        qputenv("FAKE_V2V_EXIT", "1");
        JobContext ctx;
        prepare(ctx);
        GuestFixesStageRunner stage;
        QSignalSpy finished(&stage, &StageRunner::finished);
        stage.start(&ctx);
        QVERIFY(finished.wait(30000));
        const auto r = finished.first().first().value<Status>();
        QVERIFY(!r.has_value());
        QCOMPARE(r.error().code, u"guest.no_os"_s);
        QVERIFY2(r.error().detail.contains(m_dir.filePath(u"home/logs/0123456789abcdef-guest-fixes.log"_s)),
                 qPrintable(r.error().detail));
        qunsetenv("FAKE_V2V_OUTPUT");
        qunsetenv("FAKE_V2V_EXIT");
    }

    void conversionRunsAheadOfInspect()
    {
        qputenv("FAKE_V2V_OUTPUT", QFINDTESTDATA("data/v2v-bios.stdout").toLocal8Bit());
        JobContext ctx;
        prepareAhead(ctx, u"ahead000000000001"_s, u"bios"_s);
        GuestFixesStageRunner stage;
        QSignalSpy events(&stage, &StageRunner::event);
        QSignalSpy progress(&stage, &StageRunner::progress);
        QSignalSpy finished(&stage, &StageRunner::finished);
        stage.startAhead(&ctx);
        // virt-v2v ran to its end and the stage waits for the plan, having said nothing yet.
        QVERIFY(QTest::qWaitFor([&] { return logOf(ctx).contains(u"=== waiting for the inspection"); }, 30000));
        QVERIFY(logOf(ctx).contains(u"virt-v2v exited with 0"));
        QTest::qWait(200);
        QCOMPARE(events.size(), 0);
        QCOMPARE(progress.size(), 0);
        QCOMPARE(finished.size(), 0);
        stage.start(&ctx); // Inspect has finished
        QVERIFY(finished.wait(30000));
        QVERIFY(finished.first().first().value<Status>().has_value());
        const QStringList names = namesOf(events);
        QCOMPARE(names.first(), u"guest_fixes.started"_s);
        QVERIFY(names.contains(u"guest_fixes.step"_s)); // the progress kept while ahead
        QCOMPARE(names.last(), u"guest_fixes.completed"_s);
        QCOMPARE(ctx.imageProperties[u"hw_disk_bus"].toString(), u"virtio"_s);
        QCOMPARE(logOf(ctx).count(u"virt-v2v exited with"), 1);
        QVERIFY(!QFileInfo::exists(ctx.stagingDir + u"/guest-fixes"_s)); // the scratch is gone
        qunsetenv("FAKE_V2V_OUTPUT");
    }

    void aheadFailureIsReportedByTheStage()
    {
        qputenv("FAKE_V2V_OUTPUT", QFINDTESTDATA("data/v2v-noos.stdout").toLocal8Bit());
        qputenv("FAKE_V2V_EXIT", "1");
        JobContext ctx;
        prepareAhead(ctx, u"ahead000000000002"_s, u"bios"_s);
        GuestFixesStageRunner stage;
        QSignalSpy finished(&stage, &StageRunner::finished);
        stage.startAhead(&ctx);
        QVERIFY(QTest::qWaitFor([&] { return logOf(ctx).contains(u"=== failed: guest.no_os"); }, 30000));
        QTest::qWait(200);
        QCOMPARE(finished.size(), 0); // Inspect still runs: its outcome comes first
        stage.start(&ctx);
        QVERIFY(finished.wait(5000));
        QCOMPARE(finished.first().first().value<Status>().error().code, u"guest.no_os"_s);
        qunsetenv("FAKE_V2V_OUTPUT");
        qunsetenv("FAKE_V2V_EXIT");
    }

    void failedInspectStopsTheConversionFirst()
    {
        qputenv("FAKE_V2V_HANG", "1");
        JobContext ctx;
        prepareAhead(ctx, u"ahead000000000003"_s, u"bios"_s);
        GuestFixesStageRunner stage;
        QSignalSpy events(&stage, &StageRunner::event);
        QSignalSpy finished(&stage, &StageRunner::finished);
        stage.startAhead(&ctx);
        QVERIFY(QTest::qWaitFor([&] { return logOf(ctx).contains(u"Inspecting the source"); }, 30000));
        bool stopped = false;
        stage.stopAhead([&] { stopped = true; });
        QVERIFY(QTest::qWaitFor([&] { return stopped; }, 30000));
        // By then nothing of the conversion runs: the hanging tree (a child that ignores SIGTERM) is gone.
        QProcess pgrep;
        pgrep.start(u"pgrep"_s, {u"-f"_s, u"sleep 600"_s});
        QVERIFY(pgrep.waitForFinished());
        QVERIFY2(pgrep.readAllStandardOutput().trimmed().isEmpty(), "the converter's processes survived");
        QCOMPARE(finished.size(), 0);
        QCOMPARE(events.size(), 0);
        QVERIFY(!QFileInfo::exists(ctx.stagingDir + u"/guest-fixes"_s));
        qunsetenv("FAKE_V2V_HANG");
    }

    void otherFirmwareConvertsAgain()
    {
        qputenv("FAKE_V2V_OUTPUT", QFINDTESTDATA("data/v2v-bios.stdout").toLocal8Bit());
        JobContext ctx;
        prepareAhead(ctx, u"ahead000000000004"_s,
                     u"efi"_s); // configured UEFI, but the inspection found a BIOS boot disk
        GuestFixesStageRunner stage;
        QSignalSpy events(&stage, &StageRunner::event);
        QSignalSpy finished(&stage, &StageRunner::finished);
        stage.startAhead(&ctx);
        QVERIFY(QTest::qWaitFor([&] { return logOf(ctx).contains(u"=== waiting for the inspection"); }, 30000));
        stage.start(&ctx);
        QVERIFY(finished.wait(30000));
        QVERIFY(finished.first().first().value<Status>().has_value());
        bool again = false;
        for (const auto& e : events)
            again = again || e.at(2).value<Text>().toString().contains(u"Converting again");
        QVERIFY(again);
        QCOMPARE(logOf(ctx).count(u"virt-v2v exited with"), 2);
        qunsetenv("FAKE_V2V_OUTPUT");
    }

    void cancelDuringTheFirmwareRerunEndsCancelled()
    {
        qputenv("FAKE_V2V_HANG", "1"); // the run ahead hangs; stopping it takes the kill grace
        JobContext ctx;
        prepareAhead(ctx, u"ahead000000000005"_s, u"efi"_s);
        GuestFixesStageRunner stage;
        QSignalSpy finished(&stage, &StageRunner::finished);
        stage.startAhead(&ctx);
        QVERIFY(QTest::qWaitFor([&] { return logOf(ctx).contains(u"Inspecting the source"); }, 30000));
        stage.start(&ctx); // BIOS found: the run ahead is being stopped to convert again …
        stage.cancel(); // … when the user cancels
        QVERIFY(finished.wait(30000));
        QCOMPARE(finished.first().first().value<Status>().error().code, u"job.cancelled"_s);
        QTest::qWait(500);
        QCOMPARE(logOf(ctx).count(u" guest fixes of "_s), 1); // one run only
        qunsetenv("FAKE_V2V_HANG");
    }

    void badGuestRecord()
    {
        JobContext ctx;
        prepare(ctx);
        ctx.guest = {};
        GuestFixesStageRunner stage;
        QSignalSpy finished(&stage, &StageRunner::finished);
        stage.start(&ctx);
        QVERIFY(finished.wait(5000));
        QCOMPARE(finished.first().first().value<Status>().error().code, u"guest.bad_record"_s);
    }
};

QTEST_GUILESS_MAIN(TestGuestStages)
#include "tst_gueststages.moc"
