// Recovery without luck (issue 12): a job whose worker died — or one queued with no worker — must not wait
// for someone to happen to start a worker. jobcontrol::recoverStalled (what `--wait`/`--follow` and the
// desktop's JobWatcher call every few seconds) starts one. XMS_CLI points at a stand-in `xms` that records
// how it was started, so the test sees the launch itself; the real recovery by a real worker is the fault
// matrix's (tests/lab/faults).
#include "services/jobcontrol.h"
#include "services/jobwatcher.h"
#include "store/jobstore.h"
#include "teststore.h"
#include "testutil.h"

#include <QFile>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace xms;
using namespace Qt::StringLiterals;

class TestStallRecovery : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::optional<JobStore> m_jobs;
    std::optional<StoreLocation> m_where;
    QString m_started; // the stand-in writes its arguments here

    // A worker that claimed `id` and then died: its heartbeat is old, the job's lease has run out.
    void deadWorkerOwns(const QString& id)
    {
        QVERIFY(m_jobs->registerWorker(u"dead-worker"_s, 999999));
        auto lease = m_jobs->claim(id, u"dead-worker"_s, 1);
        XMS_VERIFY_OK(lease);
        QVERIFY(lease->has_value());
        QSqlDatabase raw = test::rawConnection(*m_where);
        QSqlQuery q(raw);
        QVERIFY(q.exec(u"UPDATE workers SET heartbeat_at = '2000-01-01T00:00:00.000Z'"_s));
        QTest::qWait(1300); // the lease (1 s) runs out
    }

    QString startedWith() const
    {
        QFile f(m_started);
        return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()).trimmed() : QString();
    }

private slots:
    void init()
    {
        auto where = test::freshStoreLocation(m_dir.path(), QLatin1StringView(QTest::currentTestFunction()));
        XMS_VERIFY_OK(where);
        m_where = *where;
        auto store = Store::open(*where, test::storePassword(*where));
        XMS_VERIFY_OK(store);
        m_jobs.emplace(*store);
        m_started = m_dir.filePath(QLatin1StringView(QTest::currentTestFunction()) + u".started"_s);
        const QString fake = m_dir.filePath(u"xms"_s);
        QFile f(fake);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("#!/bin/sh\necho \"$@\" > \"$XMS_TEST_STARTED\"\n");
        f.close();
        QVERIFY(f.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        qputenv("XMS_CLI", QFile::encodeName(fake));
        qputenv("XMS_TEST_STARTED", QFile::encodeName(m_started));
        qputenv("XMS_HOME", QFile::encodeName(m_dir.filePath(u"home"_s)));
    }

    void nothingToDoStartsNothing()
    {
        auto c = jobcontrol::recoverStalled(*m_jobs);
        XMS_VERIFY_OK(c);
        QVERIFY(!c->startedWorker);
        QVERIFY(c->ownerLost.isEmpty());
        QTest::qWait(300);
        QVERIFY(!QFile::exists(m_started));
    }

    void deadOwnersJobGetsAWorker()
    {
        auto job = m_jobs->create(QJsonObject {{u"vm"_s, u"web-1"_s}});
        XMS_VERIFY_OK(job);
        deadWorkerOwns(job->id);
        if (QTest::currentTestFailed())
            return;
        auto c = jobcontrol::recoverStalled(*m_jobs);
        XMS_VERIFY_OK(c);
        QCOMPARE(c->ownerLost, QStringList {job->id});
        QVERIFY(c->startedWorker);
        QVERIFY(QTest::qWaitFor([&] { return !startedWith().isEmpty(); }, 5000));
        QCOMPARE(startedWith(), u"worker --until-idle"_s);
    }

    void queuedJobWithoutWorkerGetsOne()
    {
        XMS_VERIFY_OK(m_jobs->create(QJsonObject {{u"vm"_s, u"web-2"_s}}));
        auto c = jobcontrol::recoverStalled(*m_jobs);
        XMS_VERIFY_OK(c);
        QCOMPARE(c->queued, 1);
        QVERIFY(c->startedWorker);
        QVERIFY(QTest::qWaitFor([&] { return startedWith() == u"worker --until-idle"; }, 5000));
    }

    // A live worker recovers orphans itself: nobody starts a second one.
    void liveWorkerMeansNoLaunch()
    {
        auto job = m_jobs->create(QJsonObject {{u"vm"_s, u"web-3"_s}});
        XMS_VERIFY_OK(job);
        deadWorkerOwns(job->id);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(m_jobs->registerWorker(u"live-worker"_s, 1234));
        auto c = jobcontrol::recoverStalled(*m_jobs);
        XMS_VERIFY_OK(c);
        QCOMPARE(c->ownerLost, QStringList {job->id});
        QVERIFY(!c->startedWorker);
        QTest::qWait(300);
        QVERIFY(!QFile::exists(m_started));
    }

    void missingProgramIsAClearError()
    {
        XMS_VERIFY_OK(m_jobs->create(QJsonObject {{u"vm"_s, u"web-4"_s}}));
        qputenv("XMS_CLI", QFile::encodeName(m_dir.filePath(u"no-such-xms"_s)));
        auto c = jobcontrol::recoverStalled(*m_jobs);
        QVERIFY(!c);
        QVERIFY2(c.error().message.contains(u"no-such-xms"_s) && c.error().message.contains(u"XMS_CLI"_s),
                 qPrintable(c.error().message));
    }

    // The desktop: its watcher notices the dead owner on its own and says it started a worker.
    void watcherStartsAWorkerForADeadOwner()
    {
        auto job = m_jobs->create(QJsonObject {{u"vm"_s, u"web-5"_s}});
        XMS_VERIFY_OK(job);
        deadWorkerOwns(job->id);
        if (QTest::currentTestFailed())
            return;
        JobWatcher w(*m_jobs);
        w.setRecoverStalled(true);
        QSignalSpy started(&w, &JobWatcher::workerStarted);
        w.start();
        QVERIFY(started.wait(5000));
        QCOMPARE(started.first().at(0).toInt(), 1); // one job had lost its owner
        QVERIFY(QTest::qWaitFor([&] { return startedWith() == u"worker --until-idle"; }, 5000));
    }

    // Off by default (a viewer that only reads never launches anything).
    void watcherWithoutRecoveryLaunchesNothing()
    {
        XMS_VERIFY_OK(m_jobs->create(QJsonObject {{u"vm"_s, u"web-6"_s}}));
        JobWatcher w(*m_jobs);
        QSignalSpy started(&w, &JobWatcher::workerStarted);
        QSignalSpy changed(&w, &JobWatcher::jobsChanged);
        w.start();
        QVERIFY(changed.wait(5000));
        QTest::qWait(500);
        QCOMPARE(started.size(), 0);
        QVERIFY(!QFile::exists(m_started));
    }
};

QTEST_GUILESS_MAIN(TestStallRecovery)
#include "tst_stallrecovery.moc"
