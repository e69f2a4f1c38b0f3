#pragma once

#include "common/error.h"
#include "model/jobrecords.h"
#include "store/jobstore.h"

#include <QString>

namespace xms {

// At most N disk exports at once per ESXi host (an ESXi host serves NFC exports from one management
// agent; too many at once slow all of them and can time leases out), counted across every worker that
// shares the job store — on one workstation or on many conversion hosts. The key is the VM's host when the
// inventory cache knows it, else the vCenter/ESXi address the environment points at.
class ExportSlots
{
public:
    virtual ~ExportSlots() = default;
    virtual Result<bool> tryAcquire(const QString& host, int limit) = 0; // false: all taken, try later
    virtual int inUse(const QString& host) const = 0;
    virtual void release() = 0; // this job's slot, if it holds one
};

// The slots in the job store, held under the job's lease: a slot counts only while its job's owner is
// alive, so a killed worker's slot frees itself when its lease runs out.
class JobStoreExportSlots final : public ExportSlots
{
public:
    JobStoreExportSlots(JobStore jobs, JobLease lease)
        : m_jobs(std::move(jobs))
        , m_lease(std::move(lease))
    {
    }
    Result<bool> tryAcquire(const QString& host, int limit) override { return m_jobs.acquireExportSlot(m_lease, host, limit); }
    int inUse(const QString& host) const override { return m_jobs.exportSlotsInUse(host).value_or(0); }
    void release() override { m_jobs.releaseExportSlot(m_lease); }

private:
    JobStore m_jobs;
    JobLease m_lease;
};

} // namespace xms
