#include "workergroup.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>

namespace xms::bench {

namespace {

constexpr int kStartMs = 60000;
constexpr int kRunMs = 3600000;

Error groupError(const QString& what, const QString& detail = {})
{
    return Error::make(QStringLiteral("bench.worker"), what, detail);
}

QString logTail(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QByteArray all = f.readAll();
    return QString::fromUtf8(all.right(2000));
}

} // namespace

WorkerGroup::WorkerGroup(QString dir)
    : m_dir(std::move(dir))
{
}

WorkerGroup::~WorkerGroup()
{
    for (auto& p : m_workers)
        if (p->state() != QProcess::NotRunning) {
            p->kill();
            p->waitForFinished(5000);
        }
}

QStringList WorkerGroup::hosts(int workers)
{
    QStringList out;
    for (int i = 0; i < workers; ++i)
        out << QStringLiteral("bench-%1").arg(i);
    return out;
}

Result<std::unique_ptr<WorkerGroup>> WorkerGroup::start(const GroupSpec& spec)
{
    std::unique_ptr<WorkerGroup> group(new WorkerGroup(spec.dir));
    const QStringList names = hosts(spec.workers);
    for (const QString& host : names) {
        const QString home = QDir(spec.dir).filePath(host);
        QDir().mkpath(home);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XMS_HOST_NAME"), host);
        env.insert(QStringLiteral("XMS_HOME"), home);
        auto p = std::make_unique<QProcess>();
        p->setProcessEnvironment(env);
        p->setStandardErrorFile(home + QStringLiteral("/worker.log"));
        p->start(QCoreApplication::applicationFilePath(),
                 {QStringLiteral("worker"), QStringLiteral("--store"), spec.store, QStringLiteral("--claimer"),
                  spec.naive ? QStringLiteral("naive") : QStringLiteral("skip"), QStringLiteral("--slots"),
                  QString::number(spec.slotCount), QStringLiteral("--stage-ms"), QString::number(spec.stageMs),
                  QStringLiteral("--progress-ms"), QString::number(spec.progressMs)});
        group->m_workers.push_back(std::move(p));
    }
    for (qsizetype i = 0; i < names.size(); ++i) {
        QProcess& p = *group->m_workers.at(size_t(i));
        while (!p.canReadLine() && p.state() != QProcess::NotRunning)
            if (!p.waitForReadyRead(kStartMs))
                break;
        if (p.readLine().trimmed() != "ready")
            return std::unexpected(groupError(names.at(i) + QStringLiteral(" did not start"),
                                              logTail(QDir(spec.dir).filePath(names.at(i) + u"/worker.log"))));
    }
    return group;
}

void WorkerGroup::go()
{
    // Written out at once: without an event loop here, QProcess would only send it while waiting on that
    // one process, and the others would start late.
    for (auto& p : m_workers)
        p->write("go\n");
    for (auto& p : m_workers) {
        p->waitForBytesWritten(kStartMs);
        p->closeWriteChannel();
    }
}

bool WorkerGroup::running() const
{
    for (const auto& p : m_workers)
        if (p->state() != QProcess::NotRunning)
            return true;
    return false;
}

Status WorkerGroup::wait()
{
    for (size_t i = 0; i < m_workers.size(); ++i) {
        QProcess& p = *m_workers.at(i);
        if (p.state() != QProcess::NotRunning)
            p.waitForFinished(kRunMs);
        if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
            return fail(QStringLiteral("bench.worker"), QStringLiteral("worker bench-%1 failed").arg(i),
                        logTail(QDir(m_dir).filePath(QStringLiteral("bench-%1/worker.log").arg(i))));
    }
    return {};
}

Status seedJobs(const QString& store, int count, int history)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    p.start(QCoreApplication::applicationFilePath(),
            {QStringLiteral("seed"), QStringLiteral("--store"), store, QStringLiteral("--jobs"), QString::number(count),
             QStringLiteral("--history"), QString::number(history)});
    if (!p.waitForFinished(kRunMs) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        return fail(QStringLiteral("bench.seed"), QStringLiteral("could not queue %1 jobs in %2").arg(count).arg(store));
    return {};
}

} // namespace xms::bench
