#pragma once

#include "common/error.h"
#include "model/jobrecords.h"

#include <QObject>
#include <QPointer>
#include <QStringList>
#include <functional>

namespace xms {

class CloudClients;
class JobHost;
struct JobContext;

// Deletes what a job's resource ledger says it created and has not deleted yet — newest first, so a
// server goes before its ports and volumes — and waits until each is gone. A resource whose id never came
// back (the process died mid-call) is found by its recorded name and, where the service keeps metadata,
// by our "xms_job" tag. Works without the job's stages: crash recovery runs it in a fresh process.
// Each deletion is a "cleanup.deleted" event (through the host, filed under the stage the job stopped
// in); failures are collected, the rest still cleaned.
class LedgerCleanup : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(Status)>;
    LedgerCleanup(JobContext& ctx, JobHost& host, Done done, QObject* parent);
    void start();

private:
    void withCloud(std::function<void()> then);
    void next();
    void resolve(const LedgerEntry& e, std::function<void(QStringList ids)> then);
    void removeAll(const LedgerEntry& e, QStringList ids);
    void remove(const LedgerEntry& e, const QString& id, std::function<void(Status)> then);
    void note(const LedgerEntry& e, const QString& id, const Status& result);
    void finish();

    JobContext& m_ctx;
    JobHost& m_host;
    Done m_done;
    QList<LedgerEntry> m_todo;
    QStringList m_failures;
    QPointer<CloudClients> m_cloud;
};

} // namespace xms
