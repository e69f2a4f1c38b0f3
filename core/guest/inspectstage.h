#pragma once

#include "common/error.h"
#include "guest/guestinfo.h"
#include "guest/inspector.h"

#include <QObject>
#include <QThreadPool>
#include <memory>

namespace xms {

// Inspect as an asynchronous stage: start() returns at once and the libguestfs work runs on a pool thread;
// progress() and exactly one finished() arrive on this object's thread through queued calls. cancel()
// kills the appliance, so finished() follows within a second or two with a "job.cancelled" error.
// Deleting the stage while it runs cancels it; the worker then cleans up on its own.
class InspectStage : public QObject
{
    Q_OBJECT
public:
    explicit InspectStage(InspectRequest request, QObject* parent = nullptr);
    ~InspectStage() override;

    void start(QThreadPool* pool = QThreadPool::globalInstance());
    void cancel();
    bool isRunning() const { return m_running; }

signals:
    void progress(int percent, const QString& message);
    void finished(const xms::Result<xms::GuestInfo>& result);

private:
    struct Shared;
    InspectRequest m_request;
    std::shared_ptr<Shared> m_shared;
    bool m_running = false;
};

} // namespace xms

Q_DECLARE_METATYPE(xms::Result<xms::GuestInfo>)
