#include "inspectstage.h"

#include "common/errorcodes.h"
#include "common/logging.h"
#include "common/text.h"

#include <QCoreApplication>
#include <QPointer>
#include <exception>
#include <mutex>

namespace xms {

// What the worker and the stage share. The stage pointer is cleared (under the mutex) when the stage dies,
// so the worker never posts to a deleted object; Qt drops calls still queued for it.
struct InspectStage::Shared
{
    InspectControl control;
    std::mutex mutex;
    InspectStage* stage = nullptr;

    template<typename F> void post(F&& f)
    {
        std::lock_guard lock(mutex);
        if (stage)
            QMetaObject::invokeMethod(stage, std::forward<F>(f), Qt::QueuedConnection);
    }
};

InspectStage::InspectStage(InspectRequest request, QObject* parent)
    : QObject(parent)
    , m_request(std::move(request))
    , m_shared(std::make_shared<Shared>())
{
    m_shared->stage = this;
}

InspectStage::~InspectStage()
{
    {
        std::lock_guard lock(m_shared->mutex);
        m_shared->stage = nullptr;
    }
    if (m_running)
        m_shared->control.cancel();
}

void InspectStage::start(QThreadPool* pool)
{
    if (m_running)
        return;
    m_running = true;
    auto shared = m_shared;
    InspectRequest request = m_request;
    pool->start([shared, request] {
        Result<GuestInfo> result = fail(errc::kGuestInternal, QString());
        try {
            result = inspectDisks(request, shared->control, [shared](int percent, const QString& message) {
                shared->post([s = shared, percent, message] { emit s->stage->progress(percent, message); });
            });
        } catch (const std::exception& e) { // a worker must never take the process down
            result = fail(errc::kGuestInternal, Text::translate("Guest", "Inspection failed unexpectedly.").toString(),
                          QString::fromUtf8(e.what()));
        }
        if (!result && result.error().is(errc::kJobCancelled))
            qCInfo(lcGuest) << "inspection cancelled";
        shared->post([s = shared, result] {
            s->stage->m_running = false;
            emit s->stage->finished(result);
        });
    });
}

void InspectStage::cancel()
{
    if (m_running)
        m_shared->control.cancel();
}

} // namespace xms
