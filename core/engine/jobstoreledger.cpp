#include "jobstoreledger.h"

#include "store/jobstore.h"

namespace xms {

JobStoreLedger::JobStoreLedger(JobStore& jobs, JobLease lease, QString cloud, QString project)
    : m_jobs(jobs)
    , m_lease(std::move(lease))
    , m_cloud(std::move(cloud))
    , m_project(std::move(project))
{
}

Result<qint64> JobStoreLedger::record(const QString& kind, const QString& name)
{
    LedgerEntry e;
    e.jobId = m_lease.jobId;
    e.kind = kind;
    e.cloud = m_cloud;
    e.project = m_project;
    e.name = name;
    return m_jobs.ledgerAdd(m_lease, e);
}

Status JobStoreLedger::setResource(qint64 entryId, const QString& resourceId)
{
    return m_jobs.ledgerSetResource(m_lease, entryId, resourceId);
}

Status JobStoreLedger::setState(qint64 entryId, const QString& state)
{
    return m_jobs.ledgerSetState(m_lease, entryId, state);
}

Result<QList<LedgerEntry>> JobStoreLedger::entries() const
{
    return m_jobs.ledger(m_lease.jobId);
}

} // namespace xms
