// The engine-facing Guest Fixes stage: what it reads from and writes to the JobContext, and its events
// (with the stand-in converter data/fake-v2v).
#include "engine/gueststages.h"
#include "engine/jobcontext.h"
#include "guest/guestinfo.h"

#include <QDir>
#include <QFile>
#include <QJsonObject>
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
        QStringList names;
        for (const auto& e : events)
            names.append(e.at(1).toString());
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
