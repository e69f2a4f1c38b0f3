#pragma once

#include "store/store.h"

#include <QString>

namespace xms::bench {

// Opens the store a bench phase runs on: a postgresql:// URL (its password the way a worker gets it:
// the credential xms-store-password in $CREDENTIALS_DIRECTORY) or an SQLite file path.
Result<Store> openBenchStore(const QString& where);

// The child modes of xms-claim-bench (each its own process, as on separate hosts).
struct WorkerArgs
{
    QString store;
    bool naive = false; // queued() + claim(id), as before claimNext
    int slotCount = 2;
    int stageMs = 0; // how long the no-op stage lasts
    int progressMs = 100;
};
// Opens the store, prints "ready", waits for a line on stdin, then runs jobs until the queue is empty.
int runWorker(const WorkerArgs& args);
// Queues `count` jobs, after `history` jobs that no worker takes (a cancel requested while queued), so
// that readers see a store with that many jobs.
int runSeed(const QString& store, int count, int history = 0);

} // namespace xms::bench
