#pragma once

#include "common/error.h"
#include "store/jobstore.h"

#include <QObject>
#include <functional>

namespace xms::jobcontrol {

// Runs the cleanup of a Failed or Cancelled job again — for when it ended with resources it could not
// delete (a 503, a volume still attached, access fixed since): the same ledger cleanup a worker runs,
// in this process, with the cloud secret from the keychain. done gets the resources still left (0: all
// gone); each deletion is an event of the job, and the attempt ends with "cleanup.completed" or
// "cleanup.incomplete" naming what remains.
void cleanupAgain(JobStore jobs, const QString& id, QObject* context, std::function<void(Result<int>)> done);

} // namespace xms::jobcontrol
