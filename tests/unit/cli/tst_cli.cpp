// `xms` as a user types it, for everything that must fail before touching a network: bad flags and
// values get a clear message and the documented exit code, and change nothing in the store.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};
} // namespace

class TestCli : public QObject
{
    Q_OBJECT

    QTemporaryDir m_home;

    Run xms(const QStringList& args)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"XMS_HOME"_s, m_home.path());
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(XMS_CLI), args);
        p.closeWriteChannel();
        if (!p.waitForFinished(30000))
            p.kill();
        return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
                QString::fromUtf8(p.readAllStandardError())};
    }

    int jobCount()
    {
        const Run list = xms({u"migration"_s, u"list"_s, u"--output"_s, u"json"_s});
        return list.exitCode == 0 ? int(QJsonDocument::fromJson(list.out.toUtf8()).array().size()) : -1;
    }

private slots:
    void badNetworkMapNamesThePartAndCreatesNoJob_data()
    {
        QTest::addColumn<QString>("map");
        QTest::addColumn<QString>("says");
        QTest::newRow("no =") << u"VM Network"_s << u"VM Network"_s;
        QTest::newRow("empty target") << u"VM Network="_s << u"VM Network="_s;
        QTest::newRow("bad option") << u"VM Network=internal-net,keep-macs"_s << u"keep-macs"_s;
    }
    void badNetworkMapNamesThePartAndCreatesNoJob()
    {
        QFETCH(QString, map);
        QFETCH(QString, says);
        const Run r = xms({u"migration"_s, u"submit"_s, u"--source"_s, u"vc"_s, u"--vm"_s, u"web01"_s,
                           u"--target-project"_s, u"infra"_s, u"--flavor"_s, u"m1.small"_s, u"--network-map"_s, map});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(says), qPrintable(r.err));
        QCOMPARE(jobCount(), 0);
    }

    void unknownSourceIsNotFound()
    {
        const Run r = xms({u"migration"_s, u"submit"_s, u"--source"_s, u"nope"_s, u"--vm"_s, u"web01"_s,
                           u"--target-project"_s, u"infra"_s, u"--flavor"_s, u"m1.small"_s});
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains(u"nope"), qPrintable(r.err));
        QCOMPARE(jobCount(), 0);
    }

    void missingVmAndWrongFlags()
    {
        Run r = xms({u"migration"_s, u"submit"_s, u"--source"_s, u"vc"_s});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(u"--vm"));
        r = xms({u"migration"_s, u"submit"_s, u"--no-such-flag"_s});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(u"no-such-flag"), qPrintable(r.err));
        r = xms({u"preflight"_s, u"--source"_s, u"vc"_s, u"--vm"_s, u"a"_s, u"--mac-fallback"_s, u"maybe"_s});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(u"--mac-fallback"));
        r = xms({u"migration"_s, u"show"_s, u"deadbeef"_s});
        QCOMPARE(r.exitCode, 3);
        r = xms({u"migration"_s, u"discard"_s, u"deadbeef"_s});
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains(u"deadbeef"), qPrintable(r.err));
        r = xms({u"migration"_s, u"discard"_s});
        QCOMPARE(r.exitCode, 2);
    }

    void settingsRefuseBadValues()
    {
        Run r = xms({u"settings"_s, u"set"_s, u"engine/worker-slots"_s, u"0"_s});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(u"1 to 64"));
        r = xms({u"settings"_s, u"set"_s, u"guest/virtio-win"_s, m_home.filePath(u"missing.iso"_s)});
        QCOMPARE(r.exitCode, 2);
        r = xms({u"settings"_s, u"set"_s, u"engine/keep-converted-days"_s, u"400"_s});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(u"engine/keep-converted-days must be a number from 0 to 365, not '400'"),
                 qPrintable(r.err));
        r = xms({u"settings"_s, u"set"_s, u"colour"_s, u"blue"_s});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(u"engine/worker-slots"));
        r = xms({u"settings"_s, u"set"_s, u"engine/worker-slots"_s, u"3"_s});
        QCOMPARE(r.exitCode, 0);
        r = xms({u"settings"_s, u"list"_s, u"--output"_s, u"json"_s});
        QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).object()[u"engine/worker-slots"].toString(), u"3"_s);
        QCOMPARE(xms({u"settings"_s, u"unset"_s, u"engine/worker-slots"_s}).exitCode, 0);
    }

    // Every command that prints data takes --output text|json and refuses anything else the same way.
    void outputFormatIsCheckedEverywhere_data()
    {
        QTest::addColumn<QStringList>("command");
        QTest::newRow("source list") << QStringList {u"source"_s, u"list"_s};
        QTest::newRow("cloud list") << QStringList {u"cloud"_s, u"list"_s};
        QTest::newRow("migration list") << QStringList {u"migration"_s, u"list"_s};
        QTest::newRow("profile list") << QStringList {u"profile"_s, u"list"_s};
        QTest::newRow("settings list") << QStringList {u"settings"_s, u"list"_s};
    }
    void outputFormatIsCheckedEverywhere()
    {
        QFETCH(QStringList, command);
        const Run bad = xms(command + QStringList {u"--output"_s, u"xml"_s});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY2(bad.err.contains(u"--output must be 'text' or 'json', not 'xml'"), qPrintable(bad.err));
        QVERIFY(bad.out.isEmpty());
        const Run json = xms(command + QStringList {u"--output"_s, u"json"_s});
        QCOMPARE(json.exitCode, 0);
        QJsonParseError error;
        QJsonDocument::fromJson(json.out.toUtf8(), &error);
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(json.out));
    }

    void nameCommandsWantExactlyOneName()
    {
        Run r = xms({u"source"_s, u"show"_s});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(u"xms source show: give exactly one source NAME"), qPrintable(r.err));
        r = xms({u"cloud"_s, u"delete"_s, u"a"_s, u"b"_s});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(u"xms cloud delete: give exactly one cloud NAME"), qPrintable(r.err));
    }

    void groupHelpListsTheGroup()
    {
        const Run r = xms({u"source"_s, u"--help"_s});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(u"source create"));
        QVERIFY(xms({u"migration"_s, u"--help"_s}).out.contains(u"migration discard"));
        QVERIFY(!r.out.contains(u"cloud create"));
        const Run cmd = xms({u"migration"_s, u"submit"_s, u"--help"_s});
        QCOMPARE(cmd.exitCode, 0);
        QVERIFY(cmd.out.contains(u"--network-map"));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
