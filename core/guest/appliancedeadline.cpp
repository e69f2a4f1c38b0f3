#include "appliancedeadline.h"

#include "common/logging.h"
#include "guest/processtree.h"

#include <mutex>
#include <signal.h>
#include <unistd.h>

namespace xms {

void killApplianceOf(const QString& marker)
{
    const QByteArray m = marker.toUtf8();
    if (m.isEmpty())
        return;
    for (pid_t pid : proc::childrenOf(getpid())) {
        const QByteArray cmd = proc::commandLine(pid);
        if (cmd.contains("qemu") && cmd.contains(m)) {
            qCInfo(lcGuest) << "killing libguestfs appliance" << pid;
            ::kill(pid, SIGKILL);
        }
    }
}

ApplianceDeadline::ApplianceDeadline(std::chrono::milliseconds limit, std::function<void()> kill)
    : m_kill(std::move(kill))
    , m_thread([this, limit](std::stop_token stop) { watch(stop, limit); })
{
}

void ApplianceDeadline::watch(const std::stop_token& stop, std::chrono::milliseconds limit)
{
    std::mutex mutex;
    std::unique_lock lock(mutex);
    const auto never = [] { return false; }; // only the limit or the stop request ends a wait
    m_wake.wait_for(lock, stop, limit, never);
    if (stop.stop_requested())
        return;
    m_expired = true;
    qCWarning(lcGuest) << "libguestfs appliance overran its" << limit.count() << "ms: killing it";
    while (!stop.stop_requested()) {
        m_kill();
        m_wake.wait_for(lock, stop, std::chrono::milliseconds(250), never);
    }
}

} // namespace xms
