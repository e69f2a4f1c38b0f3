// xms worker: the headless engine process. Started on demand by `migration submit` and the desktop app,
// or by hand on a server (`xms worker --slots 4`).
#include "cli.h"
#include "commandcontext.h"
#include "commands.h"
#include "common/errorcodes.h"
#include "common/text.h"
#include "engine/coldmigration.h"
#include "engine/enginesettings.h"
#include "engine/settingkeys.h"
#include "exitcodes.h"
#include "store/jobstore.h"

#include <QCoreApplication>
#include <QDir>
#include <QSocketNotifier>
#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

namespace xms::cli {

namespace {

const QCommandLineOption kSlots(QStringLiteral("slots"),
                                QStringLiteral("Jobs to run at once (default: setting engine/worker-slots, else 2)."),
                                QStringLiteral("N"));
const QCommandLineOption kLease(QStringLiteral("lease"),
                                QStringLiteral("Seconds a job stays this worker's without a renewal (default 15): a "
                                               "worker paused or cut off from the store longer stops the job and "
                                               "another worker recovers it."),
                                QStringLiteral("SECONDS"));
const QCommandLineOption kUntilIdle(QStringLiteral("until-idle"),
                                    QStringLiteral("Exit when nothing is running or queued (a few seconds)."));

// SIGTERM and SIGINT reach the event loop through a socket pair (a signal handler may only write()), so
// the engine stops gracefully: what systemd, `kill` and Ctrl-C send is not a crash.
int g_signalPipe[2] = {-1, -1};

void onTerminationSignal(int signo)
{
    const char c = char(signo);
    [[maybe_unused]] const auto n = ::write(g_signalPipe[1], &c, 1);
}

void stopGracefullyOnSignals(Engine* engine)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, g_signalPipe) != 0)
        return;
    auto* notifier = new QSocketNotifier(g_signalPipe[0], QSocketNotifier::Read, engine);
    QObject::connect(notifier, &QSocketNotifier::activated, engine, [engine] {
        char c = 0;
        if (::read(g_signalPipe[0], &c, 1) != 1)
            return;
        const char* name = c == SIGINT ? "SIGINT" : "SIGTERM";
        out() << "worker: " << name << " received; ending running jobs (their cleanup runs first)" << Qt::endl;
        engine->shutdown(Error::make(errc::kJobInterrupted,
                                     Text::translate("xms::cli",
                                                     "The worker running this job was asked to stop (%1). XMS removed "
                                                     "what the job had created in Xloud; 'xms migration retry' "
                                                     "resumes it.")
                                         .arg(QString::fromLatin1(name))
                                         .toString()));
    });
    struct sigaction sa
    {
    };
    sa.sa_handler = onTerminationSignal;
    ::sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    ::sigaction(SIGTERM, &sa, nullptr);
    ::sigaction(SIGINT, &sa, nullptr);
}

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
    if (ctx.isSet(kLease)) {
        const int lease = ctx.value(kLease).toInt(&ok);
        if (!ok || lease < 2 || lease > 3600) {
            err() << "xms worker: --lease must be a number of seconds from 2 to 3600, not '" << ctx.value(kLease) << "'"
                  << Qt::endl;
            return exit::Usage;
        }
        o.leaseSeconds = lease;
        o.heartbeatMs = std::min(2000, lease * 1000 / 4); // several renewals per lease
    }
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
    QObject::connect(engine, &Engine::jobLost, engine, [](const QString& id) {
        out() << "worker: job " << id << " left to recovery (this worker lost its lease)" << Qt::endl;
    });
    QObject::connect(engine, &Engine::idle, engine, [] { finish(exit::Ok); });
    QObject::connect(engine, &Engine::stopped, engine, [] {
        out() << "worker: stopped" << Qt::endl;
        finish(exit::Ok);
    });
    stopGracefullyOnSignals(engine);
    out() << "worker: " << engine->workerId() << " with " << slotCount << " slot(s), staging in " << o.stagingRoot
          << Qt::endl;
    engine->start();
    return Async;
}

} // namespace

void registerWorkerCommands(Cli& cli)
{
    cli.add({{QStringLiteral("worker")},
             QStringLiteral("[--slots N] [--lease SECONDS] [--until-idle]"),
             QStringLiteral("Run queued migration jobs in this process (headless engine)"),
             {kSlots, kLease, kUntilIdle},
             {},
             runWorker});
}

} // namespace xms::cli
