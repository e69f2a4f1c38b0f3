#pragma once

#include "common/error.h"
#include "model/jobrecords.h"

#include <QList>
#include <QString>

namespace xms {

// A job's resource ledger as the stages see it: every cloud resource is recorded under its deterministic
// name *before* the create call, completed with its id when the call answers, and marked when it is
// deleted — so cancel, failure and crash recovery delete exactly what the job made. Narrow on purpose:
// a stage records its own resources and nothing else of the job store.
class ResourceLedger
{
public:
    virtual ~ResourceLedger() = default;
    // A new entry ("image", "volume", "port", "server") in state "creating"; returns its id.
    virtual Result<qint64> record(const QString& kind, const QString& name) = 0;
    virtual Status setResource(qint64 entryId, const QString& resourceId) = 0; // the create call answered
    virtual Status setState(qint64 entryId, const QString& state) = 0; // "deleted", "kept" …
    virtual Result<QList<LedgerEntry>> entries() const = 0; // this job's, oldest first
};

} // namespace xms
