#include "poweroff.h"

#include "common/errorcodes.h"
#include "common/logging.h"
#include "propertycollector.h"
#include "session.h"
#include "soapenvelope.h"
#include "task.h"

#include <QTimer>
#include <QXmlStreamWriter>

namespace xms::vsphere {

QString PowerOffResult::methodKey(Method m)
{
    switch (m) {
    case Method::AlreadyOff:
        return QStringLiteral("already_off");
    case Method::GuestShutdown:
        return QStringLiteral("guest_shutdown");
    case Method::Hard:
        return QStringLiteral("hard");
    }
    return {};
}

QJsonObject PowerOffResult::eventData(const QString& vmName, const MoRef& vm) const
{
    return QJsonObject {
        {QStringLiteral("vm"), vmName},
        {QStringLiteral("moref"), vm.value},
        {QStringLiteral("method"), methodKey(method)},
        {QStringLiteral("guestShutdownTimedOut"), guestShutdownTimedOut},
        {QStringLiteral("seconds"), double(elapsedMs) / 1000.0},
    };
}

PowerOff::PowerOff(Session& session, MoRef vm, Options options, QObject* parent)
    : QObject(parent)
    , m_session(session)
    , m_vm(std::move(vm))
    , m_options(options)
{
}

void PowerOff::start(Done done)
{
    m_done = std::move(done);
    m_clock.start();
    checkState([this](const QString& state, bool tools) {
        if (state == u"poweredOff")
            return succeed(PowerOffResult::Method::AlreadyOff);
        if (tools && state == u"poweredOn")
            return shutdownGuest();
        hardPowerOff(); // no tools, or suspended: only a hard power-off stops it
    });
}

void PowerOff::cancel()
{
    failWith(Error::make(errc::kVsphereCancelled, tr("Powering off the VM was cancelled.")));
}

void PowerOff::checkState(std::function<void(const QString&, bool)> next)
{
    PropertyCollector::retrieveOne(m_session, m_vm,
                                   {QStringLiteral("VirtualMachine"),
                                    {QStringLiteral("runtime.powerState"), QStringLiteral("guest.toolsRunningStatus")}},
                                   [this, next = std::move(next)](Result<ObjectContent> r) {
                                       if (m_ended)
                                           return;
                                       if (!r)
                                           return failWith(r.error());
                                       next(r->text(QStringLiteral("runtime.powerState")),
                                            r->text(QStringLiteral("guest.toolsRunningStatus"))
                                                == u"guestToolsRunning");
                                   });
}

void PowerOff::shutdownGuest()
{
    emit statusChanged(tr("Shutting down the guest operating system"));
    m_session.call(
        QStringLiteral("ShutdownGuest"),
        [vm = m_vm](QXmlStreamWriter& w) { writeMoRef(w, QStringLiteral("_this"), vm); },
        [this](Result<XmlElement> r) {
            if (m_ended)
                return;
            if (!r) {
                // Tools went away or the VM changed state meanwhile: fall back to the hard way.
                qCInfo(lcVsphere) << "guest shutdown refused:" << r.error().toString();
                return hardPowerOff();
            }
            m_guestClock.start();
            waitForGuest();
        });
}

void PowerOff::waitForGuest()
{
    checkState([this](const QString& state, bool) {
        if (state == u"poweredOff")
            return succeed(PowerOffResult::Method::GuestShutdown);
        const qint64 waited = m_guestClock.elapsed() / 1000;
        if (waited >= m_options.guestShutdownTimeoutSec) {
            m_timedOut = true;
            qCInfo(lcVsphere) << "the guest did not shut down within" << m_options.guestShutdownTimeoutSec << "s";
            return hardPowerOff();
        }
        emit statusChanged(
            tr("Waiting for the guest to shut down (%1 of %2 s)").arg(waited).arg(m_options.guestShutdownTimeoutSec));
        QTimer::singleShot(m_options.pollIntervalMs, this, [this] {
            if (!m_ended)
                waitForGuest();
        });
    });
}

void PowerOff::hardPowerOff()
{
    emit statusChanged(tr("Powering off the VM"));
    m_session.call(
        QStringLiteral("PowerOffVM_Task"),
        [vm = m_vm](QXmlStreamWriter& w) { writeMoRef(w, QStringLiteral("_this"), vm); },
        [this](Result<XmlElement> r) {
            if (m_ended)
                return;
            if (!r && r.error().is(errc::kVsphereInvalidPowerState)) // it stopped on its own meanwhile
                return succeed(m_guestClock.isValid() ? PowerOffResult::Method::GuestShutdown
                                                      : PowerOffResult::Method::AlreadyOff);
            if (!r)
                return failWith(r.error());
            Task::wait(m_session, moRefFrom(r->child(u"returnval")), this, [this](Result<XmlElement> t) {
                if (m_ended)
                    return;
                if (!t && !t.error().is(errc::kVsphereInvalidPowerState))
                    return failWith(t.error());
                succeed(PowerOffResult::Method::Hard);
            });
        });
}

void PowerOff::succeed(PowerOffResult::Method method)
{
    if (m_ended)
        return;
    m_ended = true;
    PowerOffResult r;
    r.method = method;
    r.guestShutdownTimedOut = m_timedOut;
    r.elapsedMs = m_clock.elapsed();
    qCInfo(lcVsphere) << m_vm.value << "is powered off:" << PowerOffResult::methodKey(method) << r.elapsedMs << "ms";
    m_done(r);
}

void PowerOff::failWith(const Error& error)
{
    if (m_ended)
        return;
    m_ended = true;
    m_done(std::unexpected(error));
}

} // namespace xms::vsphere
