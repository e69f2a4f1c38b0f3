#include "migrationreport.h"

#include "engine/checkpoint.h"
#include "store/jobstore.h"

#include <QJsonArray>

namespace xms {

namespace {

using StageSpan = MigrationReport::StageSpan;
using DiskIntegrity = MigrationReport::DiskIntegrity;

bool namesASecret(const QString& key)
{
    static const QStringList words {
        QStringLiteral("password"),      QStringLiteral("passwd"),      QStringLiteral("secret"),
        QStringLiteral("token"),         QStringLiteral("credential"),  QStringLiteral("cookie"),
        QStringLiteral("authorization"), QStringLiteral("private_key"), QStringLiteral("api_key")};
    return std::any_of(words.begin(), words.end(),
                       [&](const QString& w) { return key.contains(w, Qt::CaseInsensitive); });
}

QJsonValue redacted(const QJsonValue& v)
{
    if (v.isObject())
        return redactSecrets(v.toObject());
    if (v.isArray()) {
        QJsonArray out;
        for (const QJsonValue& item : v.toArray())
            out.append(redacted(item));
        return out;
    }
    return v;
}

// The events of each attempt: a new one begins at every job.started.
QList<QList<EventRecord>> attemptsOf(const QList<EventRecord>& events)
{
    QList<QList<EventRecord>> out;
    for (const EventRecord& e : events) {
        if (out.isEmpty() || e.name == u"job.started")
            out.append(QList<EventRecord>());
        out.last().append(e);
    }
    return out;
}

qint64 stageBytes(const EventRecord& e)
{
    if (e.name == u"export.disk_done")
        return qint64(e.data.value(u"bytesReceived").toDouble());
    if (e.name == u"write.image_uploaded")
        return qint64(e.data.value(u"bytes").toDouble());
    return 0;
}

// Where `stage` ran in one attempt: from its first event to the first event of another stage after its
// last one (or to the job's end, or its own last event). Not ran() when it left no event.
StageSpan spanIn(const QList<EventRecord>& events, Stage stage, int attempt, const JobRecord& job)
{
    StageSpan span;
    span.stage = stage;
    qsizetype last = -1;
    for (qsizetype i = 0; i < events.size(); ++i) {
        if (events.at(i).stage != stage)
            continue;
        if (!span.start.isValid())
            span.start = events.at(i).time;
        span.bytes += stageBytes(events.at(i));
        last = i;
    }
    if (last < 0)
        return span;
    span.fromAttempt = attempt;
    span.end = events.at(last).time;
    if (last + 1 < events.size())
        span.end = events.at(last + 1).time;
    else if (job.finishedAt.isValid() && job.finishedAt > span.end)
        span.end = job.finishedAt;
    return span;
}

QList<StageSpan> timelineOf(const QList<QList<EventRecord>>& attempts, const JobRecord& job)
{
    QList<StageSpan> out;
    const int final = int(attempts.size());
    int resumedFrom = 0; // the attempt whose converted disks the final one reused
    if (!attempts.isEmpty())
        for (const EventRecord& e : attempts.last())
            if (e.name == u"job.resumed")
                resumedFrom = e.data.value(u"from_attempt").toInt();
    for (Stage s : workStages()) {
        StageSpan span;
        span.stage = s;
        if (final)
            span = spanIn(attempts.last(), s, final, job);
        if (!span.ran() && resumedFrom > 0 && resumedFrom < final)
            span = spanIn(attempts.at(resumedFrom - 1), s, resumedFrom, job);
        out.append(span);
    }
    return out;
}

QList<DiskIntegrity> integrityOf(const QList<EventRecord>& finalAttempt)
{
    QMap<int, DiskIntegrity> disks;
    for (const EventRecord& e : finalAttempt) {
        const bool upload = e.name == u"write.image_uploaded";
        const bool compared = e.name == u"write.image_verified" || e.name == u"write.checksum_mismatch"
            || e.name == u"write.image_unverified";
        if (!upload && !compared)
            continue;
        DiskIntegrity& d = disks[e.data.value(u"disk").toInt()];
        d.disk = e.data.value(u"disk").toInt();
        d.imageId = e.data.value(u"image_id").toString();
        d.rawSha256 = e.data.value(u"raw_sha256").toString();
        d.algorithm = e.data.value(u"hash_algo").toString();
        d.sent = e.data.value(u"hash_value").toString();
        if (upload) {
            d.bytesSent = qint64(e.data.value(u"bytes").toDouble());
            continue;
        }
        d.serviceAlgorithm = e.data.value(u"os_hash_algo").toString();
        d.received = e.data.value(u"os_hash_value").toString();
        d.verdict = e.name == u"write.image_verified" ? DiskIntegrity::Verdict::Match
            : e.name == u"write.checksum_mismatch"    ? DiskIntegrity::Verdict::Mismatch
                                                      : DiskIntegrity::Verdict::NotCompared;
    }
    return disks.values();
}

std::optional<vsphere::VmInfo> sourceVm(const QList<EventRecord>& events, const JobRecord& job)
{
    for (auto it = events.crbegin(); it != events.crend(); ++it)
        if (it->name == u"source.discovered" && it->data.value(u"vm").isObject())
            return vsphere::VmInfo::fromJson(it->data.value(u"vm").toObject());
    if (const auto checkpoint = Checkpoint::fromJson(job.checkpoint))
        return checkpoint->vm;
    return std::nullopt;
}

} // namespace

double MigrationReport::StageSpan::bytesPerSecond() const
{
    const qint64 ms = ran() ? start.msecsTo(end) : 0;
    return ms > 0 && bytes > 0 ? double(bytes) * 1000.0 / double(ms) : 0;
}

QString integrityVerdictKey(MigrationReport::DiskIntegrity::Verdict v)
{
    switch (v) {
    case DiskIntegrity::Verdict::Match:
        return QStringLiteral("match");
    case DiskIntegrity::Verdict::Mismatch:
        return QStringLiteral("mismatch");
    case DiskIntegrity::Verdict::NotCompared:
        break;
    }
    return QStringLiteral("not_compared");
}

QJsonObject redactSecrets(const QJsonObject& data)
{
    QJsonObject out;
    for (auto it = data.begin(); it != data.end(); ++it)
        out.insert(it.key(), namesASecret(it.key()) ? QJsonValue(QStringLiteral("(redacted)")) : redacted(it.value()));
    return out;
}

MigrationReport MigrationReport::build(const JobRecord& job, const QList<EventRecord>& events,
                                       const QList<LedgerEntry>& ledger)
{
    MigrationReport r;
    r.generatedAt = QDateTime::currentDateTimeUtc();
    r.job = job;
    r.job.checkpoint = {}; // staging paths of a retry: not the report's business
    r.job.spec = redactSecrets(job.spec);
    if (auto spec = MigrationSpec::fromJson(job.spec))
        r.spec = *spec;
    r.preflight = r.spec ? r.spec->preflightAtSubmit : std::nullopt;
    r.estimate = r.preflight ? r.preflight->estimate : std::nullopt;
    r.vm = sourceVm(events, job);
    if (r.vm && r.vm->guestNetwork.isEmpty() && r.spec && r.spec->guestNetworkAtSubmit)
        r.vm->guestNetwork = *r.spec->guestNetworkAtSubmit; // Tools' view at submit, when Export saw none

    for (const EventRecord& e : events) {
        EventRecord clean = e;
        clean.data = redactSecrets(e.data);
        r.events.append(clean);
        if (e.name == u"guest_fixes.guest_change")
            r.guestChanges.append(clean);
        if (e.level == EventLevel::Warning || e.level == EventLevel::Error)
            r.warnings.append(clean);
    }
    const QList<QList<EventRecord>> attempts = attemptsOf(r.events);
    r.attempts = int(
        std::count_if(events.begin(), events.end(), [](const EventRecord& e) { return e.name == u"job.started"; }));
    r.timeline = timelineOf(attempts, job);
    if (!attempts.isEmpty()) {
        r.integrity = integrityOf(attempts.last());
        if (isTerminal(job.stage) && job.finishedAt.isValid())
            r.elapsedSeconds = attempts.last().first().time.secsTo(job.finishedAt);
    }
    r.resources = ledger;
    return r;
}

Result<MigrationReport> MigrationReport::load(const JobStore& jobs, const QString& idOrPrefix)
{
    auto job = jobs.job(idOrPrefix);
    if (!job)
        return std::unexpected(job.error());
    auto events = jobs.events(job->id, 0, 1000000);
    if (!events)
        return std::unexpected(events.error());
    auto ledger = jobs.ledger(job->id);
    if (!ledger)
        return std::unexpected(ledger.error());
    return build(*job, *events, *ledger);
}

} // namespace xms
