// `xms source …` end to end as an operator types it: the real binary, a real keychain (GNOME Keyring in a
// private D-Bus session, see tests/with-keyring) and the lab's vCenter simulator.
#include "store/store.h"
#include "testutil.h"
#include "vspherelab.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QDir>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace xms;
using namespace vspherelab;

namespace {
struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
    QJsonValue json() const
    {
        const QJsonDocument d = QJsonDocument::fromJson(out.toUtf8());
        return d.isArray() ? QJsonValue(d.array()) : QJsonValue(d.object());
    }
};
} // namespace

class TestSourceCli : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_home; // fresh per test: its own database and keychain namespace

    Run xms(const QStringList& args, const QString& password = {})
    {
        QProcess p;
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        e.insert(QStringLiteral("XMS_HOME"), m_home->path());
        p.setProcessEnvironment(e);
        p.start(QStringLiteral(XMS_CLI), QStringList {QStringLiteral("source")} + args);
        if (!p.waitForStarted(10000))
            qFatal("cannot start %s", XMS_CLI);
        if (!password.isNull())
            p.write(password.toUtf8() + '\n');
        p.closeWriteChannel();
        if (!p.waitForFinished(180000))
            p.kill();
        Run r {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
        const QString secret = env("XMS_LAB_VC_PASSWORD");
        if (r.out.contains(secret) || r.err.contains(secret))
            qFatal("xms printed the password");
        return r;
    }

    QStringList createArgs(const QString& name, const QStringList& extra = {}) const
    {
        return QStringList {QStringLiteral("create"),          name,
                            QStringLiteral("--host"),          env("XMS_LAB_VC_HOST"),
                            QStringLiteral("--port"),          env("XMS_LAB_VC_PORT"),
                            QStringLiteral("--user"),          env("XMS_LAB_VC_USER"),
                            QStringLiteral("--password-stdin")}
        + extra;
    }

    // Asks the Secret Service directly for this test's item: QtKeychain files it under user=<key> and
    // server=<service>, and the service is per XMS_HOME (other tests keep their own "lab" items).
    bool keychainHas(const QString& key) const
    {
        const QString service = QStringLiteral("xms-desktop:") + QDir(m_home->path()).absolutePath();
        QProcess tool;
        tool.start(QStringLiteral("secret-tool"), {QStringLiteral("search"), QStringLiteral("--all"),
                                                   QStringLiteral("user"), key, QStringLiteral("server"), service});
        tool.waitForFinished(10000);
        const QByteArray needle = "user = " + key.toUtf8();
        return tool.readAllStandardOutput().contains(needle) || tool.readAllStandardError().contains(needle);
    }

    QJsonArray sources()
    {
        return xms({QStringLiteral("list"), QStringLiteral("--output"), QStringLiteral("json")}).json().toArray();
    }

#define CHECK_RUN(run, code)                                                                                           \
    QVERIFY2(                                                                                                          \
        (run).exitCode == (code),                                                                                      \
        qPrintable(QStringLiteral("exit %1\nstdout: %2\nstderr: %3").arg((run).exitCode).arg((run).out, (run).err)))

private slots:
    void initTestCase()
    {
        QVERIFY2(qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"),
                 "run through tests/with-keyring: the CLI keeps passwords in a real Secret Service");
        env("XMS_LAB_VC_URL");
    }

    void init()
    {
        m_home = std::make_unique<QTemporaryDir>();
        QVERIFY(m_home->isValid());
    }

    void pinnedCreateTestInventory()
    {
        const QString pw = env("XMS_LAB_VC_PASSWORD");
        Run r = xms(createArgs(QStringLiteral("lab"),
                               {QStringLiteral("--thumbprint"), env("XMS_LAB_VC_THUMBPRINT"),
                                QStringLiteral("--datacenter"), env("XMS_LAB_VC_DATACENTER")}),
                    pw);
        CHECK_RUN(r, 0);
        QVERIFY(r.out.contains(u"Created source lab"));
        QVERIFY(keychainHas(QStringLiteral("source/lab/password")));

        const QJsonArray list = sources();
        QCOMPARE(list.size(), 1);
        const QJsonObject tls = list[0].toObject().value(u"tls").toObject();
        QCOMPARE(tls.value(u"mode").toString(), QStringLiteral("pinned"));
        QCOMPARE(tls.value(u"sha1").toString(), env("XMS_LAB_VC_THUMBPRINT"));
        QCOMPARE(list[0].toObject().value(u"datacenter").toString(), QStringLiteral("DC0"));
        QCOMPARE(list[0].toObject().value(u"username").toString(), env("XMS_LAB_VC_USER"));

        r = xms({QStringLiteral("test"), QStringLiteral("lab")});
        CHECK_RUN(r, 0);
        QVERIFY2(r.out.contains(u"VMware vCenter Server"), qPrintable(r.out)); // the simulator's product name
        QVERIFY(r.out.contains(u"API:") && r.out.contains(u"VirtualCenter"));
        r = xms({QStringLiteral("test"), QStringLiteral("lab"), QStringLiteral("--output"), QStringLiteral("json")});
        CHECK_RUN(r, 0);
        const QJsonObject about = r.json().toObject().value(u"about").toObject();
        QCOMPARE(about.value(u"name").toString(), QStringLiteral("VMware vCenter Server"));
        QVERIFY(!about.value(u"version").toString().isEmpty());
        QVERIFY(!about.value(u"apiVersion").toString().isEmpty());

        r = xms({QStringLiteral("inventory"), QStringLiteral("lab"), QStringLiteral("--refresh"),
                 QStringLiteral("--output"), QStringLiteral("json")});
        CHECK_RUN(r, 0);
        const QJsonObject inv = r.json().toObject();
        QCOMPARE(inv.value(u"cached").toBool(), false);
        QHash<QString, QJsonObject> vms;
        for (const QJsonValue& v : inv.value(u"vms").toArray())
            vms.insert(v.toObject().value(u"name").toString(), v.toObject());
        for (const char* name : {"lab-debian-bios", "lab-debian-uefi", "lab-two-disks", "lab-lease-error",
                                 "lab-drop-download", "lab-debian-static"})
            QVERIFY2(vms.contains(QLatin1StringView(name)), name);
        // VMware Tools' network facts, per NIC by MAC (the launcher reports them for lab-debian-static).
        const QJsonObject facts = vms.value(QStringLiteral("lab-debian-static")).value(u"guestNetwork").toObject();
        QCOMPARE(facts.value(u"hostName").toString(), QStringLiteral("lab-debian-static"));
        const QJsonObject staticNic = facts.value(u"nics").toArray().at(0).toObject();
        QCOMPARE(staticNic.value(u"macAddress").toString(), QStringLiteral("00:50:56:3a:06:00"));
        QCOMPARE(staticNic.value(u"addresses").toArray().at(0).toObject(),
                 (QJsonObject {{QStringLiteral("address"), QStringLiteral("10.10.0.200")},
                               {QStringLiteral("prefixLength"), 24}}));
        QCOMPARE(staticNic.value(u"ipv4Gateway").toString(), QStringLiteral("10.10.0.1"));
        QVERIFY(!vms.value(QStringLiteral("lab-debian-bios")).contains(u"guestNetwork")); // Tools reports nothing
        const QJsonObject two = vms.value(QStringLiteral("lab-two-disks"));
        const QJsonArray disks = two.value(u"disks").toArray();
        QCOMPARE(disks.size(), 2);
        QCOMPARE(qint64(disks[0].toObject().value(u"capacityBytes").toDouble()),
                 QFileInfo(env("XMS_LAB_GUEST_BIOS_IMG")).size());
        QCOMPARE(qint64(disks[1].toObject().value(u"capacityBytes").toDouble()),
                 QFileInfo(env("XMS_LAB_DATA_DISK_IMG")).size());
        QCOMPARE(disks[0].toObject().value(u"controllerType").toString(), QStringLiteral("pvscsi"));
        const QJsonArray nics = two.value(u"nics").toArray();
        QCOMPARE(nics.size(), 2);
        QCOMPARE(nics[0].toObject().value(u"network").toString(), QStringLiteral("VM Network"));
        QCOMPARE(nics[0].toObject().value(u"macAddress").toString(), QStringLiteral("00:50:56:3a:03:00"));
        QCOMPARE(nics[1].toObject().value(u"network").toString(), QStringLiteral("DC0_DVPG0"));
        QCOMPARE(nics[1].toObject().value(u"macAddress").toString(), QStringLiteral("00:50:56:3a:03:01"));
        QCOMPARE(vms.value(QStringLiteral("lab-debian-uefi")).value(u"firmware").toString(), QStringLiteral("efi"));

        // Again without --refresh: served from the cache, and the text form lists every VM.
        r = xms({QStringLiteral("inventory"), QStringLiteral("lab")});
        CHECK_RUN(r, 0);
        QVERIFY(r.out.contains(u"lab-two-disks") && r.out.contains(u"DC0_DVPG0") && r.out.contains(u"cached"));
        QVERIFY2(
            r.out.contains(u"    hostname lab-debian-static (lab.example)\n    Network adapter 1 00:50:56:3a:06:00: "
                           u"10.10.0.200/24 fe80::250:56ff:fe3a:600/64 gw 10.10.0.1 dns 10.10.0.2,10.10.0.3\n"),
            qPrintable(r.out));

        r = xms({QStringLiteral("show"), QStringLiteral("lab")});
        CHECK_RUN(r, 0);
        QVERIFY(r.out.contains(env("XMS_LAB_VC_THUMBPRINT")));
        QVERIFY(!r.out.contains(env("XMS_LAB_VC_PASSWORD")));
    }

    void untrustedCertificateIsShownNotSaved()
    {
        const Run r = xms(createArgs(QStringLiteral("untrusted")), env("XMS_LAB_VC_PASSWORD"));
        CHECK_RUN(r, 4);
        QVERIFY2(r.err.contains(env("XMS_LAB_VC_THUMBPRINT")) && r.err.contains(env("XMS_LAB_VC_THUMBPRINT_SHA256")),
                 qPrintable(r.err));
        QVERIFY(r.err.contains(u"--thumbprint") && r.err.contains(u"--accept-thumbprint"));
        QVERIFY(sources().isEmpty());
        QVERIFY(!keychainHas(QStringLiteral("source/untrusted/password")));
    }

    void acceptThumbprintPinsWhatItShows()
    {
        Run r = xms(createArgs(QStringLiteral("accepted"), {QStringLiteral("--accept-thumbprint")}),
                    env("XMS_LAB_VC_PASSWORD"));
        CHECK_RUN(r, 0);
        QVERIFY2(r.out.contains(env("XMS_LAB_VC_THUMBPRINT_SHA256")), qPrintable(r.out));
        const QJsonObject tls = sources()[0].toObject().value(u"tls").toObject();
        QCOMPARE(tls.value(u"sha256").toString(), env("XMS_LAB_VC_THUMBPRINT_SHA256"));
        QCOMPARE(tls.value(u"sha1").toString(), env("XMS_LAB_VC_THUMBPRINT"));
        r = xms({QStringLiteral("test"), QStringLiteral("accepted")});
        CHECK_RUN(r, 0);
    }

    void caFileAndNoVerify()
    {
        Run r = xms(createArgs(QStringLiteral("byca"), {QStringLiteral("--ca-file"), env("XMS_LAB_VC_CA_FILE")}),
                    env("XMS_LAB_VC_PASSWORD"));
        CHECK_RUN(r, 0);
        r = xms(createArgs(QStringLiteral("blind"), {QStringLiteral("--no-verify-tls")}), env("XMS_LAB_VC_PASSWORD"));
        CHECK_RUN(r, 0);
        QVERIFY(r.err.contains(u"warning"));
        r = xms({QStringLiteral("test"), QStringLiteral("blind")});
        CHECK_RUN(r, 0);
        QVERIFY(r.err.contains(u"warning") && r.out.contains(u"NOT VERIFIED"));
    }

    void pinMismatchIsRefused()
    {
        Run r = xms(
            createArgs(QStringLiteral("pinned"), {QStringLiteral("--thumbprint"), env("XMS_LAB_VC_THUMBPRINT_SHA256")}),
            env("XMS_LAB_VC_PASSWORD"));
        CHECK_RUN(r, 0);
        // The server's certificate "changes": rewrite the stored pin, as a replaced vCenter certificate would look.
        qputenv("XMS_HOME", m_home->path().toLocal8Bit());
        {
            auto store = Store::openDefault();
            XMS_VERIFY_OK(store);
            auto e = store->environment(QStringLiteral("pinned"));
            XMS_VERIFY_OK(e);
            e->tls = TlsPolicy::pinned(QByteArray(64, 'c'));
            XMS_VERIFY_OK(store->saveEnvironment(*e));
        }
        r = xms({QStringLiteral("test"), QStringLiteral("pinned")});
        CHECK_RUN(r, 4);
        QVERIFY2(r.err.contains(u"does not match the pinned fingerprint")
                     && r.err.contains(env("XMS_LAB_VC_THUMBPRINT_SHA256")),
                 qPrintable(r.err));
    }

    void wrongPasswordAndRotation()
    {
        Run r = xms(createArgs(QStringLiteral("pw"), {QStringLiteral("--thumbprint"), env("XMS_LAB_VC_THUMBPRINT")}),
                    QStringLiteral("wrong-password"));
        CHECK_RUN(r, 4);
        QVERIFY(r.err.contains(u"rejected the user name or password"));
        QVERIFY(sources().isEmpty());

        r = xms(createArgs(QStringLiteral("pw"), {QStringLiteral("--thumbprint"), env("XMS_LAB_VC_THUMBPRINT")}),
                env("XMS_LAB_VC_PASSWORD"));
        CHECK_RUN(r, 0);
        r = xms({QStringLiteral("set-password"), QStringLiteral("pw"), QStringLiteral("--password-stdin")},
                QStringLiteral("rotated-but-wrong"));
        CHECK_RUN(r, 0);
        r = xms({QStringLiteral("test"), QStringLiteral("pw")});
        CHECK_RUN(r, 4);
        QVERIFY(r.err.contains(u"set-password"));
        r = xms({QStringLiteral("set-password"), QStringLiteral("pw"), QStringLiteral("--password-stdin")},
                env("XMS_LAB_VC_PASSWORD"));
        CHECK_RUN(r, 0);
        r = xms({QStringLiteral("test"), QStringLiteral("pw")});
        CHECK_RUN(r, 0);
    }

    void unreachable_data()
    {
        QTest::addColumn<bool>("unknownHost");
        QTest::addColumn<QString>("text");
        QTest::newRow("unknown host") << true << "could not be resolved";
        QTest::newRow("refused port") << false << "refused the connection";
    }

    void unreachable()
    {
        QFETCH(bool, unknownHost);
        QFETCH(QString, text);
        QStringList args {QStringLiteral("create"),           QStringLiteral("far"),
                          QStringLiteral("--user"),           QStringLiteral("u"),
                          QStringLiteral("--password-stdin"), QStringLiteral("--no-verify-tls")};
        QTcpServer closed;
        if (unknownHost) {
            args << QStringLiteral("--host") << QStringLiteral("vcenter.xms-lab.invalid");
        } else {
            QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
            args << QStringLiteral("--host") << QStringLiteral("127.0.0.1") << QStringLiteral("--port")
                 << QString::number(closed.serverPort());
            closed.close();
        }
        const Run r = xms(args, QStringLiteral("pw"));
        CHECK_RUN(r, 1);
        QVERIFY2(r.err.contains(text), qPrintable(r.err));
        QVERIFY(sources().isEmpty());
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("code");
        const QString tp = env("XMS_LAB_VC_THUMBPRINT");
        QTest::newRow("no --password-stdin")
            << QStringList {QStringLiteral("create"), QStringLiteral("x"),      QStringLiteral("--host"),
                            QStringLiteral("h"),      QStringLiteral("--user"), QStringLiteral("u")}
            << 2;
        QTest::newRow("two trust flags") << QStringList {QStringLiteral("create"),
                                                         QStringLiteral("x"),
                                                         QStringLiteral("--host"),
                                                         QStringLiteral("h"),
                                                         QStringLiteral("--user"),
                                                         QStringLiteral("u"),
                                                         QStringLiteral("--password-stdin"),
                                                         QStringLiteral("--thumbprint"),
                                                         tp,
                                                         QStringLiteral("--no-verify-tls")}
                                         << 2;
        QTest::newRow("bad thumbprint") << QStringList {QStringLiteral("create"),
                                                        QStringLiteral("x"),
                                                        QStringLiteral("--host"),
                                                        QStringLiteral("h"),
                                                        QStringLiteral("--user"),
                                                        QStringLiteral("u"),
                                                        QStringLiteral("--password-stdin"),
                                                        QStringLiteral("--thumbprint"),
                                                        QStringLiteral("12:34")}
                                        << 2;
        QTest::newRow("bad name") << QStringList {QStringLiteral("create"),          QStringLiteral("../x"),
                                                  QStringLiteral("--host"),          QStringLiteral("h"),
                                                  QStringLiteral("--user"),          QStringLiteral("u"),
                                                  QStringLiteral("--password-stdin")}
                                  << 2;
        QTest::newRow("bad port") << QStringList {QStringLiteral("create"),          QStringLiteral("x"),
                                                  QStringLiteral("--host"),          QStringLiteral("h"),
                                                  QStringLiteral("--port"),          QStringLiteral("70000"),
                                                  QStringLiteral("--user"),          QStringLiteral("u"),
                                                  QStringLiteral("--password-stdin")}
                                  << 2;
        QTest::newRow("unknown source") << QStringList {QStringLiteral("test"), QStringLiteral("nope")} << 3;
        QTest::newRow("unknown source inventory")
            << QStringList {QStringLiteral("inventory"), QStringLiteral("nope")} << 3;
        QTest::newRow("bad output") << QStringList {QStringLiteral("list"), QStringLiteral("--output"),
                                                    QStringLiteral("xml")}
                                    << 2;
        QTest::newRow("unknown option") << QStringList {QStringLiteral("list"), QStringLiteral("--frobnicate")} << 2;
    }

    void usageErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(int, code);
        const Run r = xms(args, QStringLiteral("pw"));
        CHECK_RUN(r, code);
        QVERIFY(!r.err.isEmpty());
    }

    void duplicateAndDelete()
    {
        const QStringList args
            = createArgs(QStringLiteral("dup"), {QStringLiteral("--thumbprint"), env("XMS_LAB_VC_THUMBPRINT")});
        CHECK_RUN(xms(args, env("XMS_LAB_VC_PASSWORD")), 0);
        Run r = xms(args, env("XMS_LAB_VC_PASSWORD"));
        CHECK_RUN(r, 2);
        QVERIFY(r.err.contains(u"exists already"));
        QVERIFY(keychainHas(QStringLiteral("source/dup/password")));
        r = xms({QStringLiteral("delete"), QStringLiteral("dup")});
        CHECK_RUN(r, 0);
        QVERIFY(sources().isEmpty());
        QVERIFY(!keychainHas(QStringLiteral("source/dup/password")));
        CHECK_RUN(xms({QStringLiteral("test"), QStringLiteral("dup")}), 3);
        CHECK_RUN(xms({QStringLiteral("delete"), QStringLiteral("dup")}), 3);
    }
};

QTEST_GUILESS_MAIN(TestSourceCli)
#include "tst_sourcecli.moc"
