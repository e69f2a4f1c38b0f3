#include "submission.h"

#include "common/errorcodes.h"
#include "common/text.h"
#include "engine/workerlauncher.h"
#include "store/jobstore.h"

#include <QSet>

namespace xms::submission {

Result<QList<Submitted>> submit(const Store& store, const QList<MigrationSpec>& specs,
                                const QHash<QString, qint64>& diskBytes,
                                const std::function<void(const Submitted&)>& onCreated)
{
    QSet<QString> seen; // one job per VM: the same VM twice would make two jobs racing for it
    for (const MigrationSpec& s : specs) {
        if (auto ok = s.validate(); !ok)
            return std::unexpected(ok.error());
        const QString key = s.source + u'/' + s.vm;
        if (seen.contains(key))
            return fail(errc::kUsageDuplicateVm,
                        Text::translate("Submission", "%1 is in this submission twice; submit each VM once.")
                            .toString()
                            .arg(s.vm));
        seen.insert(key);
    }
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
