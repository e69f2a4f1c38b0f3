#pragma once

#include <QString>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <stop_token>
#include <thread>

namespace xms {

// Kills this process's libguestfs appliance (QEMU) whose command line contains `marker` — the handle's
// private temporary directory — so the libguestfs call in progress fails at once. Other appliances of this
// process are left alone.
void killApplianceOf(const QString& marker);

// A libguestfs call cannot time out by itself, and under TCG on an overloaded host the appliance has been
// seen to hang for good while booting. Runs `kill` when the limit passes before this object is destroyed,
// and keeps running it every 250 ms until then, so a QEMU still being started at that moment goes too.
class ApplianceDeadline
{
public:
    ApplianceDeadline(std::chrono::milliseconds limit, std::function<void()> kill);
    ApplianceDeadline(const ApplianceDeadline&) = delete;
    ApplianceDeadline& operator=(const ApplianceDeadline&) = delete;

    bool expired() const { return m_expired.load(); }

private:
    void watch(const std::stop_token& stop, std::chrono::milliseconds limit);

    std::function<void()> m_kill;
    std::atomic_bool m_expired {false};
    std::condition_variable_any m_wake;
    std::jthread m_thread; // last: starts once the members it uses exist, and is stopped first
};

} // namespace xms
