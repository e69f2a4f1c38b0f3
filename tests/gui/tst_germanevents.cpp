#include "eventsmodel.h"
#include "i18n.h"
#include "jobdetailview.h"
#include "mainwindow.h"
#include "migrationsview.h"
#include "secrets/secretstore.h"
#include "store/jobstore.h"
#include "testutil.h"

#include <QApplication>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace xms;
using namespace xms::ui;

// Events are rendered where they are read: a worker running in the C locale (it loads no catalogue)
// writes a job's events; the desktop under German and `xms migration events` under LANG=de_DE.UTF-8 then
// show them in German. The worker is the real `xms worker`; its job fails fast at Export (the source's
// port is closed), which still writes translatable events (job.started, cleanup.started).
class TestGermanEvents : public QObject
{
    Q_OBJECT
    QTemporaryDir m_home;
    QString m_jobId;

    static QString german(const char* english) // the catalogue's German, as a reader would load it
    {
        return QCoreApplication::translate("xms::JobRunner", english);
    }
    static quint16 closedPort()
    {
        QTcpServer s;
        s.listen(QHostAddress::LocalHost);
        return s.serverPort(); // closed again when s goes
    }
    static QProcessEnvironment env(const QString& lang, const QString& home)
    {
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        e.remove(QStringLiteral("LANGUAGE"));
        e.remove(QStringLiteral("LC_MESSAGES"));
        e.insert(QStringLiteral("LANG"), lang);
        e.insert(QStringLiteral("LC_ALL"), lang);
        e.insert(QStringLiteral("XMS_HOME"), home);
        return e;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        qputenv("XMS_HOME", m_home.path().toUtf8());
        auto store = Store::openDefault();
        XMS_VERIFY_OK(store);
        // Names unique to this test's home: the suite shares one keyring.
        const QString suffix = QFileInfo(m_home.path()).fileName().toLower();
        EnvironmentRecord env;
        env.name = QStringLiteral("gone-vc-") + suffix;
        env.host = QStringLiteral("127.0.0.1");
        env.port = closedPort();
        env.username = QStringLiteral("administrator@vsphere.local");
        XMS_VERIFY_OK(store->saveEnvironment(env));
        CloudRecord cloud;
        cloud.name = QStringLiteral("gone-cloud-") + suffix;
        cloud.authUrl = QStringLiteral("https://127.0.0.1:%1/v3").arg(closedPort());
        cloud.username = QStringLiteral("admin");
        cloud.project = QStringLiteral("infra");
        XMS_VERIFY_OK(store->saveCloud(cloud));
        XMS_VERIFY_OK(
            xms::test::writeSecret(SecretStore::sourcePasswordKey(env.name), QStringLiteral("not-a-real-password")));
        XMS_VERIFY_OK(
            xms::test::writeSecret(SecretStore::cloudSecretKey(cloud), QStringLiteral("not-a-real-password")));

        const QJsonObject spec {{QStringLiteral("source"), env.name},
                                {QStringLiteral("vm"), QStringLiteral("web-01")},
                                {QStringLiteral("cloud"), cloud.name},
                                {QStringLiteral("project"), QStringLiteral("infra")},
                                {QStringLiteral("instance_name"), QStringLiteral("web-01")},
                                {QStringLiteral("flavor"), QStringLiteral("m1.small")},
                                {QStringLiteral("volume_type"), QStringLiteral("ssd")}};
        auto job = JobStore(*store).create(spec);
        XMS_VERIFY_OK(job);
        m_jobId = job->id;

        QProcess worker;
        worker.setProcessEnvironment(this->env(QStringLiteral("C"), m_home.path()));
        worker.start(QStringLiteral(XMS_CLI), {QStringLiteral("worker"), QStringLiteral("--until-idle")});
        QVERIFY2(worker.waitForFinished(120000), "the worker did not finish within 2 min");
        QVERIFY2(worker.exitCode() == 0, worker.readAllStandardError().constData());
        const auto ended = JobStore(*store).job(m_jobId);
        XMS_VERIFY_OK(ended);
        QCOMPARE(ended->stage, Stage::Failed);
        // What the worker stored is English: it had no catalogue.
        const auto events = JobStore(*store).events(m_jobId);
        XMS_VERIFY_OK(events);
        QVERIFY2(events->first().name == u"job.started", qPrintable(events->first().message));
        QCOMPARE(events->first().message, QStringLiteral("Migration of web-01 started (attempt 1)"));

        QVERIFY(installTranslations(*qApp, QLocale(QLocale::German, QLocale::Germany)));
        QCOMPARE(german("Migration of %1 started (attempt %2)"),
                 QStringLiteral("Migration von %1 gestartet (Versuch %2)"));
    }

    void desktopShowsGerman()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.migrationsView()->selectJob(m_jobId);
        JobDetailView* detail = w.migrationsView()->detail();
        QTRY_COMPARE(detail->jobId(), m_jobId);
        EventsModel* events = detail->events();
        QTRY_VERIFY(events->rowCount() >= 2);
        QStringList messages;
        for (int row = 0; row < events->rowCount(); ++row)
            messages << events->data(events->index(row, EventsModel::Message)).toString();
        QVERIFY2(messages.contains(QStringLiteral("Migration von web-01 gestartet (Versuch 1)")),
                 qPrintable(messages.join(u'\n')));
        QVERIFY2(messages.contains(german("Removing what this job created in Xloud")),
                 qPrintable(messages.join(u'\n')));
        QVERIFY(german("Removing what this job created in Xloud")
                != QStringLiteral("Removing what this job created in Xloud"));
    }

    void cliPrintsGerman()
    {
        QProcess cli;
        cli.setProcessEnvironment(env(QStringLiteral("de_DE.UTF-8"), m_home.path()));
        cli.start(QStringLiteral(XMS_CLI),
                  {QStringLiteral("migration"), QStringLiteral("events"), QStringLiteral("--job"), m_jobId.left(8)});
        QVERIFY(cli.waitForFinished(30000));
        const QString out = QString::fromUtf8(cli.readAllStandardOutput());
        QVERIFY2(cli.exitCode() == 0, cli.readAllStandardError().constData());
        QVERIFY2(out.contains(QStringLiteral("Migration von web-01 gestartet (Versuch 1)")), qPrintable(out));
        QVERIFY2(out.contains(german("Removing what this job created in Xloud")), qPrintable(out));
        QVERIFY(!out.contains(QStringLiteral("Migration of web-01 started")));

        // The same command in the C locale prints the English that was written.
        cli.setProcessEnvironment(env(QStringLiteral("C"), m_home.path()));
        cli.start(QStringLiteral(XMS_CLI),
                  {QStringLiteral("migration"), QStringLiteral("events"), QStringLiteral("--job"), m_jobId.left(8)});
        QVERIFY(cli.waitForFinished(30000));
        QVERIFY(QString::fromUtf8(cli.readAllStandardOutput())
                    .contains(QStringLiteral("Migration of web-01 started (attempt 1)")));
    }
};

QTEST_MAIN(TestGermanEvents)
#include "tst_germanevents.moc"
