// xms worker: the headless engine process. Started on demand by `migration submit` and the desktop app,
// or by hand on a server (`xms worker --slots 4`).
#include "cli.h"
#include "commandcontext.h"
#include "commands.h"
#include "engine/coldmigration.h"
#include "engine/enginesettings.h"
#include "engine/settingkeys.h"
#include "exitcodes.h"
#include "store/jobstore.h"

#include <QCoreApplication>
#include <QDir>

namespace xms::cli {

namespace {

const QCommandLineOption kSlots(QStringLiteral("slots"),
                                QStringLiteral("Jobs to run at once (default: setting engine/worker-slots, else 2)."),
                                QStringLiteral("N"));
const QCommandLineOption kUntilIdle(QStringLiteral("until-idle"),
                                    QStringLiteral("Exit when nothing is running or queued (a few seconds)."));

int runWorker(CommandContext& ctx)
{
    auto& store = ctx.store();
    if (!store)
        return report(store.error());
    // A stored value the worker cannot use is refused here rather than replaced by the default.
    const EngineSettings engineSettings = EngineSettings::read(*store);
    const QString slotText = ctx.isSet(kSlots) ? ctx.value(kSlots) : engineSettings.workerSlots;
    bool ok = false;
    const int slotCount = slotText.toInt(&ok);
    const settings::Known* range = settings::find(QLatin1StringView(settings::kWorkerSlots));
    if (!ok || slotCount < range->low || slotCount > range->high) {
        err() << "xms worker: worker slots must be a number from " << range->low << " to " << range->high << ", not '"
              << slotText << "'" << Qt::endl;
        return exit::Usage;
    }

    EngineOptions o;
    o.workerSlots = slotCount;
    o.idleExitMs = ctx.isSet(kUntilIdle) ? 5000 : -1;
    o.stagingRoot = engineSettings.stagingDir;
    o.keepConvertedDays = engineSettings.keepConvertedDays;

    auto* engine = new Engine(JobStore(*store), coldmigration::stages(), coldmigration::cleanup(),
                              coldmigration::prepare(), o, QCoreApplication::instance());
    QObject::connect(engine, &Engine::jobStarted, engine,
                     [](const QString& id) { out() << "worker: running job " << id << Qt::endl; });
    QObject::connect(engine, &Engine::jobFinished, engine, [](const QString& id, Stage s) {
        out() << "worker: job " << id << " ended " << stageName(s) << Qt::endl;
    });
    QObject::connect(engine, &Engine::idle, engine, [] { finish(exit::Ok); });
    out() << "worker: " << engine->workerId() << " with " << slotCount << " slot(s), staging in " << o.stagingRoot
          << Qt::endl;
    engine->start();
    return Async;
}

} // namespace

void registerWorkerCommands(Cli& cli)
{
    cli.add({{QStringLiteral("worker")},
             QStringLiteral("[--slots N] [--until-idle]"),
             QStringLiteral("Run queued migration jobs in this process (headless engine)"),
             {kSlots, kUntilIdle},
             {},
             runWorker});
}

} // namespace xms::cli
