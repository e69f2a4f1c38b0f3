#pragma once

#include "command.h"
#include "common/error.h"
#include "model/jobrecords.h"

// The `xms migration …` commands and `xms preflight`, one group of them per file.
namespace xms::cli::migration {

Command submitCommand(); // migrationsubmit.cpp
Command preflightCommand(); // preflightcommand.cpp
Command listCommand(); // migrationlist.cpp
Command showCommand(); // migrationlist.cpp
Command eventsCommand(); // migrationevents.cpp
Command cancelCommand(); // migrationcontrol.cpp
Command retryCommand(); // migrationcontrol.cpp
Command discardCommand(); // migrationcontrol.cpp
Command cleanupCommand(); // migrationcontrol.cpp
Command reportCommand(); // migrationreport.cpp

// The job a command names: flagValue (--job) or the first argument; an id or a unique prefix of it.
Result<JobRecord> findJob(CommandContext& ctx, const QString& flagValue);

} // namespace xms::cli::migration
