// Job ownership across real processes: `xms worker` processes share one store. A worker paused past its
// lease (SIGSTOP, like a suspended laptop) is recovered by another and, once it runs again, writes nothing
// to the job it lost; SIGTERM ends a worker gracefully. The job's Export stalls on a "vCenter" that
// accepts connections and never answers, so each worker is mid-stage when the signal arrives.
#include "secrets/secretstore.h"
#include "store/jobstore.h"
#include "testutil.h"

#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <signal.h>

using namespace xms;

class TestWorkerFencing : public QObject
{
    Q_OBJECT
    QTemporaryDir m_home;
    QTcpServer m_stall; // the source's vCenter: accepts, never answers
    QList<QTcpSocket*> m_held;
    std::optional<JobStore> m_jobs;
    QJsonObject m_spec;

    void dropStalledConnections()
    {
        for (QTcpSocket* s : std::as_const(m_held))
            s->abort();
        qDeleteAll(m_held);
        m_held.clear();
    }
    std::unique_ptr<QProcess> startWorker(const QStringList& extra)
    {
        auto p = std::make_unique<QProcess>();
        p->setProcessChannelMode(QProcess::ForwardedErrorChannel); // its log lines explain a failure
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XMS_HOME"), m_home.path());
        p->setProcessEnvironment(env);
        p->start(QStringLiteral(XMS_CLI),
                 QStringList {QStringLiteral("worker"), QStringLiteral("--lease"), QStringLiteral("2")} + extra);
        return p;
    }
    static QString workerPrefix(const QProcess& p) { return QStringLiteral("worker-%1-").arg(p.processId()); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        qputenv("XMS_HOME", m_home.path().toUtf8());
        QVERIFY(m_stall.listen(QHostAddress::LocalHost));
        connect(&m_stall, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* s = m_stall.nextPendingConnection())
                m_held.append(s);
        });
        auto store = Store::openDefault();
        XMS_VERIFY_OK(store);
        m_jobs.emplace(*store);
        const QString suffix = QFileInfo(m_home.path()).fileName().toLower(); // the suite shares one keyring
        EnvironmentRecord env;
        env.name = QStringLiteral("stalled-vc-") + suffix;
        env.host = QStringLiteral("127.0.0.1");
        env.port = m_stall.serverPort();
        env.username = QStringLiteral("administrator@vsphere.local");
        XMS_VERIFY_OK(store->saveEnvironment(env));
        CloudRecord cloud;
        cloud.name = QStringLiteral("fence-cloud-") + suffix;
        cloud.authUrl = QStringLiteral("https://127.0.0.1:9/v3");
        cloud.username = QStringLiteral("admin");
        cloud.project = QStringLiteral("infra");
        XMS_VERIFY_OK(store->saveCloud(cloud));
        XMS_VERIFY_OK(
            xms::test::writeSecret(SecretStore::sourcePasswordKey(env.name), QStringLiteral("not-a-real-password")));
        XMS_VERIFY_OK(
            xms::test::writeSecret(SecretStore::cloudSecretKey(cloud), QStringLiteral("not-a-real-password")));
        m_spec = {{QStringLiteral("source"), env.name},
                  {QStringLiteral("vm"), QStringLiteral("web-01")},
                  {QStringLiteral("cloud"), cloud.name},
                  {QStringLiteral("project"), QStringLiteral("infra")},
                  {QStringLiteral("flavor"), QStringLiteral("m1.small")},
                  {QStringLiteral("volume_type"), QStringLiteral("ssd")}};
    }

    // Finding 2: a worker paused past its lease is declared dead and its job recovered by another worker;
    // when it runs again it must not write to that job — before, it kept its stage going and, when the
    // stalled export failed, overwrote the recovered job with its own failure.
    void pausedWorkerIsFencedAndWritesNothing()
    {
        auto job = m_jobs->create(m_spec);
        XMS_VERIFY_OK(job);
        auto a = startWorker({});
        QVERIFY(a->waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(m_jobs->job(job->id)->owner.startsWith(workerPrefix(*a)), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(!m_held.isEmpty(), 30000); // A is inside Export, waiting on vCenter
        QCOMPARE(m_jobs->job(job->id)->stage, Stage::Export);

        QCOMPARE(::kill(pid_t(a->processId()), SIGSTOP), 0);
        QTest::qWait(3000); // past A's 2 s lease
        auto b = startWorker({QStringLiteral("--until-idle")});
        QTRY_COMPARE_WITH_TIMEOUT(m_jobs->job(job->id)->stage, Stage::Failed, 60000);
        QVERIFY2(b->waitForFinished(60000), "the recovering worker did not exit when idle");
        const auto recovered = m_jobs->job(job->id);
        QCOMPARE(recovered->error.value(u"code").toString(), QStringLiteral("job.orphaned"));
        const qsizetype eventsAfterRecovery = m_jobs->events(job->id)->size();

        // A runs again, and its stalled export fails at once: it must stop without writing.
        QCOMPARE(::kill(pid_t(a->processId()), SIGCONT), 0);
        dropStalledConnections();
        QByteArray output;
        QTRY_VERIFY2_WITH_TIMEOUT((output += a->readAllStandardOutput()).contains("left to recovery"),
                                  output.constData(), 10000);
        QTest::qWait(1500);
        const auto after = m_jobs->job(job->id);
        QCOMPARE(after->stage, Stage::Failed);
        QCOMPARE(after->error.value(u"code").toString(), QStringLiteral("job.orphaned"));
        QCOMPARE(after->finishedAt, recovered->finishedAt);
        QCOMPARE(m_jobs->events(job->id)->size(), eventsAfterRecovery);

        ::kill(pid_t(a->processId()), SIGTERM);
        QVERIFY(a->waitForFinished(20000));
        QCOMPARE(a->exitStatus(), QProcess::NormalExit);
        QCOMPARE(a->exitCode(), 0);
    }

    // Finding 9: SIGTERM (systemd, kill) ends a worker gracefully: its running job fails with the reason,
    // after its cleanup, instead of being left owned by a dead process.
    void sigtermEndsTheRunningJobGracefully()
    {
        auto job = m_jobs->create(m_spec);
        XMS_VERIFY_OK(job);
        auto w = startWorker({});
        QVERIFY(w->waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(m_jobs->job(job->id)->owner.startsWith(workerPrefix(*w)), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(!m_held.isEmpty(), 30000);

        QCOMPARE(::kill(pid_t(w->processId()), SIGTERM), 0);
        QVERIFY2(w->waitForFinished(30000), "the worker did not stop within 30 s of SIGTERM");
        QCOMPARE(w->exitStatus(), QProcess::NormalExit);
        QCOMPARE(w->exitCode(), 0);
        QVERIFY(w->readAllStandardOutput().contains("worker: stopped"));
        dropStalledConnections();

        const auto j = m_jobs->job(job->id);
        QCOMPARE(j->stage, Stage::Failed);
        QCOMPARE(j->failedStage, Stage::Export);
        QVERIFY(j->owner.isEmpty());
        QCOMPARE(j->error.value(u"code").toString(), QStringLiteral("job.interrupted"));
        QVERIFY2(j->error.value(u"message").toString().contains(u"asked to stop (SIGTERM)"),
                 qPrintable(j->error.value(u"message").toString()));
        QStringList names;
        const QList<EventRecord> events = m_jobs->events(job->id).value();
        for (const EventRecord& e : events)
            names << e.name;
        QVERIFY2(names.contains(u"job.interrupted") && names.contains(u"export.failed"), qPrintable(names.join(u' ')));
    }

    // Finding 5: `--follow` (and `submit --wait`) used to follow a job whose worker died forever. It says
    // so and starts a worker, which recovers the job; the follower then ends with the job.
    void followerStartsAWorkerForAJobWhoseOwnerDied()
    {
        auto job = m_jobs->create(m_spec);
        XMS_VERIFY_OK(job);
        const JobLease dead = m_jobs->claim(job->id, QStringLiteral("worker-999999-dead"), 1)->value();
        XMS_VERIFY_OK(m_jobs->setStage(dead, Stage::Export));
        QTest::qWait(1200);

        QProcess follow;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XMS_HOME"), m_home.path());
        env.insert(QStringLiteral("XMS_CLI"), QStringLiteral(XMS_CLI)); // the worker it starts
        follow.setProcessEnvironment(env);
        follow.start(QStringLiteral(XMS_CLI),
                     {QStringLiteral("migration"), QStringLiteral("events"), QStringLiteral("--job"), job->id.left(8),
                      QStringLiteral("--follow")});
        QVERIFY2(follow.waitForFinished(90000), "the follower did not end with the recovered job");
        const QString out = QString::fromUtf8(follow.readAllStandardOutput());
        QCOMPARE(follow.exitCode(), 5); // the job failed
        QVERIFY2(out.contains(u"The worker running this job stopped (worker-999999-dead: its lease expired at")
                     && out.contains(u"Started a worker to recover it."),
                 qPrintable(out));
        QVERIFY2(out.contains(u"job.orphaned"), qPrintable(out));
        QCOMPARE(m_jobs->job(job->id)->error.value(u"code").toString(), QStringLiteral("job.orphaned"));
    }
};

QTEST_GUILESS_MAIN(TestWorkerFencing)
#include "tst_workerfencing.moc"
