#include "engine/migrationspec.h"
#include "testutil.h"

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
