#include "engine/guestnetworkreport.h"
#include "engine/migrationspec.h"
#include "testutil.h"

#include <QJsonArray>
#include <QTest>

using namespace xms;

class TestMigrationSpec : public QObject
{
    Q_OBJECT
private:
    static MigrationSpec sample()
    {
        MigrationSpec s;
        s.source = QStringLiteral("prod-vcenter");
        s.vm = QStringLiteral("win-ser-2022");
        s.cloud = QStringLiteral("xloud");
        s.project = QStringLiteral("infra");
        s.flavor = QStringLiteral("m1.large");
        s.volumeType = QStringLiteral("ssd");
        s.networks.append({QStringLiteral("VM Network"), {}, QStringLiteral("internal-net"), {}, true});
        return s;
    }

    static vsphere::GuestNetwork facts(const QString& ip)
    {
        vsphere::GuestNetwork g;
        g.hostName = QStringLiteral("web01");
        vsphere::GuestNic n;
        n.macAddress = QStringLiteral("00:50:56:aa:bb:01");
        n.addresses = {{ip, 24}};
        n.ipv4Gateway = QStringLiteral("10.10.0.1");
        g.nics = {n};
        return g;
    }

private slots:
    void jsonRoundTrip()
    {
        MigrationSpec s = sample();
        s.macFallback = MigrationSpec::MacFallback::Fail;
        auto back = MigrationSpec::fromJson(s.toJson());
        XMS_VERIFY_OK(back);
        QCOMPARE(back->vm, s.vm);
        QCOMPARE(back->networks, s.networks);
        QCOMPARE(back->macFallback, MigrationSpec::MacFallback::Fail);
        QCOMPARE(back->instanceName, QStringLiteral("win-ser-2022")); // default resolved and stored
    }

    // What Tools reported at submit rides with the job's spec; a spec without it reads back without it.
    void guestNetworkAtSubmitRoundTrip()
    {
        MigrationSpec s = sample();
        QVERIFY(!s.toJson().contains(u"guest_network_at_submit"));
        QVERIFY(!MigrationSpec::fromJson(s.toJson())->guestNetworkAtSubmit);
        s.guestNetworkAtSubmit = facts(QStringLiteral("10.10.0.200"));
        auto back = MigrationSpec::fromJson(s.toJson());
        XMS_VERIFY_OK(back);
        QCOMPARE(back->guestNetworkAtSubmit, s.guestNetworkAtSubmit);
        s.guestNetworkAtSubmit = vsphere::GuestNetwork {}; // captured, but Tools reported nothing
        QCOMPARE(MigrationSpec::fromJson(s.toJson())->guestNetworkAtSubmit, std::optional(vsphere::GuestNetwork {}));
    }

    // The preflight a job was submitted after rides with its spec, for the job's report.
    void preflightAtSubmitRoundTrip()
    {
        MigrationSpec s = sample();
        QVERIFY(!s.toJson().contains(u"preflight_at_submit"));
        PreflightReport r;
        r.vm = s.vm;
        r.add({QStringLiteral("Storage"), QStringLiteral("storage.staging_space"), Verdict::Pass,
               QStringLiteral("20 GiB free"), {}});
        r.add({QStringLiteral("Network"), QStringLiteral("network.keep_ip.gateway"), Verdict::Warn,
               QStringLiteral("gateway differs"), QStringLiteral("check the subnet")});
        r.estimate = Estimate {240, 2LL << 30, QStringLiteral("defaults")};
        s.preflightAtSubmit = r;
        auto back = MigrationSpec::fromJson(s.toJson());
        XMS_VERIFY_OK(back);
        QVERIFY(back->preflightAtSubmit);
        QCOMPARE(back->preflightAtSubmit->toJson(), r.toJson());
        QCOMPARE(back->preflightAtSubmit->verdict, Verdict::Warn);
        QCOMPARE(back->preflightAtSubmit->checks.at(1).fix, QStringLiteral("check the subnet"));
        QCOMPARE(back->preflightAtSubmit->estimate->seconds, 240);
    }

    // source.guest_network: unchanged since submit is information; a change is a warning naming it.
    void guestNetworkReportBeforePowerOff()
    {
        vsphere::VmInfo vm;
        vm.name = QStringLiteral("web01");
        vm.guestNetwork = facts(QStringLiteral("10.10.0.200"));
        GuestNetworkReport r = guestNetworkReport(vm, facts(QStringLiteral("10.10.0.200")));
        QCOMPARE(r.level, EventLevel::Info);
        QCOMPARE(r.message.toString(),
                 QStringLiteral("VMware Tools reports for web01, as at submit: hostname web01; "
                                "00:50:56:aa:bb:01 10.10.0.200/24 gw 10.10.0.1"));
        QCOMPARE(r.data[u"changed_since_submit"], QJsonValue(false));
        QCOMPARE(r.data[u"guest_network"].toObject(), vm.guestNetwork.toJson());

        r = guestNetworkReport(vm, facts(QStringLiteral("10.10.0.77")));
        QCOMPARE(r.level, EventLevel::Warning);
        QCOMPARE(r.message.toString(),
                 QStringLiteral("The guest network of web01 changed since submit: 00:50:56:aa:bb:01 addresses "
                                "10.10.0.77/24 → 10.10.0.200/24. VMware Tools now reports: hostname web01; "
                                "00:50:56:aa:bb:01 10.10.0.200/24 gw 10.10.0.1"));
        QCOMPARE(r.data[u"changed_since_submit"], QJsonValue(true));
        QCOMPARE(r.data[u"changes"].toArray().size(), 1);

        r = guestNetworkReport(vm, std::nullopt); // submitted without preflight: nothing to compare
        QCOMPARE(r.level, EventLevel::Info);
        QVERIFY(r.data[u"changed_since_submit"].isNull());
        vm.guestNetwork = {};
        r = guestNetworkReport(vm, facts(QStringLiteral("10.10.0.200"))); // Tools went quiet (VM shut down)
        QCOMPARE(r.level, EventLevel::Warning);
        QVERIFY2(r.message.toString().endsWith(u"VMware Tools now reports: no network facts"),
                 qPrintable(r.message.toString()));
    }

    void requiredFieldsNamed()
    {
        MigrationSpec s = sample();
        s.flavor.clear();
        auto r = s.validate();
        QVERIFY(!r);
        QVERIFY(r.error().message.contains(u"--flavor"));
        s = sample();
        s.kind = QStringLiteral("warm");
        QVERIFY(s.validate().error().message.contains(u"cold"));
    }

    void instanceNames_data()
    {
        QTest::addColumn<QString>("vm");
        QTest::addColumn<QString>("name");
        QTest::newRow("plain") << "web-01" << "web-01";
        QTest::newRow("spaces/parens") << "Web Server (old)" << "Web-Server-old";
        QTest::newRow("underscores") << "DC0_H0_VM0" << "DC0-H0-VM0";
        QTest::newRow("edges") << "--db--" << "db";
        QTest::newRow("long") << QString(70, u'a') << QString(63, u'a');
        QTest::newRow("nothing usable") << "(((" << "";
    }
    void instanceNames()
    {
        QFETCH(QString, vm);
        QTEST(validInstanceName(vm), "name");
    }
};

QTEST_GUILESS_MAIN(TestMigrationSpec)
#include "tst_migrationspec.moc"
