#pragma once

#include "common/error.h"
#include "model/jobrecords.h"
#include "model/stage.h"

#include <QJsonObject>
#include <QObject>

namespace xms {

struct JobContext;

// One stage of a job (Export, Inspect, Guest Fixes, Write Volume, Finalize). Lives on the engine's
// thread; heavy work goes to worker threads and comes back through queued signals. A stage reports
// progress and events, and ends exactly once with finished().
class StageRunner : public QObject
{
    Q_OBJECT
public:
    explicit StageRunner(QObject* parent = nullptr)
        : QObject(parent)
    {
    }
    virtual Stage stage() const = 0;
    // Starts the work; ctx outlives the stage and carries what earlier stages produced.
    virtual void start(JobContext* ctx) = 0;
    // Stops as soon as possible (abort leases, kill processes, stop transfers) and then emits
    // finished() with a "job.cancelled" error. Partial local output is removed by the stage.
    virtual void cancel() = 0;

signals:
    void progress(int percent, qint64 bytesDone, qint64 bytesTotal);
    // message: rendered by each reader in its own language (common/text.h).
    void event(xms::EventLevel level, const QString& name, const xms::Text& message, const QJsonObject& data);
    void finished(const xms::Status& result);
};

} // namespace xms
