// GuestFixesStage with a stand-in converter (data/fake-v2v): the real qemu-img overlays and commits, the
// canned output, the error mapping, the log, and cancel killing a process tree that ignores SIGTERM.
#include "guest/guestfixesstage.h"
#include "guest/processtree.h"
#include "testutil.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <memory>
#include <signal.h>

using namespace xms;
using namespace Qt::StringLiterals;

namespace {
QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}
bool writeFile(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}
} // namespace

class TestGuestFixesStage : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_disk;

    GuestFixesRequest request() const
    {
        GuestFixesRequest r;
        r.disks = {m_disk};
        r.firmware = Firmware::Bios;
        r.osType = u"linux"_s;
        r.vmName = u"lab-bios"_s;
        r.workDir = m_dir.filePath(u"job/guest-fixes"_s);
        r.logFile = m_dir.filePath(u"job/guest-fixes.log"_s);
        r.program = QFINDTESTDATA("data/fake-v2v");
        r.killGraceMs = 1500;
        return r;
    }

    static void clearFakeEnv()
    {
        for (const char* v : {"FAKE_V2V_OUTPUT", "FAKE_V2V_STDERR", "FAKE_V2V_EXIT", "FAKE_V2V_WRITE", "FAKE_V2V_HANG",
                              "FAKE_V2V_STALLS"})
            qunsetenv(v);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(QDir().mkpath(m_dir.filePath(u"job"_s)));
    }

    void init()
    {
        clearFakeEnv();
        m_disk = m_dir.filePath(u"job/disk-0.img"_s);
        QFile::remove(m_disk);
        QFile f(m_disk);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QVERIFY(f.resize(4 << 20)); // 4 MiB, sparse
        f.close();
        QFile::remove(m_dir.filePath(u"job/guest-fixes.log"_s));
    }

    void successCommitsIntoTheStagingImage()
    {
        qputenv("FAKE_V2V_OUTPUT", QFINDTESTDATA("data/v2v-bios.stdout").toLocal8Bit());
        qputenv("FAKE_V2V_WRITE", "1");
        const QByteArray before = xms::test::sha256OfFile(m_disk);
        GuestFixesStage stage(request());
        QSignalSpy progress(&stage, &GuestFixesStage::progress);
        QSignalSpy finished(&stage, &GuestFixesStage::finished);
        stage.start();
        QVERIFY(finished.wait(30000));
        const auto result = finished.first().first().value<Result<GuestFixesResult>>();
        XMS_VERIFY_OK(result);
        QVERIFY(result->guestAgentAtFirstBoot);
        QVERIFY(result->warnings.contains(u"could not determine a way to update the configuration of Grub2"_s));
        QCOMPARE(result->logFile, m_dir.filePath(u"job/guest-fixes.log"_s));

        // What the converter wrote into its overlay is now in the staging image: 64 KiB of 0xab at 1 MiB.
        QVERIFY(xms::test::sha256OfFile(m_disk) != before);
        QFile img(m_disk);
        QVERIFY(img.open(QIODevice::ReadOnly));
        QVERIFY(img.seek(1 << 20));
        QCOMPARE(img.read(65536), QByteArray(65536, '\xab'));

        QVERIFY(!QFileInfo::exists(m_dir.filePath(u"job/guest-fixes"_s))); // scratch removed
        QVERIFY(readAll(result->logFile).contains("Finishing off")); // the whole output is kept
        QVERIFY(progress.size() >= 5);
        int last = 0;
        for (const auto& p : progress) {
            QVERIFY(p.first().toInt() >= last);
            last = p.first().toInt();
        }
        QCOMPARE(last, 100);
    }

    void failureLeavesTheImageUntouched()
    {
        qputenv("FAKE_V2V_OUTPUT", QFINDTESTDATA("data/v2v-noos.stdout").toLocal8Bit());
        qputenv("FAKE_V2V_STDERR", QFINDTESTDATA("data/v2v-noos.stderr").toLocal8Bit());
        qputenv("FAKE_V2V_EXIT", "1");
        qputenv("FAKE_V2V_WRITE", "1"); // it did write before failing: none of it may reach the image
        const QByteArray before = xms::test::sha256OfFile(m_disk);
        GuestFixesStage stage(request());
        QSignalSpy finished(&stage, &GuestFixesStage::finished);
        stage.start();
        QVERIFY(finished.wait(30000));
        const auto result = finished.first().first().value<Result<GuestFixesResult>>();
        QVERIFY(!result.has_value());
        QCOMPARE(result.error().code, u"guest.no_os"_s);
        QVERIFY(result.error().detail.contains(m_dir.filePath(u"job/guest-fixes.log"_s)));
        QVERIFY(result.error().detail.contains(u"No root device found"_s)); // the log's tail, for "Details"
        QCOMPARE(xms::test::sha256OfFile(m_disk), before);
        QVERIFY(!QFileInfo::exists(m_dir.filePath(u"job/guest-fixes"_s)));
        QVERIFY(readAll(m_dir.filePath(u"job/guest-fixes.log"_s)).contains("inspection could not detect"));
    }

    void cancelKillsTheWholeTree()
    {
        qputenv("FAKE_V2V_HANG", "1");
        qputenv("FAKE_V2V_WRITE", "1");
        const QByteArray before = xms::test::sha256OfFile(m_disk);
        GuestFixesStage stage(request());
        QSignalSpy progress(&stage, &GuestFixesStage::progress);
        QSignalSpy finished(&stage, &GuestFixesStage::finished);
        stage.start();
        // Wait until the converter's tree is up: the converter, a TERM-ignoring child, grandchildren.
        QTRY_VERIFY_WITH_TIMEOUT(
            stage.converterPid() > 0 && proc::descendantsOf(pid_t(stage.converterPid())).size() >= 3, 20000);
        const QList<pid_t> tree = proc::withEnvironmentEntry(stage.runMarker());
        QVERIFY2(tree.size() >= 4, QByteArray::number(tree.size()).constData());

        QElapsedTimer clock;
        clock.start();
        stage.cancel();
        QVERIFY(finished.wait(10000));
        const qint64 ms = clock.elapsed();
        qInfo("cancel took %lld ms for %lld processes", ms, qint64(tree.size()));
        QVERIFY2(ms < 6000, QByteArray::number(ms).constData());
        const auto result = finished.first().first().value<Result<GuestFixesResult>>();
        QVERIFY(!result.has_value());
        QCOMPARE(result.error().code, u"job.cancelled"_s);
        for (pid_t pid : tree)
            QVERIFY2(!proc::isAlive(pid),
                     QByteArray(QByteArray::number(pid) + " survived: " + proc::commandLine(pid)).constData());
        QVERIFY(proc::withEnvironmentEntry(stage.runMarker()).isEmpty());
        QVERIFY(!QFileInfo::exists(m_dir.filePath(u"job/guest-fixes"_s))); // partial output removed
        QCOMPARE(xms::test::sha256OfFile(m_disk), before);
    }

    // A converter that goes quiet (its appliance hung) is stopped like a cancel, with its own error.
    void silentConverterIsStopped()
    {
        qputenv("FAKE_V2V_HANG", "1");
        qputenv("FAKE_V2V_WRITE", "1");
        const QByteArray before = xms::test::sha256OfFile(m_disk);
        GuestFixesRequest r = request();
        r.silenceLimitMs = 1000;
        GuestFixesStage stage(r);
        QSignalSpy finished(&stage, &GuestFixesStage::finished);
        stage.start();
        QTRY_VERIFY_WITH_TIMEOUT(stage.converterPid() > 0, 20000);
        const QByteArray marker = stage.runMarker();
        QVERIFY(finished.wait(20000));
        const auto result = finished.first().first().value<Result<GuestFixesResult>>();
        QVERIFY(!result.has_value());
        QCOMPARE(result.error().code, u"guest.converter_stalled"_s);
        QVERIFY2(result.error().message.contains(u"virt-v2v printed nothing for 1 min and was stopped"),
                 qPrintable(result.error().message));
        QCOMPARE(result.error().detail, r.logFile);
        QVERIFY(proc::withEnvironmentEntry(marker).isEmpty());
        QVERIFY(!QFileInfo::exists(m_dir.filePath(u"job/guest-fixes"_s)));
        QCOMPARE(xms::test::sha256OfFile(m_disk), before);
        QFile log(r.logFile);
        QVERIFY(log.open(QIODevice::ReadOnly));
        QVERIFY(log.readAll().contains("virt-v2v printed nothing for 1 s: stopping it"));
    }

    // virt-v2v whose appliance never starts (stuck in "Opening the source") is stopped and run once more.
    void stalledLaunchIsRestartedOnce()
    {
        const QString stalls = m_dir.filePath(u"stalls"_s);
        QVERIFY(writeFile(stalls, "1\n"));
        qputenv("FAKE_V2V_STALLS", stalls.toLocal8Bit());
        qputenv("FAKE_V2V_OUTPUT", QFINDTESTDATA("data/v2v-bios.stdout").toLocal8Bit());
        qputenv("FAKE_V2V_WRITE", "1");
        GuestFixesRequest r = request();
        r.launchLimitMs = 1000;
        GuestFixesStage stage(r);
        QStringList messages;
        connect(&stage, &GuestFixesStage::progress, this, [&](int, const QString& m) { messages.append(m); });
        QSignalSpy finished(&stage, &GuestFixesStage::finished);
        stage.start();
        QVERIFY(finished.wait(30000));
        const auto result = finished.first().first().value<Result<GuestFixesResult>>();
        XMS_VERIFY_OK(result);
        QCOMPARE(readAll(stalls).trimmed(), QByteArray("0"));
        QCOMPARE(messages.count(u"virt-v2v's appliance did not start within 1 min; starting virt-v2v again"_s), 1);
        const QByteArray log = readAll(r.logFile);
        QVERIFY2(log.contains("=== virt-v2v did not start its appliance within 1 s: stopping it"), log.constData());
        QVERIFY(log.contains("=== starting virt-v2v again"));
        QVERIFY(log.contains("Finishing off"));
        QVERIFY(proc::withEnvironmentEntry(stage.runMarker()).isEmpty());
        QFile img(m_disk);
        QVERIFY(img.open(QIODevice::ReadOnly));
        QVERIFY(img.seek(1 << 20));
        QCOMPARE(img.read(65536), QByteArray(65536, '\xab'));
    }

    void stalledLaunchTwiceFails()
    {
        const QString stalls = m_dir.filePath(u"stalls"_s);
        QVERIFY(writeFile(stalls, "2\n"));
        qputenv("FAKE_V2V_STALLS", stalls.toLocal8Bit());
        qputenv("FAKE_V2V_WRITE", "1");
        const QByteArray before = xms::test::sha256OfFile(m_disk);
        GuestFixesRequest r = request();
        r.launchLimitMs = 1000;
        GuestFixesStage stage(r);
        QSignalSpy finished(&stage, &GuestFixesStage::finished);
        stage.start();
        QVERIFY(finished.wait(30000));
        const auto result = finished.first().first().value<Result<GuestFixesResult>>();
        QVERIFY(!result.has_value());
        QCOMPARE(result.error().code, u"guest.converter_stalled"_s);
        QVERIFY2(result.error().message.contains(u"virt-v2v's appliance did not start within 1 min, twice"),
                 qPrintable(result.error().message));
        QCOMPARE(readAll(stalls).trimmed(), QByteArray("0"));
        QVERIFY(proc::withEnvironmentEntry(stage.runMarker()).isEmpty());
        QVERIFY(!QFileInfo::exists(m_dir.filePath(u"job/guest-fixes"_s)));
        QCOMPARE(xms::test::sha256OfFile(m_disk), before);
    }

    // A crashed earlier attempt of the same job left its converter running: the next attempt ends it
    // first. Attempt 1 is a real stage whose converter hangs and is abandoned (its process lives on, as
    // when the worker is killed), so the test proves the converter really carries the work-dir marker.
    void earlierAttemptIsCleanedUp()
    {
        const GuestFixesRequest r = request();
        const QByteArray marker = "XMS_GUEST_FIXES_WORKDIR=" + QDir(r.workDir).absolutePath().toUtf8();
        qputenv("FAKE_V2V_HANG", "1");
        auto first = std::make_unique<GuestFixesStage>(r);
        QSignalSpy firstFinished(first.get(), &GuestFixesStage::finished);
        first->start();
        // Generous: qemu-img and the fake converter start slowly on a CI host busy with TCG guests.
        QTRY_VERIFY_WITH_TIMEOUT(!proc::withEnvironmentEntry(marker).isEmpty() || !firstFinished.isEmpty(), 60000);
        if (!firstFinished.isEmpty()) {
            const auto early = firstFinished.first().first().value<Result<GuestFixesResult>>();
            QFAIL(qPrintable(u"attempt 1 ended instead of hanging: "_s
                             + (early ? u"success"_s : early.error().code + u' ' + early.error().message)));
        }
        const QList<pid_t> leftovers = proc::withEnvironmentEntry(marker);
        for (QProcess* p : first->findChildren<QProcess*>())
            p->disconnect(); // abandoned: attempt 1 no longer hears of its converter, as after a crash
        qunsetenv("FAKE_V2V_HANG");

        qputenv("FAKE_V2V_OUTPUT", QFINDTESTDATA("data/v2v-bios.stdout").toLocal8Bit());
        GuestFixesStage stage(r);
        QSignalSpy finished(&stage, &GuestFixesStage::finished);
        stage.start();
        QVERIFY(finished.wait(30000));
        XMS_VERIFY_OK(finished.first().first().value<Result<GuestFixesResult>>());
        for (pid_t pid : leftovers) // killed by the new attempt's preparation
            QTRY_VERIFY_WITH_TIMEOUT(::kill(pid, 0) != 0, 5000);
    }

    void windowsWithoutDriversIsRefused()
    {
        qunsetenv("VIRTIO_WIN");
        GuestFixesRequest r = request();
        r.osType = u"windows"_s;
        GuestFixesStage stage(r);
        QSignalSpy finished(&stage, &GuestFixesStage::finished);
        stage.start();
        QVERIFY(finished.isEmpty()); // always asynchronous
        QVERIFY(finished.wait(5000));
        const auto result = finished.first().first().value<Result<GuestFixesResult>>();
        QCOMPARE(result.error().code, u"guest.virtio_win_missing"_s);
    }

    void missingConverter()
    {
        GuestFixesRequest r = request();
        r.program = u"/nonexistent/virt-v2v-in-place"_s;
        GuestFixesStage stage(r);
        QSignalSpy finished(&stage, &GuestFixesStage::finished);
        stage.start();
        QVERIFY(finished.wait(5000));
        const auto result = finished.first().first().value<Result<GuestFixesResult>>();
        QCOMPARE(result.error().code, u"guest.v2v_missing"_s);
        QVERIFY(result.error().message.contains(u"apt-get install virt-v2v"_s));
    }
};

QTEST_GUILESS_MAIN(TestGuestFixesStage)
#include "tst_guestfixesstage.moc"
