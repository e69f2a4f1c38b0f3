#pragma once

#include "common/error.h"
#include "common/text.h"
#include "exportsession.h"
#include "poweroff.h"
#include "session.h"
#include "vminfo.h"

#include <QDateTime>
#include <QJsonObject>
#include <QObject>
#include <QPointer>

namespace xms::vsphere {

// The whole source side of a cold migration's Export stage, for the engine: log in, find the VM (one
// discovery), power it off, export its disks into staging, log out. Reports the job events and progress;
// cancel() stops whatever step runs. One use.
class VmExport : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        QString vm; // name or managed object id ("vm-42")
        QString datacenter; // the environment's scope; empty for the whole server
        QString stagingDir;
        PowerOff::Options powerOff;
        ExportSession::Options transfer; // stagingDir is taken from above
    };

    VmExport(Session::Options connection, Options options, QObject* parent = nullptr);
    ~VmExport() override;

    void start();
    void cancel();

    const VmInfo& vm() const { return m_vm; } // after "source.discovered"
    // After finished() with success; result().poweredOff is set when this export powered the VM off.
    const ExportResult& result() const { return m_result; }

signals:
    // "source.discovered" {vm: VmInfo JSON}, "source.powered_off" {vm, moref, method, …},
    // "export.started" {vm, lease, disks, capacityBytes, …}, "export.disk_done" {ExportedDisk JSON}.
    void jobEvent(const QString& name, const xms::Text& message, const QJsonObject& data);
    // The same facts typed, right after their events: the VM as found (before anything is touched), and
    // the power-off (result.method AlreadyOff: nothing was changed on the source).
    void discovered(const xms::vsphere::VmInfo& vm);
    void poweredOff(const xms::vsphere::MoRef& vm, const xms::vsphere::PowerOffResult& result);
    void progress(const xms::vsphere::ExportProgress& progress);
    void finished(const xms::Status& status); // once, after logging out

private:
    void discover();
    void powerOff();
    void transfer();
    void end(const Status& status);
    bool stopIfCancelled();

    Options m_options;
    Session m_session;
    VmInfo m_vm;
    ExportResult m_result;
    MoRef m_poweredOff; // set once this export has powered the VM off
    QDateTime m_startedAt;
    QPointer<PowerOff> m_powerOff;
    QPointer<ExportSession> m_export;
    bool m_cancelled = false;
    bool m_ended = false;
};

} // namespace xms::vsphere
