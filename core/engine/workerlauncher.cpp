#include "workerlauncher.h"

#include "common/errorcodes.h"
#include "common/logging.h"
#include "common/paths.h"
#include "common/text.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QProcess>

namespace xms {

QString WorkerLauncher::cliPath()
{
    const QString env = qEnvironmentVariable("XMS_CLI");
    if (!env.isEmpty())
        return env;
    return QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("xms"));
}

Result<bool> WorkerLauncher::ensureRunning(const JobStore& jobs)
{
    if (jobs.liveWorkers(10).value_or(0) > 0)
        return false;
    const QString xms = cliPath();
    if (!QFileInfo(xms).isExecutable())
        return fail(errc::kEngineNoWorker,
                    Text::translate("WorkerLauncher",
                                    "Cannot start a migration worker: %1 is missing. "
                                    "Reinstall XMS or set XMS_CLI to the xms program.")
                        .toString()
                        .arg(xms));
    QProcess p;
    // setsid: the worker survives the terminal or window that started it.
    p.setProgram(QStringLiteral("setsid"));
    p.setArguments({xms, QStringLiteral("worker"), QStringLiteral("--until-idle")});
    p.setStandardInputFile(QProcess::nullDevice());
    const QString log = QDir(paths::logDir()).filePath(QStringLiteral("worker.log"));
    p.setStandardOutputFile(log, QIODevice::Append);
    p.setStandardErrorFile(log, QIODevice::Append);
    qint64 pid = 0;
    if (!p.startDetached(&pid))
        return fail(errc::kEngineNoWorker,
                    Text::translate("WorkerLauncher", "Cannot start a migration worker.").toString(), p.errorString());
    qCInfo(lcEngine) << "started worker" << pid << "log:" << log;
    return true;
}

} // namespace xms
