// BootVerifier against a stand-in QEMU (data/fake-qemu) that plays the guest on each NIC's wire: what
// proves a NIC (its DHCP request, its ARP answer for the kept address), what fails (a guest whose network
// never answers, QEMU failing), the evidence kept, and that the disk it boots is never written.
#include "guest/bootverifier.h"
#include "guest/ethframes.h"
#include "testutil.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace xms;
using namespace Qt::StringLiterals;

class TestBootVerifier : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_disk;

    BootVerifyRequest request() const
    {
        BootVerifyRequest r;
        r.disks = {m_disk};
        r.nics = {{u"Network adapter 1"_s, u"fa:16:3e:01:02:03"_s, {}}};
        r.workDir = m_dir.filePath(u"boot"_s);
        r.keepDir = m_dir.filePath(u"evidence"_s);
        r.qemu = QFINDTESTDATA("data/fake-qemu");
        r.kvm = false;
        r.deadlineMs = 20000;
        r.afterLoginMs = 3000;
        return r;
    }

    Result<BootVerifyResult> run(const BootVerifyRequest& r)
    {
        BootVerifier v(r);
        QSignalSpy finished(&v, &BootVerifier::finished);
        v.start();
        if (!finished.wait(30000))
            return fail(u"test.timeout"_s, u"no finished()"_s);
        return finished.first().first().value<Result<BootVerifyResult>>();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_disk = m_dir.filePath(u"disk.raw"_s);
        QFile f(m_disk);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QVERIFY(f.resize(64 << 20));
        f.write("boot sector");
    }
    void cleanup()
    {
        for (const char* v : {"FAKE_QEMU_MODE", "FAKE_QEMU_IP", "FAKE_QEMU_ARGS"})
            qunsetenv(v);
        QDir(m_dir.filePath(u"evidence"_s)).removeRecursively();
    }

    void framesRoundTrip()
    {
        const QByteArray mac = eth::macBytes(u"fa:16:3e:01:02:03"_s);
        QCOMPARE(eth::macText(mac), u"fa:16:3e:01:02:03"_s);
        QVERIFY(eth::macBytes(u"fa:16:3e:01:02"_s).isEmpty());
        const QByteArray req = eth::arpRequest(mac, 0, eth::ipv4(u"10.10.0.200/24"_s));
        QCOMPARE(req.size(), 60);
        const eth::Frame f = eth::classify(req);
        QCOMPARE(f.kind, eth::Frame::Kind::Arp);
        QVERIFY(!f.arpReply);
        QCOMPARE(f.source, u"fa:16:3e:01:02:03"_s);
        QCOMPARE(eth::classify(QByteArray(10, 'x')).kind, eth::Frame::Kind::Other);
    }

    void dhcpRequestProvesTheNic()
    {
        const QByteArray before = xms::test::sha256OfFile(m_disk);
        const QString argsFile = m_dir.filePath(u"args"_s);
        qputenv("FAKE_QEMU_ARGS", argsFile.toLocal8Bit());
        qputenv("FAKE_QEMU_MODE", "dhcp");
        const auto r = run(request());
        XMS_VERIFY_OK(r);
        QCOMPARE(r->seen.size(), 1);
        QVERIFY2(r->seen.first().contains(u"DHCP"), qPrintable(r->seen.first()));
        QVERIFY(!r->kvm);
        QFile a(argsFile);
        QVERIFY(a.open(QIODevice::ReadOnly));
        const QString args = QString::fromUtf8(a.readAll());
        QVERIFY2(args.contains(u"virtio-net-pci,netdev=n0,mac=fa:16:3e:01:02:03"), qPrintable(args));
        QVERIFY2(args.contains(u"if=virtio,format=qcow2"), qPrintable(args)); // an overlay, on virtio
        QVERIFY2(!args.contains(m_disk), qPrintable(args)); // never the image itself
        QVERIFY2(args.contains(u"-accel\ntcg"), qPrintable(args));
        QVERIFY(!QFileInfo::exists(request().workDir)); // overlays and sockets removed
        QCOMPARE(xms::test::sha256OfFile(m_disk), before);
    }

    void keptIpAnswersArp()
    {
        qputenv("FAKE_QEMU_MODE", "arp");
        qputenv("FAKE_QEMU_IP", "10.10.0.200");
        BootVerifyRequest r = request();
        r.nics = {{u"Network adapter 1"_s, u"00:50:56:3a:05:00"_s, u"10.10.0.200"_s},
                  {u"Network adapter 2"_s, u"fa:16:3e:0a:0b:0c"_s, u"10.10.0.200"_s}};
        const auto out = run(r);
        XMS_VERIFY_OK(out);
        QCOMPARE(out->seen.size(), 2);
        QVERIFY2(out->seen[0].contains(u"ARP answer for 10.10.0.200"), qPrintable(out->seen[0]));
        QVERIFY2(out->seen[1].startsWith(u"Network adapter 2 (fa:16:3e:0a:0b:0c)"), qPrintable(out->seen[1]));
    }

    void networkThatNeverAnswersFailsAfterTheLogin()
    {
        qputenv("FAKE_QEMU_MODE", "wrongip");
        BootVerifyRequest req = request();
        req.nics.first().expectIp = u"10.10.0.200"_s;
        const auto r = run(req);
        QVERIFY(!r);
        QCOMPARE(r.error().code, u"guest.boot_failed"_s);
        const QString m = r.error().message;
        QVERIFY2(m.contains(u"offered a login"), qPrintable(m));
        QVERIFY2(m.contains(u"Network adapter 1 (MAC fa:16:3e:01:02:03) never sent a DHCP request or an answer for "
                            u"10.10.0.200"),
                 qPrintable(m));
        QVERIFY2(m.contains(u"an ARP request from 192.0.2.9"), qPrintable(m)); // what it did say
        QVERIFY2(m.contains(u"Nothing was created in Xloud"), qPrintable(m));
        QVERIFY2(r.error().detail.contains(u"login:"), qPrintable(r.error().detail)); // the console's tail
        QFile console(m_dir.filePath(u"evidence/console.log"_s));
        QVERIFY(console.open(QIODevice::ReadOnly));
        QVERIFY(console.readAll().contains("lab-debian-static login:"));
        QFile shot(m_dir.filePath(u"evidence/screen.ppm"_s));
        QVERIFY(shot.open(QIODevice::ReadOnly));
        QVERIFY(shot.readAll().startsWith("P6"));
        QVERIFY(!QFileInfo::exists(req.workDir));
    }

    void qemuFailingIsAClearError()
    {
        qputenv("FAKE_QEMU_MODE", "exit");
        const auto r = run(request());
        QVERIFY(!r);
        QCOMPARE(r.error().code, u"guest.boot_failed"_s);
        QVERIFY2(r.error().message.contains(u"Could not open disk"), qPrintable(r.error().message));
    }

    void missingQemu()
    {
        BootVerifyRequest req = request();
        req.qemu = u"/nonexistent/qemu-system-x86_64"_s;
        const auto r = run(req);
        QVERIFY(!r);
        QCOMPARE(r.error().code, u"guest.boot_unavailable"_s);
        QVERIFY2(r.error().message.contains(u"boot verification to never"), qPrintable(r.error().message));
    }

    void cancelStopsQemu()
    {
        qputenv("FAKE_QEMU_MODE", "silent");
        BootVerifier v(request());
        QSignalSpy finished(&v, &BootVerifier::finished);
        v.start();
        QTest::qWait(500);
        v.cancel();
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.first().first().value<Result<BootVerifyResult>>().error().code, u"job.cancelled"_s);
        QVERIFY(!QFileInfo::exists(request().workDir));
    }
};

QTEST_GUILESS_MAIN(TestBootVerifier)
#include "tst_bootverifier.moc"
