#pragma once

#include "common/error.h"
#include "moref.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QObject>
#include <functional>

namespace xms::vsphere {

class Session;

struct PowerOffResult
{
    enum class Method { AlreadyOff, GuestShutdown, Hard };
    Method method = Method::AlreadyOff;
    bool guestShutdownTimedOut = false; // tools ran but the guest did not stop in time
    qint64 elapsedMs = 0;

    static QString methodKey(Method m); // "already_off", "guest_shutdown", "hard"
    // The data of the "source.powered_off" event.
    QJsonObject eventData(const QString& vmName, const MoRef& vm) const;
};

// Brings one VM to poweredOff: nothing to do when it is off; with VMware Tools running, a guest shutdown
// and up to guestShutdownTimeoutSec of waiting; then (or without tools) PowerOffVM_Task. One use.
class PowerOff : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        int guestShutdownTimeoutSec = 300;
        int pollIntervalMs = 1000;
    };
    using Done = std::function<void(Result<PowerOffResult>)>;

    PowerOff(Session& session, MoRef vm, Options options, QObject* parent = nullptr);
    PowerOff(Session& session, MoRef vm, QObject* parent = nullptr)
        : PowerOff(session, std::move(vm), Options {}, parent)
    {
    }
    void start(Done done);
    // Stops waiting and ends with "vsphere.cancelled" (a guest shutdown already sent still proceeds).
    void cancel();

signals:
    void statusChanged(const QString& message);

private:
    void checkState(std::function<void(const QString& powerState, bool toolsRunning)> next);
    void shutdownGuest();
    void waitForGuest();
    void hardPowerOff();
    void succeed(PowerOffResult::Method method);
    void failWith(const Error& error);

    Session& m_session;
    MoRef m_vm;
    Options m_options;
    Done m_done;
    QElapsedTimer m_clock;
    QElapsedTimer m_guestClock;
    bool m_timedOut = false;
    bool m_ended = false;
};

} // namespace xms::vsphere
