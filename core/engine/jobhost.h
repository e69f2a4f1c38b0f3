#pragma once

#include "model/jobrecords.h"
#include "model/stage.h"

#include <QJsonObject>
#include <QString>

namespace xms {

class JobStore;

// What the job-level steps around the stages — prepare, cleanup, crash recovery — may use and the stages
// may not: the job store, and the runner's event path, so that their events are stored like every other
// event of the job. The JobRunner is the host in production.
class JobHost
{
public:
    virtual ~JobHost() = default;
    virtual JobStore& jobs() = 0;
    // Stores an event of this job, filed under `stage`.
    virtual void emitEventAt(Stage stage, EventLevel level, const QString& name, const Text& message,
                             const QJsonObject& data = {})
        = 0;
};

} // namespace xms
