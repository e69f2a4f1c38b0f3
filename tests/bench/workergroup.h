#pragma once

#include "common/error.h"

#include <QProcess>
#include <QStringList>
#include <memory>
#include <vector>

namespace xms::bench {

// One phase's worker processes: this binary in worker mode, each with its own XMS_HOME and
// XMS_HOST_NAME=bench-N (so each records its host, as separate machines would), its stderr in a log file.
struct GroupSpec
{
    QString store; // URL or SQLite path
    bool naive = false;
    int workers = 8;
    int slotCount = 2;
    int stageMs = 0;
    int progressMs = 100;
    QString dir; // XMS_HOMEs and logs go under it
};

class WorkerGroup
{
public:
    // Starts every worker and waits until each has its store open ("ready").
    static Result<std::unique_ptr<WorkerGroup>> start(const GroupSpec& spec);
    ~WorkerGroup();
    static QStringList hosts(int workers); // bench-0 … bench-(n-1)

    void go(); // they start claiming
    bool running() const;
    Status wait(); // until all exited; an error names a worker that failed and shows its log's end

private:
    explicit WorkerGroup(QString dir);
    std::vector<std::unique_ptr<QProcess>> m_workers;
    QString m_dir;
};

// Queues `count` jobs through a child process (its connection, and its share of the server's statistics,
// gone before the measured part starts).
Status seedJobs(const QString& store, int count, int history = 0);

} // namespace xms::bench
