#pragma once

namespace xms::cli {

class Cli;

// Each command group registers itself here; Cli() calls them in this order for `xms --help`.
void registerSourceCommands(Cli& cli); // xms source … (sourcecommands.cpp)
void registerCloudCommands(Cli& cli); // xms cloud … (cloudcommands.cpp)
void registerMigrationCommands(Cli& cli); // xms migration …, xms preflight (migration*.cpp)
void registerProfileCommands(Cli& cli); // xms profile … (profilecommands.cpp)
void registerWorkerCommands(Cli& cli); // xms worker (workercommand.cpp)
void registerSettingsCommands(Cli& cli); // xms settings … (settingscommands.cpp)
void registerStoreCommands(Cli& cli); // xms store … (storecommands.cpp)

} // namespace xms::cli
