// The real `xms` executable, for what only a process shows: exit codes as the shell sees them, the
// password read from standard input, and help on stdout. Everything else runs in-process (tst_cli).
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

class TestCliProcess : public QObject
{
    Q_OBJECT

    QTemporaryDir m_home;

    Run xms(const QStringList& args, const QByteArray& input = {}, const QString& home = {})
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"XMS_HOME"_s, home.isEmpty() ? m_home.path() : home);
        env.remove(u"QT_LOGGING_RULES"_s);
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(XMS_CLI), args);
        if (!input.isEmpty())
            p.write(input);
        p.closeWriteChannel();
        if (!p.waitForFinished(30000))
            p.kill();
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
                QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
    }

private slots:
    void exitCodes()
    {
        QCOMPARE(xms({u"migration"_s, u"submit"_s, u"--no-such-flag"_s}).exitCode, 2);
        QCOMPARE(xms({u"migration"_s, u"show"_s, u"deadbeef"_s}).exitCode, 3);
        const Run help = xms({u"--help"_s});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains(u"migration submit"));
        QVERIFY(xms({u"--version"_s}).out.startsWith(u"xms "));
    }

    void passwordFromStandardInput()
    {
        // Empty stdin: refused before any network or keychain; the record is not created.
        Run r = xms({u"cloud"_s, u"create"_s, u"c1"_s, u"--auth-url"_s, u"https://x.example:5000/v3"_s, u"--user"_s,
                     u"ops"_s, u"--password-stdin"_s});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(u"standard input held no password"), qPrintable(r.err));
        // A password on stdin for a source that does not exist: not found, nothing read into a keychain.
        r = xms({u"source"_s, u"set-password"_s, u"nope"_s, u"--password-stdin"_s}, "secret\n");
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains(u"nope"), qPrintable(r.err));
    }

    // The internal log is off at default verbosity (a new store logs its schema versions), on with --verbose
    // anywhere on the line, and QT_LOGGING_RULES still decides over both.
    void logLinesOnlyWhenVerbose()
    {
        QTemporaryDir quiet;
        const Run plain = xms({u"source"_s, u"list"_s}, {}, quiet.path());
        QCOMPARE(plain.exitCode, 0);
        QCOMPARE(plain.err, QString());
        QTemporaryDir verbose;
        const Run loud = xms({u"source"_s, u"list"_s, u"--verbose"_s}, {}, verbose.path());
        QCOMPARE(loud.exitCode, 0);
        QVERIFY2(loud.err.contains(u"xms.core.store: database schema migrated from version 0 to 5"), qPrintable(loud.err));
        QTemporaryDir ruled;
        qputenv("QT_LOGGING_RULES", "xms.core.store.info=true");
        QProcess p;
        p.setProcessEnvironment([&] {
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(u"XMS_HOME"_s, ruled.path());
            return env;
        }());
        p.start(QStringLiteral(XMS_CLI), {u"source"_s, u"list"_s});
        QVERIFY(p.waitForFinished(30000));
        qunsetenv("QT_LOGGING_RULES");
        QVERIFY(
            QString::fromUtf8(p.readAllStandardError()).contains(u"xms.core.store: database schema migrated from version"));
    }
};

QTEST_GUILESS_MAIN(TestCliProcess)
#include "tst_cliprocess.moc"
