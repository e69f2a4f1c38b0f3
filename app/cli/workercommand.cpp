// xms worker: the headless engine process. Started on demand by `migration submit` and the desktop app,
// or by hand on a server (`xms worker --slots 4`).
#include "cli.h"
#include "commands.h"
#include "engine/coldmigration.h"
#include "engine/enginesettings.h"
#include "exitcodes.h"
#include "store/jobstore.h"

#include <QCoreApplication>
#include <QDir>

namespace xms::cli {

namespace {

int runWorker(const QStringList& args, const Command& cmd)
{
    QCommandLineParser p;
    QCommandLineOption slotsOpt(QStringLiteral("slots"),
                                QStringLiteral("Jobs to run at once (default: setting engine/worker-slots, else 2)."),
                                QStringLiteral("N"));
    QCommandLineOption untilIdle(QStringLiteral("until-idle"),
                                 QStringLiteral("Exit when nothing is running or queued (a few seconds)."));
    p.addOptions({slotsOpt, untilIdle});
    if (auto stop = parse(p, args, cmd))
        return *stop;
    auto store = Store::openDefault();
    if (!store)
        return report(store.error());
    const EngineSettings settings = EngineSettings::read(*store);
    const QString slotText = p.isSet(slotsOpt) ? p.value(slotsOpt) : settings.workerSlots;
    bool ok = false;
    const int slotCount = slotText.toInt(&ok);
    if (!ok || slotCount < 1 || slotCount > 64) {
        err() << "xms worker: worker slots must be a number from 1 to 64, not '" << slotText << "'" << Qt::endl;
        return exit::Usage;
    }

    EngineOptions o;
    o.workerSlots = slotCount;
    o.idleExitMs = p.isSet(untilIdle) ? 5000 : -1;
    o.stagingRoot = settings.stagingDir;
    o.keepConvertedDays = settings.keepConvertedDays;

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
    static Command cmd {{QStringLiteral("worker")},
                        QStringLiteral("[--slots N] [--until-idle]"),
                        QStringLiteral("Run queued migration jobs in this process (headless engine)"),
                        {}};
    cmd.run = [](const QStringList& args) { return runWorker(args, cmd); };
    cli.add(cmd);
}

} // namespace xms::cli
