#include "vmexport.h"

#include "common/errorcodes.h"
#include "common/logging.h"
#include "discovery.h"

namespace xms::vsphere {

VmExport::VmExport(Session::Options connection, Options options, QObject* parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_session(std::move(connection), this)
{
}

VmExport::~VmExport()
{
    delete m_export; // before the session it uses
    delete m_powerOff;
}

void VmExport::start()
{
    m_startedAt = QDateTime::currentDateTimeUtc();
    m_session.open([this](Status s) {
        if (!s)
            return end(s);
        discover();
    });
}

void VmExport::cancel()
{
    if (m_ended || m_cancelled)
        return;
    m_cancelled = true;
    if (m_export)
        return m_export->cancel(); // ends through its finished()
    if (m_powerOff)
        return m_powerOff->cancel(); // ends through its callback
    // Otherwise a discovery or login call is in flight: it fails at once, and its callback sees the flag.
    m_session.soap().abortAll();
}

bool VmExport::stopIfCancelled()
{
    if (!m_cancelled)
        return false;
    end(fail(errc::kExportCancelled, tr("The export of %1 was cancelled.").arg(m_options.vm)));
    return true;
}

void VmExport::discover()
{
    if (stopIfCancelled())
        return;
    Discovery::discover(m_session, m_options.datacenter, [this](Result<Inventory> inv) {
        if (!inv)
            return end(std::unexpected(inv.error()));
        Result<VmInfo> vm = Discovery::findVm(*inv, m_options.vm);
        if (!vm)
            return end(std::unexpected(vm.error()));
        m_vm = *vm;
        emit jobEvent(
            QStringLiteral("source.discovered"),
            Text::translate("xms::vsphere::VmExport", "Found %1 with %n disk(s)", nullptr, int(m_vm.disks.size()))
                .arg(m_vm.name),
            QJsonObject {{QStringLiteral("vm"), m_vm.toJson()}});
        emit discovered(m_vm);
        powerOff();
    });
}

void VmExport::powerOff()
{
    if (stopIfCancelled())
        return;
    m_powerOff = new PowerOff(m_session, m_vm.moref, m_options.powerOff, this);
    connect(m_powerOff, &PowerOff::statusChanged, this, [this](const QString& text) {
        emit jobEvent(QStringLiteral("source.powering_off"), Text::literal(text),
                      QJsonObject {{QStringLiteral("vm"), m_vm.name}});
    });
    m_powerOff->start([this](Result<PowerOffResult> r) {
        m_powerOff->deleteLater();
        if (!r)
            return end(r.error().is(errc::kVsphereCancelled)
                           ? Status(fail(errc::kExportCancelled, tr("The export of %1 was cancelled.").arg(m_vm.name)))
                           : Status(std::unexpected(r.error())));
        const Text how = r->method == PowerOffResult::Method::AlreadyOff
            ? Text::translate("xms::vsphere::VmExport", "%1 was already powered off")
            : r->method == PowerOffResult::Method::GuestShutdown
            ? Text::translate("xms::vsphere::VmExport", "%1 shut down from the guest")
            : Text::translate("xms::vsphere::VmExport", "%1 was powered off");
        emit jobEvent(QStringLiteral("source.powered_off"), how.arg(m_vm.name), r->eventData(m_vm.name, m_vm.moref));
        if (r->method != PowerOffResult::Method::AlreadyOff)
            m_poweredOff = m_vm.moref;
        emit poweredOff(m_vm.moref, *r);
        m_vm.powerState = QStringLiteral("poweredOff");
        transfer();
    });
}

void VmExport::transfer()
{
    if (stopIfCancelled())
        return;
    ExportSession::Options o = m_options.transfer;
    o.stagingDir = m_options.stagingDir;
    m_export = new ExportSession(m_session, m_vm, o, this);
    connect(m_export, &ExportSession::started, this, [this](const QJsonObject& data) {
        emit jobEvent(QStringLiteral("export.started"),
                      Text::translate("xms::vsphere::VmExport", "Exporting the disks of %1").arg(m_vm.name), data);
    });
    connect(m_export, &ExportSession::progress, this, &VmExport::progress);
    connect(m_export, &ExportSession::diskFinished, this, [this](const ExportedDisk& d) {
        emit jobEvent(
            QStringLiteral("export.disk_done"),
            Text::translate("xms::vsphere::VmExport", "Disk %1 of %2 staged").arg(d.index + 1).arg(m_vm.disks.size()),
            d.toJson());
    });
    connect(m_export, &ExportSession::finished, this, [this](const Status& s) {
        m_result = m_export->result();
        m_result.poweredOff = m_poweredOff;
        m_result.startedAt = m_startedAt;
        m_export->deleteLater();
        end(s);
    });
    m_export->start();
}

void VmExport::end(const Status& status)
{
    if (m_ended)
        return;
    m_ended = true;
    // A call aborted by cancel() fails as a transport error: it is reported as the cancel it was.
    const Status outcome = m_cancelled && !status
        ? fail(errc::kExportCancelled, tr("The export of %1 was cancelled.").arg(m_options.vm))
        : status;
    // Log out in every case; the outcome is the step's, not the logout's.
    m_session.close([this, outcome](Status) { emit finished(outcome); });
}

} // namespace xms::vsphere
