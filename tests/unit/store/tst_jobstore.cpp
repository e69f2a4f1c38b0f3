#include "common/paths.h"
#include "store/jobstore.h"
#include "store/schema.h"
#include "teststore.h"
#include "testutil.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QSet>
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
        auto store = test::openFreshStore(m_dir.path(), QLatin1StringView(QTest::currentTestFunction()));
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
        const auto first = m_jobs->claim(a->id, QStringLiteral("w1"));
        XMS_VERIFY_OK(first);
        QVERIFY(first->has_value());
        QCOMPARE((*first)->jobId, a->id);
        QVERIFY((*first)->owned());
        QVERIFY(!m_jobs->claim(a->id, QStringLiteral("w2")).value().has_value());
        QCOMPARE(m_jobs->job(a->id)->owner, QStringLiteral("w1"));
        QVERIFY(m_jobs->job(a->id)->leaseExpiresAt > QDateTime::currentDateTimeUtc());
        QVERIFY(m_jobs->queued()->isEmpty());
    }

    // Finding 2: every write of a job's state is conditional on its owner's lease. A stale or foreign token
    // — a worker that was paused past its lease — changes nothing, and says why.
    void leaseFencesEveryWrite()
    {
        auto a = m_jobs->create({});
        const JobLease lease = m_jobs->claim(a->id, QStringLiteral("w1"), 1)->value();
        XMS_VERIFY_OK(m_jobs->setStage(lease, Stage::Export, Text::literal(QStringLiteral("Exporting"))));
        LedgerEntry l;
        l.jobId = a->id;
        l.kind = QStringLiteral("volume");
        l.name = QStringLiteral("xms-vol");
        const auto entry = m_jobs->ledgerAdd(lease, l);
        XMS_VERIFY_OK(entry);

        // While w1 owns it, nobody else writes it: not the operator's bare id, not a made-up token.
        QCOMPARE(m_jobs->setStage(a->id, Stage::Failed).error().code, QStringLiteral("job.owned"));
        const JobLease forged(a->id, QStringLiteral("not-the-token"));
        QCOMPARE(m_jobs->setStage(forged, Stage::Finalize).error().code, QStringLiteral("job.lease_lost"));

        QThread::msleep(1100); // w1 is paused past its lease
        EventRecord e;
        e.jobId = a->id;
        e.name = QStringLiteral("export.progress");
        const QString lost = QStringLiteral("job.lease_lost");
        QCOMPARE(m_jobs->setStage(lease, Stage::WriteVolume).error().code, lost);
        QCOMPARE(m_jobs->setProgress(lease, Stage::Export, {90, 9, 10}).error().code, lost);
        QCOMPARE(m_jobs->setTransfer(lease, 9, 10, 1.0, 1).error().code, lost);
        QCOMPARE(m_jobs->setCheckpoint(lease, {{QStringLiteral("a"), 1}}).error().code, lost);
        QCOMPARE(m_jobs->appendEvent(lease, e).error().code, lost);
        QCOMPARE(m_jobs->ledgerAdd(lease, l).error().code, lost);
        QCOMPARE(m_jobs->ledgerSetResource(lease, *entry, QStringLiteral("vol-1")).error().code, lost);
        QCOMPARE(m_jobs->ledgerSetState(lease, *entry, QStringLiteral("deleted")).error().code, lost);
        QCOMPARE(m_jobs->renew(lease, 30).error().code, lost);
        QCOMPARE(m_jobs->setEnded(lease, Stage::Completed, Stage::Finalize, {}, {}).error().code, lost);
        const Error message = m_jobs->setStage(lease, Stage::WriteVolume).error();
        QVERIFY2(message.message.contains(u"no longer owns job " + a->id.left(8)), qPrintable(message.message));

        auto j = m_jobs->job(a->id);
        QCOMPARE(j->stage, Stage::Export);
        QVERIFY(j->progress.isEmpty());
        QVERIFY(j->checkpoint.isEmpty());
        QVERIFY(m_jobs->events(a->id)->isEmpty());
        QCOMPARE(m_jobs->ledger(a->id)->size(), 1);
        QCOMPARE(m_jobs->ledger(a->id)->at(0).state, QStringLiteral("creating"));

        // Recovery: w2 takes it over with a new token; w3 then cannot (w2's lease is live).
        QCOMPARE(m_jobs->orphaned().value(), QStringList {a->id});
        const auto taken = m_jobs->takeOver(a->id, QStringLiteral("w2"), 30);
        XMS_VERIFY_OK(taken);
        QVERIFY(taken->has_value());
        QVERIFY((*taken)->token != lease.token);
        QVERIFY(!m_jobs->takeOver(a->id, QStringLiteral("w3"), 30).value().has_value());
        QVERIFY(m_jobs->orphaned()->isEmpty());
        XMS_VERIFY_OK(m_jobs->ledgerSetState(**taken, *entry, QStringLiteral("deleted")));
        QCOMPARE(m_jobs->setStage(lease, Stage::WriteVolume).error().code, lost); // w1 stays fenced
        XMS_VERIFY_OK(m_jobs->renew(**taken, 30));
    }

    // Finding 1: a completed job's end and the marks that keep its resources are one transaction.
    void completedEndKeepsItsResources()
    {
        auto a = m_jobs->create({});
        const JobLease lease = m_jobs->claim(a->id, QStringLiteral("w1"))->value();
        LedgerEntry l;
        l.jobId = a->id;
        l.kind = QStringLiteral("server");
        l.name = QStringLiteral("xms-server");
        const qint64 server = *m_jobs->ledgerAdd(lease, l);
        XMS_VERIFY_OK(m_jobs->ledgerSetResource(lease, server, QStringLiteral("srv-1")));
        l.kind = QStringLiteral("image");
        l.name = QStringLiteral("xms-image");
        const qint64 image = *m_jobs->ledgerAdd(lease, l);
        XMS_VERIFY_OK(m_jobs->ledgerSetResource(lease, image, QStringLiteral("img-1")));
        XMS_VERIFY_OK(m_jobs->ledgerSetState(lease, image, QStringLiteral("deleted")));

        EventRecord e;
        e.jobId = a->id;
        e.stage = Stage::Completed;
        e.name = QStringLiteral("migration.completed");
        e.text = Text::literal(QStringLiteral("done"));
        const JobEnd how {Stage::Completed,
                          Stage::Finalize,
                          {{QStringLiteral("server_id"), QStringLiteral("srv-1")}},
                          Text::literal(QStringLiteral("Completed")),
                          e};
        // With a stale token nothing of it happens.
        QCOMPARE(m_jobs->end(JobLease(a->id, QStringLiteral("stale")), how).error().code,
                 QStringLiteral("job.lease_lost"));
        QCOMPARE(m_jobs->job(a->id)->stage, Stage::Queued);
        QVERIFY(m_jobs->events(a->id)->isEmpty());
        QCOMPARE(m_jobs->ledger(a->id)->at(0).state, QStringLiteral("created"));

        XMS_VERIFY_OK(m_jobs->end(lease, how));
        const auto j = m_jobs->job(a->id);
        QCOMPARE(j->stage, Stage::Completed);
        QVERIFY(j->owner.isEmpty());
        QCOMPARE(j->result.value(u"server_id").toString(), QStringLiteral("srv-1"));
        QCOMPARE(m_jobs->events(a->id)->size(), 1);
        QCOMPARE(m_jobs->events(a->id)->at(0).name, QStringLiteral("migration.completed"));
        QCOMPARE(m_jobs->ledger(a->id)->at(0).state, QStringLiteral("kept"));
        QCOMPARE(m_jobs->ledger(a->id)->at(1).state, QStringLiteral("deleted"));
        QCOMPARE(m_jobs->end(lease, how).error().code, QStringLiteral("job.lease_lost")); // ends once
    }

    // Finding 6: requeue is one transaction, and only for an ended job no worker holds.
    void requeueOnlyEndedUnownedJobs()
    {
        auto a = m_jobs->create({});
        QCOMPARE(m_jobs->requeue(a->id).error().code, QStringLiteral("usage.retry")); // still queued
        const JobLease lease = m_jobs->claim(a->id, QStringLiteral("w1"))->value();
        XMS_VERIFY_OK(m_jobs->setProgress(lease, Stage::Export, {50, 5, 10}));
        QCOMPARE(m_jobs->requeue(a->id).error().code, QStringLiteral("usage.retry")); // running
        QCOMPARE(m_jobs->job(a->id)->progress.size(), 1); // nothing of it happened
        XMS_VERIFY_OK(m_jobs->setCheckpoint(lease, {{QStringLiteral("disks"), 1}}));
        XMS_VERIFY_OK(m_jobs->setEnded(lease, Stage::Failed, Stage::WriteVolume, {}, {}));
        XMS_VERIFY_OK(m_jobs->requeue(a->id));
        auto j = m_jobs->job(a->id);
        QCOMPARE(j->attempt, 2);
        QVERIFY(j->progress.isEmpty());
        QCOMPARE(j->checkpoint.value(u"disks").toInt(), 1); // kept for a resume
        XMS_VERIFY_OK(m_jobs->setEnded(m_jobs->claim(a->id, QStringLiteral("w1"))->value(), Stage::Failed,
                                       Stage::WriteVolume, {}, {}));
        XMS_VERIFY_OK(m_jobs->requeue(a->id, true));
        QVERIFY(m_jobs->job(a->id)->checkpoint.isEmpty());
    }

    // Finding 6: the schema version is read inside the migration's transaction — several processes opening
    // an old database at once all succeed (before, the later ones re-ran a step: "duplicate column").
    void concurrentMigrationsOfAnOldDatabase()
    {
        auto where = test::freshStoreLocation(m_dir.path(), QStringLiteral("old"));
        XMS_VERIFY_OK(where);
        const QString password = test::storePassword(*where);
        {
            XMS_VERIFY_OK(Store::open(*where, password));
            QSqlDatabase raw = test::rawConnection(*where);
            QSqlQuery q(raw);
            // Back to schema 4: step 5 adds jobs.worker_host and the export_slots table.
            QVERIFY(q.exec(QStringLiteral("DROP TABLE export_slots")));
            QVERIFY(q.exec(QStringLiteral("ALTER TABLE jobs DROP COLUMN worker_host")));
            QVERIFY(test::setSchemaVersion(raw, 4));
        }
        QList<QThread*> threads;
        QList<Status> results(4);
        for (int i = 0; i < 4; ++i) {
            threads.append(QThread::create([&results, i, at = *where, password] {
                auto s = Store::open(at, password);
                results[i] = s ? Status() : Status(std::unexpected(s.error()));
            }));
            threads.last()->start();
        }
        for (QThread* t : threads) {
            QVERIFY(t->wait(20000));
            delete t;
        }
        for (const Status& r : results)
            XMS_VERIFY_OK(r);
        QSqlDatabase raw = test::rawConnection(*where);
        QCOMPARE(test::schemaVersion(raw), schema::latestVersion());
        QSqlQuery q(raw);
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM export_slots")));
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
        auto id = m_jobs->ledgerAdd(a->id, l);
        XMS_VERIFY_OK(id);
        QCOMPARE(m_jobs->ledger(a->id)->at(0).state, QStringLiteral("creating"));
        XMS_VERIFY_OK(m_jobs->ledgerSetResource(a->id, *id, QStringLiteral("vol-123")));
        QCOMPARE(m_jobs->ledger(a->id)->at(0).resourceId, QStringLiteral("vol-123"));
        QCOMPARE(m_jobs->ledger(a->id)->at(0).state, QStringLiteral("created"));
        XMS_VERIFY_OK(m_jobs->ledgerSetState(a->id, *id, QStringLiteral("deleted")));
        QVERIFY(m_jobs->ledger(a->id)->at(0).deletedAt.isValid());
    }

    void orphanedWhenTheLeaseExpires()
    {
        auto a = m_jobs->create({});
        const JobLease lease = m_jobs->claim(a->id, QStringLiteral("w1"), 1)->value();
        XMS_VERIFY_OK(m_jobs->setStage(lease, Stage::WriteVolume));
        QVERIFY(m_jobs->orphaned()->isEmpty());
        XMS_VERIFY_OK(m_jobs->renew(lease, 60)); // renewed in time: stays w1's
        QThread::msleep(1100);
        QVERIFY(m_jobs->orphaned()->isEmpty());
        QVERIFY(!m_jobs->takeOver(a->id, QStringLiteral("w2"), 30).value().has_value()); // live lease
        XMS_VERIFY_OK(m_jobs->setEnded(lease, Stage::Failed, Stage::WriteVolume, {}, {}));
        QVERIFY(m_jobs->orphaned()->isEmpty()); // ended jobs are nobody's orphans
    }

    void cancelFlag()
    {
        auto a = m_jobs->create({});
        QCOMPARE(m_jobs->cancelRequested(a->id).value(), false);
        XMS_VERIFY_OK(m_jobs->requestCancel(a->id));
        QCOMPARE(m_jobs->cancelRequested(a->id).value(), true);
        QVERIFY(m_jobs->queued()->isEmpty()); // a cancelled queued job is not picked up
    }

    // Many workers claiming at once (threads here, hosts on PostgreSQL): every job exactly once, the
    // oldest first, a skipped or cancelled job never.
    void claimNextFromManyWorkersAtOnce()
    {
        QStringList ids;
        for (int i = 0; i < 60; ++i)
            ids << m_jobs->create({})->id;
        XMS_VERIFY_OK(m_jobs->requestCancel(ids.last()));
        auto first = m_jobs->claimNext(QStringLiteral("w0"), 30, {ids.at(0)});
        XMS_VERIFY_OK(first);
        QCOMPARE(first->value().jobId, ids.at(1)); // the oldest not skipped
        QCOMPARE(m_jobs->job(ids.at(1))->workerHost, paths::hostName());

        constexpr int kWorkers = 6;
        QList<QStringList> claimed(kWorkers);
        QList<QString> errors(kWorkers);
        QList<QThread*> threads;
        JobStore jobs = *m_jobs;
        for (int w = 0; w < kWorkers; ++w) {
            threads.append(QThread::create([&claimed, &errors, w, jobs]() mutable {
                while (true) {
                    auto got = jobs.claimNext(QStringLiteral("w%1").arg(w + 1), 30);
                    if (!got) {
                        errors[w] = got.error().toString();
                        return;
                    }
                    if (!*got)
                        return;
                    claimed[w] << (*got)->jobId;
                }
            }));
            threads.last()->start();
        }
        for (QThread* t : threads) {
            QVERIFY(t->wait(60000));
            delete t;
        }
        QStringList all {ids.at(1)};
        int busyWorkers = 0;
        for (int w = 0; w < kWorkers; ++w) {
            QVERIFY2(errors[w].isEmpty(), qPrintable(errors[w]));
            all << claimed[w];
            busyWorkers += claimed[w].isEmpty() ? 0 : 1;
        }
        qInfo() << "claims per worker:" << [&] {
            QStringList n;
            for (const QStringList& c : std::as_const(claimed))
                n << QString::number(c.size());
            return n.join(u' ');
        }();
        QCOMPARE(QSet<QString>(all.begin(), all.end()).size(), all.size()); // no job twice
        QStringList expected = ids.mid(0, 59); // all but the cancelled one, the skipped one included
        std::sort(all.begin(), all.end());
        std::sort(expected.begin(), expected.end());
        QCOMPARE(all, expected);
        QVERIFY(busyWorkers >= 2); // they claimed side by side, not one after another
        QVERIFY(!m_jobs->claimNext(QStringLiteral("late"), 30)->has_value());

        const QString x = m_jobs->create({})->id, y = m_jobs->create({})->id;
        QVERIFY(!m_jobs->claimNext(QStringLiteral("picky"), 30, {x, y})->has_value());
        QCOMPARE(m_jobs->claimNext(QStringLiteral("picky"), 30, {x})->value().jobId, y);
        QCOMPARE(m_jobs->claimNext(QStringLiteral("any"), 30)->value().jobId, x);
    }

    // Export slots on one ESXi host count every worker's jobs, and a dead worker's slot frees itself.
    void exportSlotsAcrossWorkers()
    {
        QList<JobLease> leases;
        for (int i = 0; i < 3; ++i) {
            auto j = m_jobs->create({});
            leases << m_jobs->claim(j->id, QStringLiteral("w%1").arg(i), i == 0 ? 2 : 60)->value();
        }
        const QString esx = QStringLiteral("esx-01.example");
        QCOMPARE(m_jobs->acquireExportSlot(leases[0], esx, 2).value(), true);
        QCOMPARE(m_jobs->acquireExportSlot(leases[0], esx, 2).value(), true); // its own slot again
        QCOMPARE(m_jobs->acquireExportSlot(leases[1], esx, 2).value(), true);
        QCOMPARE(m_jobs->acquireExportSlot(leases[2], esx, 2).value(), false); // full
        QCOMPARE(m_jobs->acquireExportSlot(leases[2], QStringLiteral("esx-02"), 2).value(), true); // another host
        XMS_VERIFY_OK(m_jobs->releaseExportSlot(leases[2]));
        QCOMPARE(m_jobs->exportSlotsInUse(esx).value(), 2);
        // A slot whose holder no longer owns its job cannot be taken by it: the lease is checked.
        auto stranger = m_jobs->acquireExportSlot(JobLease(leases[2].jobId, QStringLiteral("not-the-token")), esx, 9);
        QVERIFY(!stranger);
        QCOMPARE(stranger.error().code, QStringLiteral("job.lease_lost"));
        QThread::msleep(2100); // job 0's worker "died": its 2 s lease ran out
        QCOMPARE(m_jobs->exportSlotsInUse(esx).value(), 1);
        QCOMPARE(m_jobs->acquireExportSlot(leases[2], esx, 2).value(), true);
        XMS_VERIFY_OK(m_jobs->setEnded(leases[1], Stage::Failed, Stage::Export, {}, {})); // ending frees it
        QCOMPARE(m_jobs->exportSlotsInUse(esx).value(), 1);
    }

    // The list a watcher reads four times a second carries each job's stage progress (read in one go).
    void listCarriesEveryJobsProgress()
    {
        QStringList ids;
        for (int i = 0; i < 3; ++i)
            ids << m_jobs->create({})->id;
        XMS_VERIFY_OK(m_jobs->setProgress(ids[0], Stage::Export, {40, 400, 1000}));
        XMS_VERIFY_OK(m_jobs->setProgress(ids[2], Stage::Export, {100, 1000, 1000}));
        XMS_VERIFY_OK(m_jobs->setProgress(ids[2], Stage::Inspect, {10, 0, 0}));
        const QList<JobRecord> all = m_jobs->jobs(2).value(); // the newest two
        QCOMPARE(all.size(), 2);
        QCOMPARE(all[0].id, ids[2]);
        QCOMPARE(all[0].progress.value(Stage::Export).percent, 100);
        QCOMPARE(all[0].progress.value(Stage::Inspect).percent, 10);
        QCOMPARE(all[1].id, ids[1]);
        QVERIFY(all[1].progress.isEmpty());
        QCOMPARE(m_jobs->jobs(3)->at(2).progress.value(Stage::Export).bytesDone, 400);
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
