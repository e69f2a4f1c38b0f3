// `xms` commands run in-process (the xms_cli library linked in, output captured), for everything that must
// fail before touching a network: bad flags and values get a clear message and the documented exit code,
// and change nothing in the store. tst_cliprocess runs the real executable for exit codes and stdin.
#include "cli.h"
#include "store/jobstore.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <unistd.h>

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

    Run xms(const QStringList& args, const QString& input = {})
    {
        Run r;
        QTextStream out(&r.out);
        QTextStream err(&r.err);
        QString in = input;
        QTextStream inStream(&in);
        r.exitCode = xms::cli::run(args, out, err, &inStream);
        return r;
    }

    int jobCount()
    {
        const Run list = xms({u"migration"_s, u"list"_s, u"--output"_s, u"json"_s});
        return list.exitCode == 0 ? int(QJsonDocument::fromJson(list.out.toUtf8()).array().size()) : -1;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        qputenv("XMS_HOME", m_home.path().toLocal8Bit());
    }

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

    // The same VM twice in one submit would make two jobs racing for one VM: refused, nothing created.
    void sameVmTwiceIsRefused()
    {
        const Run r
            = xms({u"migration"_s, u"submit"_s, u"--source"_s, u"vc"_s, u"--vm"_s, u"web01"_s, u"--vm"_s, u"db01"_s,
                   u"--vm"_s, u"web01"_s, u"--target-project"_s, u"infra"_s, u"--flavor"_s, u"m1.small"_s});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(u"--vm web01 is given twice"), qPrintable(r.err));
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

    // xms migration report: a job's report on stdout or into a file; bad input says what is wrong, exits
    // with the documented code and writes nothing.
    void migrationReport()
    {
        auto store = xms::Store::openDefault();
        QVERIFY(store.has_value());
        xms::JobStore jobs(*store);
        auto job = jobs.create(QJsonObject {{u"vm"_s, u"report-vm"_s}, {u"source"_s, u"vc"_s}});
        QVERIFY(job.has_value());
        xms::EventRecord e = xms::EventRecord::of(job->id, xms::Stage::Queued, xms::EventLevel::Info, u"job.started"_s,
                                                  xms::Text::literal(u"started"_s));
        QVERIFY(jobs.appendEvent(e).has_value());

        Run json = xms({u"migration"_s, u"report"_s, job->id.left(8), u"--output"_s, u"json"_s});
        QCOMPARE(json.exitCode, 0);
        const QJsonObject doc = QJsonDocument::fromJson(json.out.toUtf8()).object();
        QCOMPARE(doc.value(u"job"_s).toObject().value(u"id"_s).toString(), job->id);
        QCOMPARE(doc.value(u"events"_s).toArray().size(), 1);
        Run text = xms({u"migration"_s, u"report"_s, job->id});
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains(u"XMS migration report: report-vm"), qPrintable(text.out));
        QVERIFY(text.out.contains(u"Stage timeline"));

        const QString file = m_home.filePath(u"job.html"_s);
        Run html = xms({u"migration"_s, u"report"_s, job->id, u"--output"_s, u"html"_s, u"--file"_s, file});
        QCOMPARE(html.exitCode, 0);
        QVERIFY(html.out.isEmpty());
        QVERIFY2(html.err.contains(u"Wrote the report"), qPrintable(html.err));
        QFile written(file);
        QVERIFY(written.open(QIODevice::ReadOnly));
        const QByteArray page = written.readAll();
        QVERIFY(page.startsWith("<!DOCTYPE html>"));
        QVERIFY(page.contains("report-vm"));
        written.close();

        Run unknown = xms({u"migration"_s, u"report"_s, u"ffffffff"_s});
        QCOMPARE(unknown.exitCode, 3);
        QVERIFY2(unknown.err.contains(u"ffffffff"), qPrintable(unknown.err));
        QVERIFY(unknown.out.isEmpty());

        Run none = xms({u"migration"_s, u"report"_s});
        QCOMPARE(none.exitCode, 2);
        QVERIFY2(none.err.contains(u"job id"), qPrintable(none.err));

        Run badFormat = xms({u"migration"_s, u"report"_s, job->id, u"--output"_s, u"pdf"_s});
        QCOMPARE(badFormat.exitCode, 2);
        QVERIFY2(badFormat.err.contains(u"--output must be 'text', 'json' or 'html', not 'pdf'"),
                 qPrintable(badFormat.err));
        QVERIFY(badFormat.out.isEmpty());

        const QString unwritable = m_home.filePath(u"no-such-dir/report.html"_s);
        Run badFile = xms({u"migration"_s, u"report"_s, job->id, u"--file"_s, unwritable});
        QCOMPARE(badFile.exitCode, 1);
        QVERIFY2(badFile.err.contains(u"Cannot write the report to " + unwritable), qPrintable(badFile.err));
        QVERIFY(badFile.out.isEmpty());
        QVERIFY(!QFile::exists(unwritable));

        // A file that exists stays as it was when the new report cannot replace it.
        const QString readOnlyDir = m_home.filePath(u"ro"_s);
        QVERIFY(QDir().mkpath(readOnlyDir));
        const QString kept = readOnlyDir + u"/kept.html";
        {
            QFile f(kept);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("old");
        }
        QVERIFY(QFile::setPermissions(readOnlyDir, QFile::ReadOwner | QFile::ExeOwner));
        Run denied = xms({u"migration"_s, u"report"_s, job->id, u"--file"_s, kept});
        QFile::setPermissions(readOnlyDir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        if (::geteuid() != 0) { // root writes anywhere
            QCOMPARE(denied.exitCode, 1);
            QFile f(kept);
            QVERIFY(f.open(QIODevice::ReadOnly));
            QCOMPARE(f.readAll(), QByteArray("old"));
        }
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

    // Profiles through the command line: save, rename (refusing a taken name), export, import under a new
    // name, and an import that names no profile.
    void profilesRoundTrip()
    {
        Run r = xms(
            {u"profile"_s, u"save"_s, u"dc1"_s, u"--network-map"_s, u"VM Network=internal-net,keep-mac,keep-ip"_s});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(u"Saved profile dc1 with 1 mapping(s)."), qPrintable(r.out));
        QCOMPARE(xms({u"profile"_s, u"save"_s, u"dc2"_s, u"--network-map"_s, u"a=b"_s}).exitCode, 0);
        r = xms({u"profile"_s, u"rename"_s, u"dc1"_s, u"dc2"_s});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(u"exists already"), qPrintable(r.err));
        r = xms({u"profile"_s, u"rename"_s, u"dc1"_s, u"infra"_s});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, u"Renamed profile dc1 to infra\n"_s);
        QCOMPARE(xms({u"profile"_s, u"show"_s, u"dc1"_s}).exitCode, 3);

        r = xms({u"profile"_s, u"export"_s, u"infra"_s});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject doc = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(doc[u"name"].toString(), u"infra"_s);
        QCOMPARE(doc[u"networks"][0][u"keep_ip"].toBool(), true); // keep-ip travels with the profile
        const QString file = m_home.filePath(u"infra.json"_s);
        r = xms({u"profile"_s, u"export"_s, u"infra"_s, u"--file"_s, file});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(u"Exported profile infra to " + file), qPrintable(r.out));
        r = xms({u"profile"_s, u"import"_s, file, u"--name"_s, u"copy"_s});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(u"Imported profile copy with 1 mapping(s)."), qPrintable(r.out));
        QVERIFY(
            xms({u"profile"_s, u"show"_s, u"copy"_s}).out.contains(u"VM Network → internal-net (keep MAC, keep IP)"));

        const QString unnamed = m_home.filePath(u"unnamed.json"_s);
        QFile f(unnamed);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"networks": [{"source_network": "a", "target_network": "b"}]})");
        f.close();
        r = xms({u"profile"_s, u"import"_s, unnamed});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(u"give --name"), qPrintable(r.err));
        for (const QString& name : {u"infra"_s, u"dc2"_s, u"copy"_s})
            QCOMPARE(xms({u"profile"_s, u"delete"_s, name}).exitCode, 0);
    }

    // Secrets come from standard input only, and a secret for nothing is refused before the keychain.
    void secretsNeedStdinAndAnExistingRecord()
    {
        Run r = xms({u"source"_s, u"set-password"_s, u"nope"_s});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(u"--password-stdin"), qPrintable(r.err));
        r = xms({u"source"_s, u"set-password"_s, u"nope"_s, u"--password-stdin"_s}, u"secret\n"_s);
        QCOMPARE(r.exitCode, 3);
        r = xms({u"cloud"_s, u"set-password"_s, u"nope"_s, u"--password-stdin"_s}, u"secret\n"_s);
        QCOMPARE(r.exitCode, 3);
        r = xms({u"cloud"_s, u"create"_s, u"c1"_s, u"--auth-url"_s, u"https://x.example:5000/v3"_s, u"--user"_s,
                 u"ops"_s, u"--password-stdin"_s},
                {});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(u"xms cloud create: standard input held no password."), qPrintable(r.err));
        r = xms({u"source"_s, u"create"_s, u"vc"_s, u"--host"_s, u"vc.example"_s, u"--user"_s, u"u"_s,
                 u"--password-stdin"_s, u"--thumbprint"_s, u"zz"_s});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(u"--thumbprint must be a SHA-1"), qPrintable(r.err));
        QCOMPARE(xms({u"cloud"_s, u"list"_s, u"--output"_s, u"json"_s}).out.trimmed(), u"[\n]"_s);
    }

    // Commands that wait for the keychain end from the event loop; in-process the same as in a process.
    void asynchronousCommandsEndInProcess()
    {
        Run r = xms({u"source"_s, u"delete"_s, u"nope"_s});
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains(u"nope"), qPrintable(r.err));
        r = xms({u"cloud"_s, u"delete"_s, u"nope"_s});
        QCOMPARE(r.exitCode, 3);
        QVERIFY(r.out.isEmpty());
    }

    void unknownCommandsAndVersion()
    {
        Run r = xms({u"frobnicate"_s});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(u"unknown command 'frobnicate'"), qPrintable(r.err));
        r = xms({u"source"_s, u"frob"_s});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(u"unknown command 'source frob'"), qPrintable(r.err));
        r = xms({});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(u"Exit codes:"));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
