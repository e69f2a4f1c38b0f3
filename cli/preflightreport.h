#pragma once

#include "engine/preflight.h"
#include "store/store.h"

#include <functional>
#include <memory>

// Preflight as `migration submit` and `preflight` run and print it.
namespace xms::cli::preflight {

QString formatMinutes(qint64 seconds); // "~40 s", "~4 min"
void printReport(const PreflightReport& report);

// Runs preflight for each spec in turn (one at a time: each opens its own sessions), then calls done.
void runAll(std::shared_ptr<Store> store, QList<MigrationSpec> specs,
            std::function<void(Result<QList<PreflightReport>>)> done);

} // namespace xms::cli::preflight
