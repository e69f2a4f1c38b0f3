#pragma once

#include "common/error.h"
#include "engine/migrationspec.h"
#include "store/store.h"

#include <QHash>
#include <QList>
#include <functional>

// Submitting migrations, for the New Migration wizard and `xms migration submit`.
namespace xms::submission {

struct Submitted
{
    QString jobId;
    MigrationSpec spec;
};

// Checks every spec first (nothing is created when one is invalid), creates one job per spec (diskBytes:
// VM name → its disks, for the queue's staging estimate; may be empty), then makes sure a worker runs
// them. onCreated sees each job as it is created, so a front end can show it even when a later step fails.
Result<QList<Submitted>> submit(const Store& store, const QList<MigrationSpec>& specs,
                                const QHash<QString, qint64>& diskBytes,
                                const std::function<void(const Submitted&)>& onCreated = {});

} // namespace xms::submission
