// The worker and seed modes of xms-claim-bench.
#include "benchstore.h"
#include "claim_stage.h"
#include "naiveworker.h"

#include "common/paths.h"
#include "engine/engine.h"
#include "engine/migrationspec.h"
#include "services/storeaccess.h"
#include "store/jobstore.h"

#include <QCoreApplication>
#include <cstdio>
#include <iostream>
#include <string>

namespace xms::bench {

namespace {

int failWith(const Error& e)
{
    std::fprintf(stderr, "error: %s\n", qPrintable(e.toString()));
    return 1;
}

// Every job is one no-op stage; there is nothing in the cloud to clean up.
StageFactory noopStages(int stageMs, int progressMs)
{
    return [stageMs, progressMs](JobContext&, QObject* parent) {
        return QList<StageRunner*> {new NoopStage(stageMs, progressMs, parent)};
    };
}

void noCleanup(JobContext&, JobHost&, QObject*, std::function<void(Status)> done)
{
    done({});
}

} // namespace

Result<Store> openBenchStore(const QString& where)
{
    if (!where.startsWith(u"postgresql://"))
        return Store::open(where);
    auto location = StoreLocation::fromUrl(where);
    if (!location)
        return std::unexpected(location.error());
    auto password = storeaccess::password(*location);
    if (!password)
        return std::unexpected(password.error());
    return Store::open(*location, *password);
}

int runSeed(const QString& where, int count, int history)
{
    auto store = openBenchStore(where);
    if (!store)
        return failWith(store.error());
    JobStore jobs(*store);
    for (int i = 0; i < history + count; ++i) { // one statement each, as `xms migration submit` does
        MigrationSpec s;
        s.source = QStringLiteral("vc");
        s.vm = QStringLiteral("vm-%1").arg(i, 4, 10, QLatin1Char('0'));
        s.cloud = QStringLiteral("lab");
        s.project = QStringLiteral("infra");
        s.flavor = QStringLiteral("m1.small");
        s.volumeType = QStringLiteral("ssd");
        auto job = jobs.create(s.toJson(), qint64(10) << 30);
        if (!job)
            return failWith(job.error());
        if (i < history)
            if (Status cancelled = jobs.requestCancel(job->id); !cancelled)
                return failWith(cancelled.error());
    }
    return 0;
}

int runWorker(const WorkerArgs& args)
{
    auto store = openBenchStore(args.store);
    if (!store)
        return failWith(store.error());
    JobStore jobs(*store);
    if (auto q = jobs.queued(); !q) // the connection is up before the start line
        return failWith(q.error());
    std::printf("ready\n");
    std::fflush(stdout);
    std::string line;
    std::getline(std::cin, line);

    const StageFactory stages = noopStages(args.stageMs, args.progressMs);
    if (args.naive) {
        NaiveWorker worker(jobs, stages, noCleanup, args.slotCount);
        worker.onIdle = [] { QCoreApplication::quit(); };
        worker.start();
        return QCoreApplication::exec();
    }
    EngineOptions o;
    o.workerSlots = args.slotCount;
    o.idleExitMs = 500;
    o.stagingRoot = paths::stagingDir();
    // No sweep of old kept disks at start: it reads every job in the store (with its progress), which would
    // charge each worker's start-up to the claims being compared; the bench's jobs keep nothing anyway.
    o.keepConvertedDays = 0;
    Engine engine(jobs, stages, noCleanup, nullptr, o);
    QObject::connect(&engine, &Engine::idle, &engine, [] { QCoreApplication::quit(); });
    engine.start();
    return QCoreApplication::exec();
}

} // namespace xms::bench
