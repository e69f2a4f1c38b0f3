#include "submission.h"

#include "engine/workerlauncher.h"
#include "store/jobstore.h"

namespace xms::submission {

Result<QList<Submitted>> submit(const Store& store, const QList<MigrationSpec>& specs,
                                const QHash<QString, qint64>& diskBytes,
                                const std::function<void(const Submitted&)>& onCreated)
{
    for (const MigrationSpec& s : specs)
        if (auto ok = s.validate(); !ok)
            return std::unexpected(ok.error());
    JobStore jobs(store);
    QList<Submitted> created;
    for (const MigrationSpec& s : specs) {
        auto job = jobs.create(s.toJson(), diskBytes.value(s.vm));
        if (!job)
            return std::unexpected(job.error());
        created.append({job->id, s});
        if (onCreated)
            onCreated(created.last());
    }
    if (auto w = WorkerLauncher::ensureRunning(jobs); !w)
        return std::unexpected(w.error());
    return created;
}

} // namespace xms::submission
