#pragma once

#include "benchdb.h"
#include "drainfacts.h"
#include "workergroup.h"

#include <QTemporaryDir>
#include <functional>
#include <optional>

namespace xms::bench {

struct BenchConfig
{
    int jobs = 1000; // queued for each drain
    int workers = 8; // processes, each its own connection and host name
    int slotCount = 2; // jobs at once per worker
    int loadSeconds = 10; // how long each job of the write-load phase runs
    int watchSeconds = 5; // … and of the watcher phase
    int progressMs = 100; // how often the no-op stage reports progress
    bool sqlite = true; // also drain one SQLite file
    int rounds = 3; // of drains, alternating claimers so all see the machine's other load alike
    bool keepLogs = false; // keep the worker logs (and SQLite files) after the run
};

// The benchmark's phases, each on a fresh database: drains (PostgreSQL with claimNext's SKIP LOCKED and
// with the old queued()+claim(id) loop; the same on one SQLite file), the write load of running jobs, and
// the JobWatcher's latency. Prints the tables; the last line is RESULT claims <naive s / skip locked s>.
class ClaimPhases
{
public:
    ClaimPhases(BenchDb& admin, BenchConfig config);
    int run(); // 0 when every job ran exactly once

private:
    struct Outcome
    {
        DrainFacts facts;
        std::optional<BenchDb::Stats> delta; // PostgreSQL only
    };
    // Queues `jobs`, starts the workers, lets them go and waits for them; fails on any bad job.
    Result<Outcome> drive(const QString& tag, bool postgres, const GroupSpec& spec, int jobs, int history,
                          const std::function<void(WorkerGroup&, const QString& store)>& whileRunning = {});
    Result<double> drainRow(int round, const QString& tag, bool postgres, bool naive);
    Result<double> drains(); // every round; the median naive / median SKIP LOCKED wall time
    GroupSpec groupSpec(int stageSeconds) const; // the configured workers, their jobs lasting that long
    Status loadRows();
    Status watchRows();
    bool check(const QString& tag, const DrainFacts& f);

    BenchDb& m_admin;
    BenchConfig m_c;
    QTemporaryDir m_dir;
    std::optional<BenchDb::Stats> m_perJob; // the SKIP LOCKED drain's load per job (claim to end, no work)
    int m_failures = 0;
};

} // namespace xms::bench
