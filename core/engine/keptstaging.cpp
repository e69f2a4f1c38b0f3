#include "keptstaging.h"

#include "common/errorcodes.h"
#include "common/logging.h"
#include "common/text.h"
#include "engine/checkpoint.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace xms {

namespace {
// Only the job's own staging directory (named after the job) is removed whole; anything else just the
// listed images, so a damaged checkpoint can never point the removal at a shared directory.
qint64 removeDisks(const Checkpoint& checkpoint, const QString& jobId)
{
    qint64 freed = 0;
    QStringList dirs;
    for (const auto& d : checkpoint.disks) {
        const QFileInfo fi(d.path);
        if (fi.exists())
            freed += fi.size();
        QFile::remove(d.path);
        if (fi.absoluteDir().dirName() == jobId && !dirs.contains(fi.absolutePath()))
            dirs.append(fi.absolutePath());
    }
    for (const QString& dir : std::as_const(dirs))
        QDir(dir).removeRecursively();
    return freed;
}
} // namespace

Result<qint64> discardKeptStaging(JobStore& jobs, const QString& idOrPrefix, const QString& why)
{
    auto job = jobs.job(idOrPrefix);
    if (!job)
        return std::unexpected(job.error());
    if (job->stage != Stage::Failed && job->stage != Stage::Cancelled) {
        return fail(errc::kUsageJobNotEnded,
                    Text::translate("KeptStaging", "Job %1 is %2: only a Failed job's kept disks can be discarded.")
                        .toString()
                        .arg(job->id.left(8), stageName(job->stage)));
    }
    const auto checkpoint = Checkpoint::fromJson(job->checkpoint);
    if (!checkpoint) {
        return fail(errc::kUsageNothingKept,
                    Text::translate("KeptStaging", "Job %1 keeps no converted disks; there is nothing to discard.")
                        .toString()
                        .arg(job->id.left(8)));
    }
    const qint64 freed = removeDisks(*checkpoint, job->id);
    if (auto r = jobs.setCheckpoint(job->id, {}); !r)
        return std::unexpected(r.error());
    EventRecord e;
    e.jobId = job->id;
    e.stage = job->stage;
    e.name = QStringLiteral("staging.discarded");
    const QString reason
        = why.isEmpty() ? Text::translate("KeptStaging", "The operator discarded the converted disks").toString() : why;
    e.message = Text::translate("KeptStaging", "%1; %2 MiB freed. A retry starts from Export.")
                    .toString()
                    .arg(reason)
                    .arg(freed >> 20);
    e.data = {{QStringLiteral("bytes"), freed}};
    if (auto r = jobs.appendEvent(e); !r)
        qCWarning(lcEngine) << "could not store event staging.discarded:" << r.error().toString();
    qCInfo(lcEngine) << "discarded the kept disks of" << job->id << "(" << (freed >> 20) << "MiB):" << reason;
    return freed;
}

int sweepKeptStaging(JobStore& jobs, int maxAgeDays)
{
    if (maxAgeDays <= 0)
        return 0;
    const auto all = jobs.jobs(100000);
    if (!all)
        return 0;
    const QDateTime cutoff = QDateTime::currentDateTimeUtc().addDays(-maxAgeDays);
    int swept = 0;
    for (const JobRecord& job : *all) {
        if (job.stage != Stage::Failed || job.checkpoint.isEmpty() || !job.finishedAt.isValid()
            || job.finishedAt > cutoff)
            continue;
        // Workers on several hosts share the store: only the host holding the disks may discard them.
        if (auto checkpoint = Checkpoint::fromJson(job.checkpoint); checkpoint && !checkpoint->onThisHost())
            continue;
        const auto r
            = discardKeptStaging(jobs, job.id,
                                 Text::translate("KeptStaging",
                                                 "The converted disks kept for a retry were unused for %n day(s) and "
                                                 "are discarded",
                                                 nullptr, maxAgeDays)
                                     .toString());
        if (r)
            ++swept;
    }
    return swept;
}

} // namespace xms
