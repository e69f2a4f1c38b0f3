#pragma once

#include "model/stage.h"

#include <QDateTime>
#include <QMap>
#include <QString>

namespace xms {

// What a view needs to draw one job at one moment. Produced by the engine/store, copied freely.
struct JobSnapshot
{
    QString id;
    QString sourceName; // environment
    QString vmName;
    QString cloudName;
    QString targetProject;
    QString instanceName;
    Stage stage = Stage::Queued;
    QMap<Stage, int> stagePercent; // 0–100 per work stage
    qint64 bytesTransferred = 0;
    qint64 bytesTotal = 0;
    double bytesPerSecond = 0;
    qint64 etaSeconds = -1; // unknown
    QString statusText; // last event message, or the error
    QString instanceId; // set when Finalize created the server
    QString workerHost; // the host whose worker runs (or last ran) it
    QDateTime createdAt;
    QDateTime finishedAt;
};

} // namespace xms
