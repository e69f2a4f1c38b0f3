#include "common/faultpoint.h"

#include <QString>
#include <atomic>
#include <csignal>

namespace xms::faultpoint {

namespace {
const QString& stopAfter()
{
    static const QString name = qEnvironmentVariable("XMS_FAULT_STOP_AFTER");
    return name;
}
std::atomic_bool g_fired {false};
} // namespace

void eventStored(QStringView eventName)
{
    const QString& wanted = stopAfter();
    if (wanted.isEmpty() || eventName != wanted || g_fired.exchange(true))
        return;
    ::raise(SIGSTOP); // the whole process, every thread: the test decides what happens next
}

} // namespace xms::faultpoint
