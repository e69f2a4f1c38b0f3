#include "store/jobstore.h"
#include "testutil.h"

#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace xms;

class TestJobStore : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::optional<JobStore> m_jobs;

private slots:
    void init()
    {
        auto store = Store::open(
            m_dir.filePath(QStringLiteral("%1.sqlite").arg(QLatin1StringView(QTest::currentTestFunction()))));
        XMS_VERIFY_OK(store);
        m_jobs.emplace(*store);
    }

    void createFindByPrefix()
    {
        auto a = m_jobs->create(QJsonObject {{QStringLiteral("vm"), QStringLiteral("web-1")}});
        XMS_VERIFY_OK(a);
        QCOMPARE(a->stage, Stage::Queued);
        QCOMPARE(a->spec.value(u"vm").toString(), QStringLiteral("web-1"));
        QCOMPARE(a->bytesTotal, 0); // unknown
        auto b = m_jobs->create(QJsonObject {}, 5LL << 30);
        QCOMPARE(b->seq, a->seq + 1);
        QCOMPARE(b->bytesTotal, 5LL << 30);
        QCOMPARE(m_jobs->job(a->id.left(8))->id, a->id);
        QCOMPARE(m_jobs->job(QStringLiteral("zzzzzzzz")).error().code, QStringLiteral("job.not_found"));
        QCOMPARE(m_jobs->job(QStringLiteral("ab")).error().code, QStringLiteral("job.not_found")); // too short
        QCOMPARE(m_jobs->queued().value(), (QStringList {a->id, b->id}));
    }

    void prefixWildcardsAreLiteral()
    {
        // Ids are UUIDs (hex and '-'): "____" or "%%%%" must match no job, not every job.
        auto a = m_jobs->create({});
        XMS_VERIFY_OK(a);
        for (const QString& wild :
             QStringList {QStringLiteral("____"), QStringLiteral("%%%%"), QStringLiteral("%"),
                          QString(a->id.left(3) + u'_'), QString(a->id.left(7) + u'%'), QStringLiteral("\\\\\\\\")})
            QCOMPARE(m_jobs->job(wild).error().code, QStringLiteral("job.not_found"));
        QCOMPARE(m_jobs->job(a->id.left(4))->id, a->id);
    }

    void onlyOneClaimWins()
    {
        auto a = m_jobs->create({});
        QCOMPARE(m_jobs->claim(a->id, QStringLiteral("w1")).value(), true);
        QCOMPARE(m_jobs->claim(a->id, QStringLiteral("w2")).value(), false);
        QCOMPARE(m_jobs->job(a->id)->owner, QStringLiteral("w1"));
        QVERIFY(m_jobs->queued()->isEmpty());
    }

    void progressEventsAndEnd()
    {
        auto a = m_jobs->create({});
        XMS_VERIFY_OK(m_jobs->setStage(a->id, Stage::Export, Text::literal(QStringLiteral("Exporting"))));
        XMS_VERIFY_OK(m_jobs->setProgress(a->id, Stage::Export, {40, 400, 1000}));
        XMS_VERIFY_OK(m_jobs->setProgress(a->id, Stage::Export, {50, 500, 1000}));
        auto j = m_jobs->job(a->id);
        QCOMPARE(j->stage, Stage::Export);
        QCOMPARE(j->progress.value(Stage::Export).percent, 50);
        QCOMPARE(j->progress.value(Stage::Export).bytesDone, 500);

        EventRecord e;
        e.jobId = a->id;
        e.stage = Stage::Export;
        e.name = QStringLiteral("export.started");
        e.message = QStringLiteral("Export session open");
        e.data = {{QStringLiteral("disks"), 2}};
        auto id1 = m_jobs->appendEvent(e);
        e.name = QStringLiteral("export.progress");
        auto id2 = m_jobs->appendEvent(e);
        QVERIFY(*id2 > *id1);
        auto all = m_jobs->events(a->id);
        QCOMPARE(all->size(), 2);
        QCOMPARE(all->at(0).data.value(u"disks").toInt(), 2);
        auto after = m_jobs->events(a->id, *id1);
        QCOMPARE(after->size(), 1);
        QCOMPARE(after->at(0).name, QStringLiteral("export.progress"));

        XMS_VERIFY_OK(m_jobs->setEnded(a->id, Stage::Failed, Stage::Export,
                                       {{QStringLiteral("message"), QStringLiteral("boom")}},
                                       Text::literal(QStringLiteral("boom"))));
        j = m_jobs->job(a->id);
        QCOMPARE(j->stage, Stage::Failed);
        QCOMPARE(j->failedStage, Stage::Export);
        QCOMPARE(j->error.value(u"message").toString(), QStringLiteral("boom"));
        QVERIFY(j->owner.isEmpty());

        XMS_VERIFY_OK(m_jobs->requeue(a->id));
        j = m_jobs->job(a->id);
        QCOMPARE(j->stage, Stage::Queued);
        QCOMPARE(j->attempt, 2);
        QVERIFY(j->progress.isEmpty());
        QCOMPARE(m_jobs->events(a->id)->size(), 2); // the history stays
    }

    void ledgerRecordsBeforeCreate()
    {
        auto a = m_jobs->create({});
        LedgerEntry l;
        l.jobId = a->id;
        l.kind = QStringLiteral("volume");
        l.cloud = QStringLiteral("lab");
        l.project = QStringLiteral("infra");
        l.name = QStringLiteral("xms-") + a->id.left(8) + QStringLiteral("-disk0");
        auto id = m_jobs->ledgerAdd(l);
        XMS_VERIFY_OK(id);
        QCOMPARE(m_jobs->ledger(a->id)->at(0).state, QStringLiteral("creating"));
        XMS_VERIFY_OK(m_jobs->ledgerSetResource(*id, QStringLiteral("vol-123")));
        QCOMPARE(m_jobs->ledger(a->id)->at(0).resourceId, QStringLiteral("vol-123"));
        QCOMPARE(m_jobs->ledger(a->id)->at(0).state, QStringLiteral("created"));
        XMS_VERIFY_OK(m_jobs->ledgerSetState(*id, QStringLiteral("deleted")));
        QVERIFY(m_jobs->ledger(a->id)->at(0).deletedAt.isValid());
    }

    void orphanedAfterHeartbeatStops()
    {
        auto a = m_jobs->create({});
        QVERIFY(*m_jobs->claim(a->id, QStringLiteral("w1")));
        XMS_VERIFY_OK(m_jobs->setStage(a->id, Stage::WriteVolume));
        QVERIFY(m_jobs->orphaned(60)->isEmpty());
        QThread::msleep(1100);
        QCOMPARE(m_jobs->orphaned(1).value(), QStringList {a->id});
        XMS_VERIFY_OK(m_jobs->heartbeat(QStringLiteral("w1")));
        QVERIFY(m_jobs->orphaned(1)->isEmpty());
    }

    void cancelFlag()
    {
        auto a = m_jobs->create({});
        QCOMPARE(m_jobs->cancelRequested(a->id).value(), false);
        XMS_VERIFY_OK(m_jobs->requestCancel(a->id));
        QCOMPARE(m_jobs->cancelRequested(a->id).value(), true);
        QVERIFY(m_jobs->queued()->isEmpty()); // a cancelled queued job is not picked up
    }

    void workers()
    {
        XMS_VERIFY_OK(m_jobs->registerWorker(QStringLiteral("w1"), 123));
        QCOMPARE(m_jobs->liveWorkers(30).value(), 1);
        XMS_VERIFY_OK(m_jobs->unregisterWorker(QStringLiteral("w1")));
        QCOMPARE(m_jobs->liveWorkers(30).value(), 0);
    }
};

QTEST_GUILESS_MAIN(TestJobStore)
#include "tst_jobstore.moc"
