#include "guest/v2voutput.h"

#include <QFile>
#include <QTest>

using namespace xms;
using namespace Qt::StringLiterals;

namespace {
QByteArray readData(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read test data %s", qPrintable(path));
    return f.readAll();
}

QByteArray json(const char* type, const char* message)
{
    return QByteArray("{ \"message\": \"") + message
        + "\", \"timestamp\": \"2026-11-25T21:01:10.5+00:00\", \"type\": \"" + type + "\" }";
}
} // namespace

class TestV2vOutput : public QObject
{
    Q_OBJECT
private slots:
    void parse_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("done");
        QTest::addColumn<qint64>("total");
        using K = V2vLine::Kind;
        QTest::newRow("message") << json("message", "Opening the source") << int(K::Message) << u"Opening the source"_s
                                 << qint64(0) << qint64(0);
        QTest::newRow("warning") << json("warning", "could not determine a way to update the configuration of Grub2")
                                 << int(K::Warning)
                                 << u"could not determine a way to update the configuration of Grub2"_s << qint64(0)
                                 << qint64(0);
        QTest::newRow("info") << json("info", "The QEMU Guest Agent will be installed for this guest at first boot.")
                              << int(K::Info)
                              << u"The QEMU Guest Agent will be installed for this guest at first boot."_s << qint64(0)
                              << qint64(0);
        QTest::newRow("error with newline")
            << json("error", "inspection could not detect the source guest.\\n\\nNo root") << int(K::Error)
            << u"inspection could not detect the source guest.\n\nNo root"_s << qint64(0) << qint64(0);
        QTest::newRow("progress") << QByteArray("37/100\n") << int(K::Progress) << QString() << qint64(37)
                                  << qint64(100);
        QTest::newRow("human line") << QByteArray("[  27.5] Inspecting the source") << int(K::Text)
                                    << u"[  27.5] Inspecting the source"_s << qint64(0) << qint64(0);
        QTest::newRow("broken json") << QByteArray("{ \"message\": ") << int(K::Text) << u"{ \"message\":"_s
                                     << qint64(0) << qint64(0);
    }
    void parse()
    {
        QFETCH(QByteArray, line);
        QFETCH(int, kind);
        QFETCH(QString, text);
        QFETCH(qint64, done);
        QFETCH(qint64, total);
        const V2vLine l = parseV2vLine(line);
        QCOMPARE(int(l.kind), kind);
        QCOMPARE(l.text, text);
        QCOMPARE(l.done, done);
        QCOMPARE(l.total, total);
    }

    // The real output of virt-v2v-in-place 2.2 converting the lab's BIOS guest.
    void progressOfRealConversion()
    {
        V2vProgress p;
        int last = 0;
        int changes = 0;
        for (const QByteArray& line : readData(QFINDTESTDATA("data/v2v-bios.stdout")).split('\n')) {
            if (p.feed(parseV2vLine(line)))
                ++changes;
            QVERIFY2(p.percent() >= last, "progress went backwards");
            last = p.percent();
        }
        QVERIFY(changes >= 5);
        QCOMPARE(p.percent(), 95); // "Finishing off"; the stage's commit fills the rest
        QCOMPARE(p.message(), u"Finishing off"_s);
        QVERIFY(p.warnings().contains(u"could not determine a way to update the configuration of Grub2"_s));
        QVERIFY(p.guestAgentAtFirstBoot());
        QVERIFY(p.errors().isEmpty());
    }

    void progressBarsWithinPhase()
    {
        V2vProgress p;
        p.feed(parseV2vLine(json("message", "Converting Debian GNU/Linux 12 to run on KVM")));
        const int start = p.percent();
        QCOMPARE(start, V2vProgress::phaseStart(u"Converting"_s));
        QVERIFY(p.feed(parseV2vLine("50/100")));
        const int half = p.percent();
        QVERIFY(half > start);
        QVERIFY(half < V2vProgress::phaseStart(u"Mapping filesystem data to avoid copying unused and blank areas"_s));
        QVERIFY(!p.feed(parseV2vLine("10/100"))); // never backwards
        QCOMPARE(p.percent(), half);
        p.feed(parseV2vLine("100/100"));
        QCOMPARE(p.percent(),
                 V2vProgress::phaseStart(u"Mapping filesystem data to avoid copying unused and blank areas"_s));
        QCOMPARE(V2vProgress::phaseStart(u"Something else"_s), -1);
    }

    void failures_data()
    {
        QTest::addColumn<QStringList>("errors");
        QTest::addColumn<QString>("log");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("inMessage");
        const QString noos = QString::fromUtf8(readData(QFINDTESTDATA("data/v2v-noos.stdout"))
                                               + readData(QFINDTESTDATA("data/v2v-noos.stderr")));
        QTest::newRow("no os (real)") << QStringList {} << noos << u"guest.no_os"_s << u"boot disk"_s;
        QTest::newRow("hibernated")
            << QStringList {u"unable to mount the disk image for writing. This has probably happened because Windows "
                            "Hibernation or Fast Restart is being used in this guest. You have to disable this (in the "
                            "guest) in order to use virt-v2v."_s}
            << QString() << u"guest.windows_hibernated"_s << u"Fast Startup"_s;
        QTest::newRow("ntfs unsafe") << QStringList {}
                                     << u"The NTFS partition is in an unsafe state. Please resume and "
                                        "shutdown Windows fully (no hibernation or fast restarting)"_s
                                     << u"guest.windows_hibernated"_s << u"shutdown /s /t 0"_s;
        QTest::newRow("free space")
            << QStringList {u"not enough free space for conversion on filesystem ‘/boot’.  12.0 MB free < 50 MB needed"_s}
            << QString() << u"guest.no_free_space"_s << u"‘/boot’ (12.0 MB free < 50 MB needed)"_s;
        QTest::newRow("inodes")
            << QStringList {u"not enough available inodes for conversion on filesystem ‘/’.  12 inodes available < 100 "
                            "inodes needed"_s}
            << QString() << u"guest.no_free_space"_s << u"12 inodes available < 100 inodes needed"_s;
        QTest::newRow("host space")
            << QStringList {u"insufficient free space in the conversion server temporary directory /var/tmp (12.0M)."_s}
            << QString() << u"guest.host_no_space"_s << u"workstation"_s;
        QTest::newRow("unsupported") << QStringList {u"guest type freebsd is not supported"_s} << QString()
                                     << u"guest.unsupported"_s << u"Debian 6+"_s;
        QTest::newRow("multiboot")
            << QStringList {u"multi-boot operating systems are not supported by virt-v2v. Use the "
                            "--root option to change how virt-v2v handles this."_s}
            << QString() << u"guest.multiboot"_s << u"multi-boot"_s;
        QTest::newRow("rhsrvany")
            << QStringList {u"One of rhsrvany.exe or pvvxsvc.exe is missing in /usr/share/virt-tools."_s} << QString()
            << u"guest.windows_tools_missing"_s << u"VIRT_TOOLS_DATA_DIR"_s;
        QTest::newRow("appliance") << QStringList {u"libguestfs error: guestfs_launch failed.\nThis usually means the "
                                                   u"libguestfs appliance failed "
                                                   "to start or crashed."_s}
                                   << QString() << u"guest.appliance_failed"_s << u"libguestfs-test-tool"_s;
        QTest::newRow("nbdkit")
            << QStringList {u"nbdkit is not installed or not working. It is required to use ‘-i disk’."_s} << QString()
            << u"guest.v2v_dependencies"_s << u"apt-get install nbdkit"_s;
        QTest::newRow("no bootloader (UEFI, removable path only)")
            << QStringList {u"no bootloader detected"_s} << QString() << u"guest.no_bootloader"_s
            << u"EFI/<name>/grub.cfg"_s;
        QTest::newRow("unknown") << QStringList {u"something odd happened"_s} << u"line1\nline2"_s
                                 << u"guest.fixes_failed"_s << u"something odd happened"_s;
        QTest::newRow("killed, no message") << QStringList {} << u"[   1.2] Opening the source"_s
                                            << u"guest.fixes_failed"_s << u"/job/guest-fixes.log"_s;
    }
    void failures()
    {
        QFETCH(QStringList, errors);
        QFETCH(QString, log);
        QFETCH(QString, code);
        QFETCH(QString, inMessage);
        const Error e = mapV2vFailure(errors, log, u"/job/guest-fixes.log"_s);
        QCOMPARE(e.code, code);
        QVERIFY2(e.message.contains(inMessage), qPrintable(e.message));
        QVERIFY2(e.detail.contains(u"/job/guest-fixes.log"), qPrintable(e.detail)); // the log is always named
    }
};

QTEST_GUILESS_MAIN(TestV2vOutput)
#include "tst_v2voutput.moc"
