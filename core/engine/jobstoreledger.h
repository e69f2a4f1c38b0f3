#pragma once

#include "engine/resourceledger.h"
#include "model/jobrecords.h"

namespace xms {

class JobStore;

// The ledger of one job in the shared store (the ledger table): what the engine gives its stages.
class JobStoreLedger : public ResourceLedger
{
public:
    // cloud and project are recorded with each entry: cleanup after a crash finds the resources by them.
    // Every write is made under the job's lease: a worker that lost it cannot record another create.
    JobStoreLedger(JobStore& jobs, JobLease lease, QString cloud, QString project);

    Result<qint64> record(const QString& kind, const QString& name) override;
    Status setResource(qint64 entryId, const QString& resourceId) override;
    Status setState(qint64 entryId, const QString& state) override;
    Result<QList<LedgerEntry>> entries() const override;

private:
    JobStore& m_jobs;
    JobLease m_lease;
    QString m_cloud;
    QString m_project;
};

} // namespace xms
