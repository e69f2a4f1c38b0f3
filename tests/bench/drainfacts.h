#pragma once

#include "common/error.h"
#include "store/jobstore.h"

#include <QList>
#include <QMap>
#include <QStringList>

namespace xms::bench {

// What the store says about a drained queue, read through JobStore once the workers have exited.
struct DrainFacts
{
    int jobs = 0; // that workers could run (without the history seeded for readers)
    int history = 0; // cancelled while queued by the seed: never run
    QStringList failures; // a job not Completed, or not started exactly once: the bench fails
    QMap<QString, int> perHost; // job.started events per worker host (every bench host listed, even at 0)
    QList<qint64> claimToStartMs; // job.started's time minus the claim's (jobs.started_at), both the worker's
    double wallSeconds = 0; // first claim to last end, in the store's clock
    double jobSeconds = 0; // Σ claim→end over the jobs: how long jobs were running, all told

    static Result<DrainFacts> read(const JobStore& jobs, const QStringList& hosts);
};

// Summaries for the table.
double percentile(QList<qint64> values, double p); // nearest rank; 0 for none
double jainIndex(const QList<int>& values); // (Σx)² / (n·Σx²): 1 = perfectly even, 1/n = one took all

} // namespace xms::bench
