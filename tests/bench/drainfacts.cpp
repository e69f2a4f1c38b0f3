#include "drainfacts.h"

#include <algorithm>
#include <cmath>

namespace xms::bench {

Result<DrainFacts> DrainFacts::read(const JobStore& jobs, const QStringList& hosts)
{
    auto all = jobs.jobs(1000000);
    if (!all)
        return std::unexpected(all.error());
    DrainFacts f;
    for (const QString& h : hosts)
        f.perHost[h] = 0;
    QDateTime first, last;
    for (const JobRecord& j : std::as_const(*all)) {
        if (j.cancelRequested && j.stage == Stage::Queued) {
            ++f.history;
            continue;
        }
        ++f.jobs;
        const QString id = j.id.left(8);
        if (j.stage != Stage::Completed)
            f.failures << QStringLiteral("job %1 (%2) ended %3: %4").arg(id, j.spec.value(u"vm").toString(),
                                                                        stageKey(j.stage), j.statusText);
        auto events = jobs.events(j.id);
        if (!events)
            return std::unexpected(events.error());
        int started = 0;
        for (const EventRecord& e : std::as_const(*events)) {
            if (e.name != u"job.started")
                continue;
            ++started;
            f.perHost[e.data.value(u"host").toString()] += 1;
            f.claimToStartMs << j.startedAt.msecsTo(e.time);
        }
        if (started != 1)
            f.failures << QStringLiteral("job %1 has %2 job.started events (expected exactly 1)").arg(id).arg(started);
        f.jobSeconds += double(j.startedAt.msecsTo(j.finishedAt)) / 1000.0;
        if (!first.isValid() || j.startedAt < first)
            first = j.startedAt;
        if (!last.isValid() || j.finishedAt > last)
            last = j.finishedAt;
    }
    f.wallSeconds = first.isValid() && last.isValid() ? double(first.msecsTo(last)) / 1000.0 : 0;
    return f;
}

double percentile(QList<qint64> values, double p)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const auto rank = qsizetype(std::ceil(p / 100.0 * double(values.size())));
    return double(values.at(std::clamp<qsizetype>(rank - 1, 0, values.size() - 1)));
}

double jainIndex(const QList<int>& values)
{
    double sum = 0, squares = 0;
    for (int v : values) {
        sum += v;
        squares += double(v) * v;
    }
    return squares > 0 ? sum * sum / (double(values.size()) * squares) : 0;
}

} // namespace xms::bench
