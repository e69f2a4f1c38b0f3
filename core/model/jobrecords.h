#pragma once

#include "common/text.h"
#include "model/stage.h"

#include <QDateTime>
#include <QJsonObject>
#include <QMap>
#include <QString>
#include <optional>

namespace xms {

struct StageProgress
{
    int percent = 0;
    qint64 bytesDone = 0;
    qint64 bytesTotal = 0;
};

// One job row as stored. The spec is kept as JSON so the store does not depend on the engine's types.
struct JobRecord
{
    QString id;
    qint64 seq = 0; // submission order
    QJsonObject spec;
    Stage stage = Stage::Queued;
    Stage failedStage = Stage::Queued; // where a Failed/Cancelled job stopped
    // What the job is doing, in the reading process's language: rendered from status when the store reads
    // the row (a worker writes the Text, not its rendering).
    QString statusText;
    Text status;
    QJsonObject error; // {code, message, detail} when Failed
    QJsonObject result; // instance id, volume ids … when Completed
    QJsonObject checkpoint; // what a retry can resume from (engine/checkpoint.h); empty = start over
    QString owner; // worker id while a process executes it
    QString workerHost; // the host of the worker that runs (or last ran) it
    QDateTime heartbeatAt;
    QDateTime leaseExpiresAt; // the owner's lease; past it the job is recovered (see JobLease)
    bool cancelRequested = false;
    int attempt = 1;
    qint64 bytesTransferred = 0;
    qint64 bytesTotal = 0;
    double rate = 0;
    qint64 etaSeconds = -1;
    QMap<Stage, StageProgress> progress;
    QDateTime createdAt;
    QDateTime updatedAt;
    QDateTime startedAt;
    QDateTime finishedAt;
};

// The right to write a job's state. A worker that claims (or takes over) a job gets a fresh token with a
// lease it renews; every write it makes is conditional on that token and an unexpired lease, so a worker
// that was paused or lost the database past its lease cannot change a job another worker now owns.
// A bare job id (empty token) addresses a job no worker owns — queued or ended — as the operator's commands
// and test fixtures do; such writes fail while a worker owns the job.
struct JobLease
{
    JobLease() = default;
    JobLease(const QString& unownedJobId) // NOLINT(google-explicit-constructor): ids are leases of unowned jobs
        : jobId(unownedJobId)
    {
    }
    JobLease(QString id, QString leaseToken)
        : jobId(std::move(id))
        , token(std::move(leaseToken))
    {
    }
    bool owned() const { return !token.isEmpty(); }

    QString jobId;
    QString token;
};

enum class EventLevel { Debug, Info, Warning, Error };
QString eventLevelKey(EventLevel level);
EventLevel eventLevelFromKey(QStringView key);

struct EventRecord
{
    qint64 id = 0;
    QString jobId;
    QDateTime time;
    Stage stage = Stage::Queued;
    EventLevel level = EventLevel::Info;
    QString name; // "export.progress"
    // For people: the store renders text into message when it reads the row, so each reader sees its own
    // language. Writers set text; message alone is for rows written before texts were stored.
    QString message;
    Text text;
    QJsonObject data;

    // A new event of job `jobId`, as the engine and the job-level hosts write them.
    static EventRecord of(const QString& jobId, Stage stage, EventLevel level, const QString& name, const Text& text,
                          const QJsonObject& data = {})
    {
        EventRecord e;
        e.jobId = jobId;
        e.stage = stage;
        e.level = level;
        e.name = name;
        e.text = text;
        e.data = data;
        return e;
    }
    // As `xms migration events --output json` and the job report print it.
    QJsonObject toJson() const;
};

// A cloud resource a job makes, recorded *before* the create call (by its deterministic name) so that
// cancel, failure and crash recovery can delete exactly what the job made — even if the process died
// between the create and learning the id.
struct LedgerEntry
{
    qint64 id = 0;
    QString jobId;
    QString kind; // "image", "volume", "port", "server"
    QString resourceId; // empty until the create call answered
    QString cloud;
    QString project;
    QString name;
    QString state; // "creating", "created", "deleted", "kept"
    QDateTime createdAt;
    QDateTime deletedAt;
};

// How a job ends, written in one transaction: the terminal state, its final event, and — for a Completed
// job — every resource it created marked "kept", so no later cleanup or recovery can delete them.
struct JobEnd
{
    Stage terminal = Stage::Failed;
    Stage at = Stage::Queued; // where a Failed/Cancelled job stopped
    QJsonObject errorOrResult; // {code, message, detail} when it failed; ids when Completed
    Text status;
    std::optional<EventRecord> event;
};

} // namespace xms
