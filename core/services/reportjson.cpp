// The report as JSON: the typed report with stable snake_case keys and raw values (bytes, seconds, ISO
// times in UTC), for scripts. Messages are in the reader's language, as in `migration events`.
#include "reportrender.h"

#include <QJsonArray>

namespace xms {

namespace {

QJsonValue iso(const QDateTime& t)
{
    return t.isValid() ? QJsonValue(t.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue();
}

QJsonArray eventsJson(const QList<EventRecord>& events)
{
    QJsonArray out;
    for (const EventRecord& e : events)
        out.append(e.toJson());
    return out;
}

QJsonObject jobJson(const MigrationReport& r)
{
    const JobRecord& j = r.job;
    QJsonObject o {{QStringLiteral("id"), j.id},
                   {QStringLiteral("stage"), stageKey(j.stage)},
                   {QStringLiteral("status"), j.statusText},
                   {QStringLiteral("attempt"), j.attempt},
                   {QStringLiteral("attempts_started"), r.attempts},
                   {QStringLiteral("created_at"), iso(j.createdAt)},
                   {QStringLiteral("started_at"), iso(j.startedAt)},
                   {QStringLiteral("finished_at"), iso(j.finishedAt)},
                   {QStringLiteral("elapsed_seconds"),
                    r.elapsedSeconds >= 0 ? QJsonValue(double(r.elapsedSeconds)) : QJsonValue()}};
    if (j.stage == Stage::Failed || j.stage == Stage::Cancelled)
        o.insert(QStringLiteral("failed_stage"), stageKey(j.failedStage));
    if (!j.error.isEmpty())
        o.insert(QStringLiteral("error"), redactSecrets(j.error));
    if (!j.result.isEmpty())
        o.insert(QStringLiteral("result"), redactSecrets(j.result));
    return o;
}

QJsonArray timelineJson(const MigrationReport& r)
{
    QJsonArray out;
    for (const MigrationReport::StageSpan& s : r.timeline)
        out.append(QJsonObject {{QStringLiteral("stage"), stageKey(s.stage)},
                                {QStringLiteral("ran"), s.ran()},
                                {QStringLiteral("attempt"), s.fromAttempt},
                                {QStringLiteral("start"), iso(s.start)},
                                {QStringLiteral("end"), iso(s.end)},
                                {QStringLiteral("seconds"), double(s.seconds())},
                                {QStringLiteral("bytes"), double(s.bytes)},
                                {QStringLiteral("bytes_per_second"), s.bytesPerSecond()}});
    return out;
}

QJsonArray integrityJson(const MigrationReport& r)
{
    QJsonArray out;
    for (const MigrationReport::DiskIntegrity& d : r.integrity)
        out.append(QJsonObject {{QStringLiteral("disk"), d.disk},
                                {QStringLiteral("image_id"), d.imageId},
                                {QStringLiteral("bytes_sent"), double(d.bytesSent)},
                                {QStringLiteral("raw_sha256"), d.rawSha256},
                                {QStringLiteral("hash_algo"), d.algorithm},
                                {QStringLiteral("hash_value"), d.sent},
                                {QStringLiteral("os_hash_algo"), d.serviceAlgorithm},
                                {QStringLiteral("os_hash_value"), d.received},
                                {QStringLiteral("verdict"), integrityVerdictKey(d.verdict)}});
    return out;
}

QJsonArray resourcesJson(const MigrationReport& r)
{
    QJsonArray out;
    for (const LedgerEntry& e : r.resources)
        out.append(QJsonObject {{QStringLiteral("kind"), e.kind},
                                {QStringLiteral("id"), e.resourceId},
                                {QStringLiteral("name"), e.name},
                                {QStringLiteral("state"), e.state},
                                {QStringLiteral("cloud"), e.cloud},
                                {QStringLiteral("project"), e.project},
                                {QStringLiteral("created_at"), iso(e.createdAt)},
                                {QStringLiteral("deleted_at"), iso(e.deletedAt)}});
    return out;
}

} // namespace

QJsonObject ReportRenderer::json(const MigrationReport& r)
{
    QJsonObject spec = r.job.spec;
    spec.remove(QStringLiteral("preflight_at_submit")); // it is "preflight" below
    QJsonObject estimate;
    if (r.estimate)
        estimate = {{QStringLiteral("estimated_seconds"), double(r.estimate->seconds)},
                    {QStringLiteral("basis"), r.estimate->basis},
                    {QStringLiteral("disk_bytes"), double(r.estimate->diskBytes)},
                    {QStringLiteral("actual_seconds"),
                     r.elapsedSeconds >= 0 ? QJsonValue(double(r.elapsedSeconds)) : QJsonValue()}};
    QJsonArray changes;
    for (const EventRecord& e : r.guestChanges)
        changes.append(QJsonObject {{QStringLiteral("time"), iso(e.time)}, {QStringLiteral("change"), e.message}});
    return {{QStringLiteral("report_version"), 1},
            {QStringLiteral("generated_at"), iso(r.generatedAt)},
            {QStringLiteral("job"), jobJson(r)},
            {QStringLiteral("spec"), spec},
            {QStringLiteral("source_vm"), r.vm ? QJsonValue(r.vm->toJson()) : QJsonValue()},
            {QStringLiteral("preflight"), r.preflight ? QJsonValue(r.preflight->toJson()) : QJsonValue()},
            {QStringLiteral("timeline"), timelineJson(r)},
            {QStringLiteral("estimate"), r.estimate ? QJsonValue(estimate) : QJsonValue()},
            {QStringLiteral("guest_changes"), changes},
            {QStringLiteral("integrity"), integrityJson(r)},
            {QStringLiteral("resources"), resourcesJson(r)},
            {QStringLiteral("warnings"), eventsJson(r.warnings)},
            {QStringLiteral("events"), eventsJson(r.events)}};
}

} // namespace xms
