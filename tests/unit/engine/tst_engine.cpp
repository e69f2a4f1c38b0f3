// Engine mechanics with stand-in stages (the real stages are proven against the lab in tests/lab).
#include "common/errorcodes.h"
#include "engine/engine.h"
#include "testutil.h"

#include <QDir>
#include <QJsonArray>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace xms;
using namespace Qt::StringLiterals;

namespace {

struct Script
{
    Stage failAt = Stage::Queued; // Queued = never fail
    bool hangAt = false; // the Write Volume stage never ends by itself
    int* concurrent = nullptr;
    int* peak = nullptr;
    QByteArray* written = nullptr; // what Write Volume read from the staged disk
    int* cancels = nullptr; // counts cancel() calls
};

class FakeStage : public StageRunner
{
public:
    FakeStage(Stage s, Script script, QObject* parent)
        : StageRunner(parent)
        , m_stage(s)
        , m_script(script)
    {
    }
    Stage stage() const override { return m_stage; }
    void start(JobContext* ctx) override
    {
        if (m_stage == Stage::Export) {
            ++*m_script.concurrent;
            *m_script.peak = std::max(*m_script.peak, *m_script.concurrent);
            QFile f(QDir(ctx->stagingDir).filePath(QStringLiteral("disk-0.raw")));
            QVERIFY(f.open(QIODevice::WriteOnly)); // staging must exist and be writable
            f.write("exported by attempt " + QByteArray::number(ctx->attempt));
            vsphere::ExportedDisk disk;
            disk.path = f.fileName();
            ctx->exported.disks = {disk};
            ctx->vm.name = ctx->spec.vm;
            emit event(EventLevel::Info, QStringLiteral("export.started"), Text::literal(QStringLiteral("lease open")),
                       {});
        }
        if (m_stage == Stage::GuestFixes)
            ctx->imageProperties = QJsonObject {{QStringLiteral("hw_disk_bus"), QStringLiteral("virtio")}};
        if (m_stage == Stage::WriteVolume && m_script.written) {
            QFile f(ctx->stagingDisks().value(0));
            *m_script.written = f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("(no disk)");
            QCOMPARE(ctx->imageProperties.value(u"hw_disk_bus").toString(), QStringLiteral("virtio"));
            QCOMPARE(ctx->vm.name, ctx->spec.vm);
        }
        if (m_stage == Stage::WriteVolume) {
            auto id = ctx->ledger->record(QStringLiteral("volume"), ctx->resourceName(QStringLiteral("disk0")));
            QVERIFY(id.has_value());
        }
        if (m_stage == Stage::WriteVolume && m_script.hangAt) {
            emit progress(10, 100, 1000);
            return; // waits for cancel()
        }
        for (int i = 1; i <= 4; ++i)
            QTimer::singleShot(i * 20, this, [this, i] { emit progress(i * 25, i * 250, 1000); });
        QTimer::singleShot(100, this, [this] {
            if (m_stage == Stage::Export)
                --*m_script.concurrent;
            if (m_stage == m_script.failAt)
                emit finished(fail(QStringLiteral("test.boom"), QStringLiteral("Boom in %1").arg(stageName(m_stage))));
            else
                emit finished({});
        });
    }
    void cancel() override
    {
        if (m_script.cancels)
            ++*m_script.cancels;
        QTimer::singleShot(
            10, this, [this] { emit finished(fail(QStringLiteral("job.cancelled"), QStringLiteral("cancelled"))); });
    }

private:
    Stage m_stage;
    Script m_script;
};

} // namespace

class TestEngine : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::optional<JobStore> m_jobs;
    Script m_script;
    int m_concurrent = 0;
    int m_peak = 0;
    QStringList m_cleaned;

    std::unique_ptr<Engine> makeEngine(int slotCount = 2, PrepareFn prepare = nullptr)
    {
        EngineOptions o;
        o.workerSlots = slotCount;
        o.pollMs = 20;
        o.heartbeatMs = 200;
        o.leaseSeconds = 1;
        o.stagingRoot = m_dir.filePath(QStringLiteral("staging"));
        Script* script = &m_script;
        auto stages = [script](JobContext&, QObject* parent) {
            QList<StageRunner*> out;
            for (Stage s : workStages())
                out.append(new FakeStage(s, *script, parent));
            return out;
        };
        auto cleanup = [this](JobContext& ctx, JobHost&, QObject*, std::function<void(Status)> done) {
            m_cleaned.append(ctx.jobId);
            const auto ledger = ctx.ledger->entries();
            for (const LedgerEntry& e : ledger.value())
                ctx.ledger->setState(e.id, QStringLiteral("deleted"));
            done({});
        };
        return std::make_unique<Engine>(*m_jobs, stages, cleanup, prepare, o);
    }

    QString submit()
    {
        MigrationSpec s;
        s.source = QStringLiteral("vc");
        s.vm = QStringLiteral("vm-%1").arg(m_jobs->jobs()->size());
        s.cloud = QStringLiteral("lab");
        s.project = QStringLiteral("infra");
        s.flavor = QStringLiteral("m1.small");
        s.volumeType = QStringLiteral("ssd");
        return m_jobs->create(s.toJson())->id;
    }

    QStringList eventNames(const QString& id) const { return test::eventNames(*m_jobs, id); }

private slots:
    void init()
    {
        auto store = Store::open(
            m_dir.filePath(QStringLiteral("%1.sqlite").arg(QLatin1StringView(QTest::currentTestFunction()))));
        XMS_VERIFY_OK(store);
        m_jobs.emplace(*store);
        m_script = {};
        m_script.concurrent = &m_concurrent;
        m_script.peak = &m_peak;
        m_concurrent = m_peak = 0;
        m_cleaned.clear();
    }

    void runsQueueWithinSlots()
    {
        const QStringList ids {submit(), submit(), submit()};
        auto engine = makeEngine(2);
        QSignalSpy finished(engine.get(), &Engine::jobFinished);
        engine->start();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 3, 10000);
        QCOMPARE(m_peak, 2); // never more than the slots
        for (const QString& id : ids) {
            auto j = m_jobs->job(id);
            QCOMPARE(j->stage, Stage::Completed);
            for (Stage s : workStages())
                QCOMPARE(j->progress.value(s).percent, 100);
            const QStringList names = eventNames(id);
            QCOMPARE(names.first(), QStringLiteral("job.started"));
            QCOMPARE(names.last(), QStringLiteral("migration.completed"));
            QVERIFY(names.indexOf(u"export.started") > 0);
            QVERIFY(!QDir(m_dir.filePath(QStringLiteral("staging/") + id)).exists()); // staging removed
        }
        QVERIFY(m_cleaned.isEmpty()); // nothing deleted after success
    }

    void failureCleansUpAndKeepsLog()
    {
        m_script.failAt = Stage::WriteVolume;
        const QString id = submit();
        auto engine = makeEngine();
        QSignalSpy finished(engine.get(), &Engine::jobFinished);
        engine->start();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
        auto j = m_jobs->job(id);
        QCOMPARE(j->stage, Stage::Failed);
        QCOMPARE(j->failedStage, Stage::WriteVolume);
        QCOMPARE(j->error.value(u"message").toString(), QStringLiteral("Boom in Write Volume"));
        QCOMPARE(m_cleaned, QStringList {id});
        QCOMPARE(m_jobs->ledger(id)->at(0).state, QStringLiteral("deleted"));
        const QStringList names = eventNames(id);
        QVERIFY(names.contains(u"write_volume.failed"));
        QVERIFY(names.contains(u"cleanup.started"));
        QVERIFY(!names.contains(u"migration.completed"));
        QCOMPARE(j->progress.value(Stage::Finalize).percent, 0);
    }

    void cancelFromAnotherProcessViaStore()
    {
        m_script.hangAt = true;
        const QString id = submit();
        auto engine = makeEngine();
        QSignalSpy finished(engine.get(), &Engine::jobFinished);
        engine->start();
        QTRY_COMPARE_WITH_TIMEOUT(m_jobs->job(id)->stage, Stage::WriteVolume, 10000);
        XMS_VERIFY_OK(m_jobs->requestCancel(id)); // what `xms migration cancel` does
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 3000);
        auto j = m_jobs->job(id);
        QCOMPARE(j->stage, Stage::Cancelled);
        QCOMPARE(j->failedStage, Stage::WriteVolume);
        QCOMPARE(m_cleaned, QStringList {id});
        QVERIFY(eventNames(id).contains(u"job.cancelled"));
    }

    // A worker that died (claimed, then stopped renewing) mid Write Volume, with one ledger entry.
    JobLease deadWorkerAt(const QString& id, Stage stage)
    {
        const JobLease lease = m_jobs->claim(id, QStringLiteral("dead-worker"), 1)->value();
        [&] { XMS_VERIFY_OK(m_jobs->setStage(lease, stage)); }();
        return lease;
    }
    void ledgerCreated(const JobLease& lease, const QString& kind, const QString& resourceId)
    {
        LedgerEntry l;
        l.jobId = lease.jobId;
        l.kind = kind;
        l.cloud = QStringLiteral("lab");
        l.project = QStringLiteral("infra");
        l.name = kind + QStringLiteral("-of-") + lease.jobId.left(8);
        const auto entry = m_jobs->ledgerAdd(lease, l);
        QVERIFY(entry.has_value());
        if (!resourceId.isEmpty())
            XMS_VERIFY_OK(m_jobs->ledgerSetResource(lease, *entry, resourceId));
    }

    void orphanedJobIsRecoveredOnce()
    {
        const QString id = submit();
        const JobLease lease = deadWorkerAt(id, Stage::WriteVolume);
        ledgerCreated(lease, QStringLiteral("volume"), {});
        QTest::qWait(1100); // the dead worker's lease runs out

        auto a = makeEngine();
        auto b = makeEngine(); // a second worker on the same store must not recover it again
        QSignalSpy fa(a.get(), &Engine::jobFinished);
        QSignalSpy fb(b.get(), &Engine::jobFinished);
        a->start();
        b->start();
        QTRY_COMPARE_WITH_TIMEOUT(fa.count() + fb.count(), 1, 5000);
        QTest::qWait(300);
        QCOMPARE(fa.count() + fb.count(), 1);
        auto j = m_jobs->job(id);
        QCOMPARE(j->stage, Stage::Failed);
        QCOMPARE(j->failedStage, Stage::WriteVolume);
        QCOMPARE(j->error.value(u"code").toString(), QStringLiteral("job.orphaned"));
        QVERIFY(j->error.value(u"message").toString().contains(u"xms migration retry"));
        QCOMPARE(m_cleaned, QStringList {id});
    }

    // Finding 1: a worker killed between finalize.completed and the job's end left a finished migration in
    // Finalize with a stale owner. Recovery completes it — it used to delete its server, volumes and ports.
    void recoveryNeverUndoesACompletedFinalize()
    {
        const QString id = submit();
        const JobLease lease = deadWorkerAt(id, Stage::Finalize);
        ledgerCreated(lease, QStringLiteral("volume"), QStringLiteral("vol-1"));
        ledgerCreated(lease, QStringLiteral("port"), QStringLiteral("port-1"));
        ledgerCreated(lease, QStringLiteral("server"), QStringLiteral("srv-1"));
        EventRecord e;
        e.jobId = id;
        e.stage = Stage::Finalize;
        e.name = QStringLiteral("finalize.completed");
        e.text = Text::literal(QStringLiteral("Instance is ACTIVE"));
        XMS_VERIFY_OK(m_jobs->appendEvent(lease, e));
        QTest::qWait(1100);

        auto engine = makeEngine();
        QSignalSpy finished(engine.get(), &Engine::jobFinished);
        engine->start();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 5000);
        const auto j = m_jobs->job(id);
        QCOMPARE(j->stage, Stage::Completed);
        QCOMPARE(j->result.value(u"server_id").toString(), QStringLiteral("srv-1"));
        QCOMPARE(j->result.value(u"volume_ids").toArray().first().toString(), QStringLiteral("vol-1"));
        QVERIFY(m_cleaned.isEmpty()); // nothing deleted
        const QList<LedgerEntry> ledger = m_jobs->ledger(id).value();
        for (const LedgerEntry& l : ledger)
            QCOMPARE(l.state, QStringLiteral("kept"));
        const QStringList names = eventNames(id);
        QVERIFY2(names.contains(u"job.recovered") && names.contains(u"migration.completed"),
                 qPrintable(names.join(u' ')));
        QVERIFY(!names.contains(u"cleanup.started"));
    }

    // Finding 2: a worker whose lease was taken over stops at once — its stage is cancelled and it writes
    // nothing more (no event, no end), and the engine reports the job lost rather than finished.
    void workerThatLostItsLeaseStopsWithoutWriting()
    {
        int cancels = 0;
        m_script.hangAt = true;
        m_script.cancels = &cancels;
        const QString id = submit();
        auto engine = makeEngine();
        QSignalSpy lost(engine.get(), &Engine::jobLost);
        QSignalSpy finished(engine.get(), &Engine::jobFinished);
        engine->start();
        QTRY_COMPARE_WITH_TIMEOUT(m_jobs->job(id)->stage, Stage::WriteVolume, 5000);
        // Another worker takes the job over (as after this one was paused past its lease), and ends it.
        QSqlDatabase raw = xms::test::rawSqlite(m_jobs->store().path());
        QSqlQuery q(raw);
        QVERIFY(q.exec(
            QStringLiteral("UPDATE jobs SET lease_expires_at = '2000-01-01T00:00:00.000Z' WHERE id = '%1'").arg(id)));
        const JobLease other = m_jobs->takeOver(id, QStringLiteral("other-worker"), 60)->value();
        XMS_VERIFY_OK(m_jobs->setEnded(other, Stage::Failed, Stage::WriteVolume,
                                       {{QStringLiteral("code"), QStringLiteral("job.orphaned")}}, {}));
        const int eventsBefore = int(m_jobs->events(id)->size());

        QTRY_COMPARE_WITH_TIMEOUT(lost.count(), 1, 5000);
        QTest::qWait(500);
        QCOMPARE(finished.count(), 0);
        QCOMPARE(cancels, 1); // its stage was stopped: no further create can follow
        const auto j = m_jobs->job(id);
        QCOMPARE(j->stage, Stage::Failed);
        QCOMPARE(j->error.value(u"code").toString(), QStringLiteral("job.orphaned"));
        QCOMPARE(int(m_jobs->events(id)->size()), eventsBefore);
        QVERIFY(m_cleaned.isEmpty()); // cleanup is the recovering worker's
    }

    void twoWorkersRunEachJobOnce()
    {
        QStringList ids;
        for (int i = 0; i < 6; ++i)
            ids.append(submit());
        auto a = makeEngine(2);
        auto b = makeEngine(2);
        QSignalSpy fa(a.get(), &Engine::jobFinished);
        QSignalSpy fb(b.get(), &Engine::jobFinished);
        a->start();
        b->start();
        QTRY_COMPARE_WITH_TIMEOUT(fa.count() + fb.count(), 6, 15000);
        for (const QString& id : ids) {
            QCOMPARE(m_jobs->job(id)->stage, Stage::Completed);
            QCOMPARE(eventNames(id).count(u"job.started"), 1);
        }
    }

    // Runs the job's queue to its end with a fresh engine; returns the terminal stage.
    Stage runToEnd(const QString& id, PrepareFn prepare = nullptr)
    {
        auto engine = makeEngine(2, std::move(prepare));
        QSignalSpy finished(engine.get(), &Engine::jobFinished);
        engine->start();
        if (!QTest::qWaitFor([&] { return finished.count() == 1; }, 10000))
            return Stage::Queued;
        return m_jobs->job(id)->stage;
    }

    QString stagingOf(const QString& id) const { return m_dir.filePath(QStringLiteral("staging/") + id); }

    // A failure after Guest Fixes keeps the converted disks; Retry resumes at Write Volume with them.
    void failureAfterConversionResumesOnRetry()
    {
        QByteArray written;
        m_script.written = &written;
        m_script.failAt = Stage::WriteVolume;
        const QString id = submit();
        QCOMPARE(runToEnd(id), Stage::Failed);
        QVERIFY(QFile::exists(stagingOf(id) + u"/disk-0.raw"));
        QVERIFY(eventNames(id).contains(u"staging.kept"));
        QVERIFY(!m_jobs->job(id)->checkpoint.isEmpty());
        QCOMPARE(m_cleaned, QStringList {id}); // the cloud side is cleaned all the same

        m_script.failAt = Stage::Queued;
        XMS_VERIFY_OK(m_jobs->requeue(id));
        QCOMPARE(runToEnd(id), Stage::Completed);
        const QStringList names = eventNames(id);
        QCOMPARE(names.count(u"export.started"), 1); // not exported again
        QVERIFY(names.indexOf(u"job.resumed") > names.lastIndexOf(u"job.started"));
        QCOMPARE(written, QByteArray("exported by attempt 1"));
        auto j = m_jobs->job(id);
        for (Stage s : workStages())
            QCOMPARE(j->progress.value(s).percent, 100);
        QVERIFY(j->checkpoint.isEmpty());
        QVERIFY(!QDir(stagingOf(id)).exists());
    }

    void changedDiskOrFromStartOrBlockedStartsOver_data()
    {
        QTest::addColumn<int>("how"); // 0 the staged disk changed, 1 --from-start, 2 the source is running again
        QTest::addColumn<QString>("says");
        QTest::newRow("disk changed") << 0 << QStringLiteral("changed after it was converted");
        QTest::newRow("from start") << 1 << QString();
        QTest::newRow("source powered on") << 2 << QStringLiteral(" is poweredOn now");
    }
    void changedDiskOrFromStartOrBlockedStartsOver()
    {
        QFETCH(int, how);
        QFETCH(QString, says);
        QByteArray written;
        m_script.written = &written;
        m_script.failAt = Stage::Finalize;
        const QString id = submit();
        QCOMPARE(runToEnd(id), Stage::Failed);
        QVERIFY(QFile::exists(stagingOf(id) + u"/disk-0.raw"));
        if (how == 0) {
            QFile f(stagingOf(id) + u"/disk-0.raw");
            QVERIFY(f.open(QIODevice::Append));
            f.write("!");
        }
        m_script.failAt = Stage::Queued;
        XMS_VERIFY_OK(m_jobs->requeue(id, how == 1));
        PrepareFn prepare;
        if (how == 2)
            prepare = [](JobContext& ctx, JobHost&, QObject*, std::function<void(Status)> done) {
                ctx.resumeBlocked = ctx.spec.vm + QStringLiteral(" is poweredOn now");
                done({});
            };
        QCOMPARE(runToEnd(id, prepare), Stage::Completed);
        const QStringList names = eventNames(id);
        QCOMPARE(names.count(u"export.started"), 2);
        QVERIFY(!names.contains(u"job.resumed"));
        QCOMPARE(written, QByteArray("exported by attempt 2"));
        const auto events = m_jobs->events(id).value();
        const auto skipped = std::find_if(events.begin(), events.end(),
                                          [](const EventRecord& e) { return e.name == u"job.resume_skipped"; });
        if (says.isEmpty()) {
            QVERIFY(skipped == events.end());
        } else {
            QVERIFY(skipped != events.end());
            QVERIFY2(skipped->message.contains(says), qPrintable(skipped->message));
        }
    }

    // Nothing worth keeping before the conversion, nor after a cancel: staging goes, no checkpoint.
    void earlyFailureAndCancelRemoveStaging()
    {
        m_script.failAt = Stage::Inspect;
        const QString failed = submit();
        QCOMPARE(runToEnd(failed), Stage::Failed);
        QVERIFY(!QDir(stagingOf(failed)).exists());
        QVERIFY(m_jobs->job(failed)->checkpoint.isEmpty());
        QVERIFY(!eventNames(failed).contains(u"staging.kept"));

        m_script.failAt = Stage::Queued;
        m_script.hangAt = true;
        const QString cancelled = submit();
        auto engine = makeEngine();
        QSignalSpy finished(engine.get(), &Engine::jobFinished);
        engine->start();
        QTRY_COMPARE_WITH_TIMEOUT(m_jobs->job(cancelled)->stage, Stage::WriteVolume, 10000);
        QVERIFY(!m_jobs->job(cancelled)->checkpoint.isEmpty()); // saved after Guest Fixes …
        XMS_VERIFY_OK(m_jobs->requestCancel(cancelled));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 3000);
        QVERIFY(m_jobs->job(cancelled)->checkpoint.isEmpty()); // … and dropped with the cancel
        QVERIFY(!QDir(stagingOf(cancelled)).exists());
    }

    // Workers on several hosts: a host that lacks a job's secrets gives the job back for a worker on
    // another host and never claims it again; with no other host alive it fails the job, naming the secret.
    void missingSecretsPassTheJobToAnotherHost()
    {
        const QString id = submit();
        const PrepareFn lacksSecrets = [](JobContext&, JobHost&, QObject*, std::function<void(Status)> done) {
            done(fail(errc::kSecretsNotFound, QStringLiteral("No secret is stored for source/vc/password.")));
        };
        qputenv("XMS_HOST_NAME", "host-b"); // a worker on another host is alive
        XMS_VERIFY_OK(m_jobs->registerWorker(QStringLiteral("worker-on-b"), 1));
        qputenv("XMS_HOST_NAME", "host-a");
        auto a = makeEngine(2, lacksSecrets);
        a->start();
        QTRY_VERIFY_WITH_TIMEOUT(eventNames(id).contains(u"job.passed_over"), 5000);
        QTest::qWait(300); // many polls: it must not claim the job again
        JobRecord j = m_jobs->job(id).value();
        QCOMPARE(j.stage, Stage::Queued);
        QVERIFY(j.owner.isEmpty());
        QVERIFY2(j.statusText.contains(u"host-a"), qPrintable(j.statusText));
        QCOMPARE(eventNames(id), QStringList {u"job.passed_over"_s}); // once, and nothing ran
        const EventRecord passed = m_jobs->events(id)->first();
        QVERIFY(passed.message.contains(u"source/vc/password"));
        QCOMPARE(passed.data.value(u"host").toString(), u"host-a"_s);
        QCOMPARE(m_jobs->claimNext(u"worker-on-b"_s)->value().jobId, id); // still claimable by others

        // Alone: nobody else could run it, so it fails with the reason instead of waiting forever.
        const QString alone = submit();
        XMS_VERIFY_OK(m_jobs->unregisterWorker(QStringLiteral("worker-on-b")));
        a.reset();
        auto solo = makeEngine(2, lacksSecrets);
        QSignalSpy finished(solo.get(), &Engine::jobFinished);
        solo->start();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 5000);
        qunsetenv("XMS_HOST_NAME");
        j = m_jobs->job(alone).value();
        QCOMPARE(j.stage, Stage::Failed);
        QCOMPARE(j.error.value(u"code").toString(), QString(errc::kSecretsNotFound));
    }

    void idleSignalForUntilIdleWorkers()
    {
        EngineOptions o;
        o.pollMs = 20;
        o.idleExitMs = 100;
        o.stagingRoot = m_dir.filePath(QStringLiteral("staging"));
        Engine e(
            *m_jobs, [](JobContext&, QObject*) { return QList<StageRunner*>(); }, nullptr, nullptr, o);
        QSignalSpy idle(&e, &Engine::idle);
        e.start();
        QTRY_VERIFY_WITH_TIMEOUT(idle.count() >= 1, 2000);
    }
};

QTEST_GUILESS_MAIN(TestEngine)
#include "tst_engine.moc"
