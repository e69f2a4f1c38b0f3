#include "claimphases.h"

#include "benchstore.h"
#include "services/jobwatcher.h"

#include <QCoreApplication>
#include <QDir>
#include <QThread>
#include <QTimer>
#include <algorithm>
#include <cstdio>

namespace xms::bench {

namespace {

QString databaseOf(const QString& url)
{
    return url.mid(url.lastIndexOf(u'/') + 1);
}

double per(qint64 count, double unit)
{
    return unit > 0 ? double(count) / unit : 0;
}

} // namespace

ClaimPhases::ClaimPhases(BenchDb& admin, BenchConfig config)
    : m_admin(admin)
    , m_c(config)
    , m_dir(QStringLiteral("/var/tmp/xms-claim-bench.XXXXXX")) // on disk, like a real staging area, not tmpfs
{
    if (m_c.keepLogs) {
        m_dir.setAutoRemove(false);
        std::printf("bench: worker logs are kept in %s\n", qPrintable(m_dir.path()));
    }
}

bool ClaimPhases::check(const QString& tag, const DrainFacts& f)
{
    for (const QString& why : f.failures)
        std::printf("FAIL %s: %s\n", qPrintable(tag), qPrintable(why));
    m_failures += int(f.failures.size());
    return f.failures.isEmpty();
}

Result<ClaimPhases::Outcome> ClaimPhases::drive(const QString& tag, bool postgres, const GroupSpec& spec, int jobs,
                                                int history,
                                                const std::function<void(WorkerGroup&, const QString&)>& whileRunning)
{
    GroupSpec s = spec;
    s.dir = m_dir.filePath(tag);
    QDir().mkpath(s.dir);
    const QString database = QStringLiteral("xms_bench_") + tag;
    if (postgres) {
        auto url = m_admin.fresh(database);
        if (!url)
            return std::unexpected(url.error());
        s.store = *url;
    } else {
        s.store = m_dir.filePath(tag + QStringLiteral(".sqlite"));
    }
    if (Status seeded = seedJobs(s.store, jobs, history); !seeded)
        return std::unexpected(seeded.error());
    auto group = WorkerGroup::start(s);
    if (!group)
        return std::unexpected(group.error());
    Outcome out;
    std::optional<BenchDb::Stats> before;
    if (postgres) {
        auto b = m_admin.stats(database);
        if (!b)
            return std::unexpected(b.error());
        before = *b;
    }
    (*group)->go();
    if (whileRunning)
        whileRunning(**group, s.store);
    if (Status done = (*group)->wait(); !done)
        return std::unexpected(done.error());
    if (before) { // every worker has exited, so each has reported its statistics
        auto after = m_admin.stats(database);
        if (!after)
            return std::unexpected(after.error());
        out.delta = *after - *before;
    }
    {
        auto store = openBenchStore(s.store);
        if (!store)
            return std::unexpected(store.error());
        auto facts = DrainFacts::read(JobStore(*store), WorkerGroup::hosts(s.workers));
        if (!facts)
            return std::unexpected(facts.error());
        out.facts = *facts;
    }
    if (postgres)
        m_admin.drop(database);
    if (out.facts.jobs != jobs)
        out.facts.failures << QStringLiteral("%1 jobs in the store, %2 queued").arg(out.facts.jobs).arg(jobs);
    check(tag, out.facts);
    return out;
}

GroupSpec ClaimPhases::groupSpec(int stageSeconds) const
{
    GroupSpec spec;
    spec.workers = m_c.workers;
    spec.slotCount = m_c.slotCount;
    spec.stageMs = stageSeconds * 1000;
    spec.progressMs = m_c.progressMs;
    return spec;
}

Result<double> ClaimPhases::drainRow(int round, const QString& tag, bool postgres, bool naive)
{
    GroupSpec spec = groupSpec(0);
    spec.naive = naive;
    auto o = drive(tag + QString::number(round), postgres, spec, m_c.jobs, 0);
    if (!o)
        return std::unexpected(o.error());
    const DrainFacts& f = o->facts;
    QList<int> counts = f.perHost.values();
    const auto [lo, hi] = std::minmax_element(counts.cbegin(), counts.cend());
    const double mean = per(f.jobs, double(counts.size()));
    std::printf("  %5d  %-10s  %-21s  %7.2f  %8.1f  %5d %5d %7.1f  %6.3f  %7.0f %7.0f", round, postgres ? "postgresql" : "sqlite",
                naive ? "queued()+claim(id)" : (postgres ? "claimNext SKIP LOCKED" : "claimNext"), f.wallSeconds,
                per(f.jobs, f.wallSeconds), counts.isEmpty() ? 0 : *lo, counts.isEmpty() ? 0 : *hi, mean,
                jainIndex(counts), percentile(f.claimToStartMs, 50), percentile(f.claimToStartMs, 95));
    if (o->delta)
        std::printf("  %8.1f %8.1f %8.1f", per(o->delta->commits, f.jobs), per(o->delta->writeXacts, f.jobs),
                    per(o->delta->written(), f.jobs));
    std::printf("\n");
    if (postgres && !naive && !m_perJob)
        m_perJob = o->delta;
    std::fflush(stdout);
    return f.wallSeconds;
}

Status ClaimPhases::loadRows()
{
    const GroupSpec spec = groupSpec(m_c.loadSeconds);
    const int running = m_c.workers * m_c.slotCount;
    auto o = drive(QStringLiteral("load"), true, spec, running, 0);
    if (!o)
        return std::unexpected(o.error());
    const BenchDb::Stats d = *o->delta;
    const double js = o->facts.jobSeconds;
    std::printf("write load: %d jobs running at once (%d workers x %d slots), each %d s, progress every %d ms "
                "(the JobRunner stores it every 250 ms)\n",
                running, m_c.workers, m_c.slotCount, m_c.loadSeconds, m_c.progressMs);
    std::printf("  whole phase (pg_stat_database of its database): %lld commits (%lld that wrote), %lld inserted, "
                "%lld updated, %lld deleted tuples over %.1f job-seconds (claim to end)\n",
                d.commits, d.writeXacts, d.inserted, d.updated, d.deleted, js);
    std::printf("  per running job per second: %.1f commits, %.1f write transactions, %.1f tuples written (%.1f ins, "
                "%.1f upd, %.1f del)\n",
                per(d.commits, js), per(d.writeXacts, js), per(d.written(), js), per(d.inserted, js),
                per(d.updated, js), per(d.deleted, js));
    if (m_perJob) {
        const BenchDb::Stats fixed = m_perJob.value();
        const double n = m_c.jobs;
        std::printf("  per job, claim to end without running (SKIP LOCKED drain): %.1f commits, %.1f write "
                    "transactions, %.1f tuples written\n",
                    per(fixed.commits, n), per(fixed.writeXacts, n), per(fixed.written(), n));
        auto less = [&](qint64 whole, qint64 perDrain) { return (double(whole) - per(perDrain, n) * running) / js; };
        std::printf("  per running job per second, less that: %.1f commits, %.1f write transactions, %.1f tuples "
                    "written\n",
                    less(d.commits, fixed.commits), less(d.writeXacts, fixed.writeXacts), less(d.written(), fixed.written()));
    }
    std::fflush(stdout);
    return {};
}

Status ClaimPhases::watchRows()
{
    const GroupSpec spec = groupSpec(m_c.watchSeconds);
    const int running = m_c.workers * m_c.slotCount;
    // The watcher reads every job in the store each tick: give it as many as the drains had.
    const int history = std::max(0, m_c.jobs - running);
    QList<qint64> seen; // ms from a job's write (its updated_at) to the watcher delivering it
    int peakConnections = 0;
    auto watch = [&](WorkerGroup& group, const QString& where) {
        auto store = openBenchStore(where);
        if (!store)
            return;
        JobWatcher watcher {JobStore(*store)};
        QObject::connect(&watcher, &JobWatcher::jobsChanged, &watcher, [&](const QList<JobRecord>& jobs) {
            const QDateTime now = QDateTime::currentDateTimeUtc();
            for (const JobRecord& j : jobs)
                if (j.bytesTransferred > 0 && !isTerminal(j.stage))
                    seen << j.updatedAt.msecsTo(now);
        });
        QTimer tick;
        tick.setInterval(200);
        QObject::connect(&tick, &QTimer::timeout, &tick, [&] {
            peakConnections = std::max(peakConnections, m_admin.connections(databaseOf(where)));
            if (!group.running())
                QCoreApplication::quit();
        });
        watcher.start();
        tick.start();
        QCoreApplication::exec();
        watcher.stop();
    };
    auto o = drive(QStringLiteral("watch"), true, spec, running, history, watch);
    if (!o)
        return std::unexpected(o.error());
    std::printf("watcher: JobWatcher (250 ms) on PostgreSQL, %d jobs in the store, %d of them reporting progress "
                "for %d s: write to seen p50 %.0f, p95 %.0f, max %.0f ms over %lld updates\n",
                running + history, running, m_c.watchSeconds, percentile(seen, 50), percentile(seen, 95), percentile(seen, 100),
                qlonglong(seen.size()));
    std::printf("  connections to the database meanwhile: at most %d (%d worker processes, the watcher, the bench)\n",
                peakConnections, m_c.workers);
    std::fflush(stdout);
    return {};
}

Result<double> ClaimPhases::drains()
{
    struct Kind
    {
        const char* tag;
        bool postgres;
        bool naive;
    };
    QList<Kind> kinds {{"skip", true, false}, {"naive", true, true}};
    if (m_c.sqlite)
        kinds += {{"sqlite", false, false}, {"sqlite_naive", false, true}};
    QList<QList<qint64>> walls(kinds.size()); // ms, per kind
    for (int round = 1; round <= m_c.rounds; ++round) {
        for (qsizetype k = 0; k < kinds.size(); ++k) {
            auto wall = drainRow(round, QLatin1StringView(kinds[k].tag), kinds[k].postgres, kinds[k].naive);
            if (!wall)
                return wall;
            walls[k] << qint64(*wall * 1000);
        }
    }
    std::printf("  median wall s:");
    for (qsizetype k = 0; k < kinds.size(); ++k)
        std::printf("  %s %.2f", kinds[k].tag, percentile(walls[k], 50) / 1000.0);
    std::printf("\n");
    const double skip = percentile(walls[0], 50);
    return skip > 0 ? percentile(walls[1], 50) / skip : 0.0;
}

int ClaimPhases::run()
{
    std::printf("claims: %d queued jobs, %d worker processes x %d slots, a no-op stage that ends at once; "
                "PostgreSQL %s%s; %d cores\n",
                m_c.jobs, m_c.workers, m_c.slotCount, qPrintable(m_admin.serverVersion()),
                m_c.sqlite ? " and one SQLite file" : "", QThread::idealThreadCount());
    std::printf("  %5s  %-10s  %-21s  %7s  %8s  %5s %5s %7s  %6s  %7s %7s  %8s %8s %8s\n", "round", "store", "claimer", "wall s",
                "claims/s", "min", "max", "mean", "Jain", "c2s p50", "c2s p95", "xact/job", "wxact/j", "tup/job");
    auto bail = [](const Error& e) {
        std::printf("FAIL %s\n", qPrintable(e.toString()));
        return 1;
    };
    auto ratio = drains();
    if (!ratio)
        return bail(ratio.error());
    std::printf("  (min/max/mean: jobs per worker process; c2s: claim to job.started, ms; per job: xact = commits in "
                "pg_stat_database, reads included, and QPSQL's PREPARE, EXECUTE and DEALLOCATE of a statement count 3; "
                "wxact = transactions that wrote; tup = tuples written)\n");
    if (Status s = loadRows(); !s)
        return bail(s.error());
    if (Status s = watchRows(); !s)
        return bail(s.error());
    if (m_failures > 0) {
        std::printf("FAIL: %d job(s) did not run exactly once to Completed\n", m_failures);
        return 1;
    }
    std::printf("exactly once: every job Completed with exactly one job.started event, in every phase\n");
    std::printf("RESULT claims %.2f\n", *ratio);
    return 0;
}

} // namespace xms::bench
