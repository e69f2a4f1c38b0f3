#pragma once

#include "common/error.h"
#include "leaseinfo.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>
#include <algorithm>
#include <functional>

namespace xms::vsphere {

class Session;

// An HttpNfcLease from ExportVm: waits until it is ready (or fails with its error), keeps it alive with
// HttpNfcLeaseProgress on a timer well inside leaseTimeout, and ends it with Complete or Abort. The
// lease is aborted when this object is destroyed while it is still open.
class ExportLease : public QObject
{
    Q_OBJECT
public:
    using ReadyDone = std::function<void(Result<LeaseInfo>)>;
    using Done = std::function<void(Status)>;

    explicit ExportLease(Session& session, QObject* parent = nullptr);
    ~ExportLease() override;

    // ExportVm, then waits for "ready". Errors: "vsphere.lease.error" (the lease's own error),
    // "vsphere.lease.timeout", "vsphere.invalid_power_state" (the VM must be off) …
    void open(const MoRef& vm, ReadyDone done, int readyTimeoutSec = 600);
    // Percent (0–100) reported on the next keep-alive.
    void setProgress(int percent) { m_percent = std::clamp(percent, 0, 100); }
    void complete(Done done);
    void abort(Done done);
    bool isOpen() const { return !m_lease.isNull() && !m_ended; }
    const MoRef& lease() const { return m_lease; }
    // Keep-alive interval; by default a fifth of leaseTimeout, at most 60 s. Tests make it short.
    void setKeepAliveIntervalMs(int ms) { m_keepAliveMs = ms; }

private:
    void poll();
    void keepAlive();
    void end(const QString& method, Done done);

    QPointer<Session> m_session; // the lease may outlive it during teardown
    MoRef m_lease;
    ReadyDone m_ready;
    QElapsedTimer m_waited;
    int m_readyTimeoutSec = 600;
    int m_percent = 0;
    int m_keepAliveMs = 0;
    QTimer m_keepAlive;
    bool m_ended = false;
};

} // namespace xms::vsphere
