#pragma once

namespace xms::cli {

class Cli;

// Each command group registers itself here; main() calls them in this order for `xms --help`.
void registerSourceCommands(Cli& cli); // xms source … (sourcecommands.cpp)
void registerCloudCommands(Cli& cli); // xms cloud … (cloudcommands.cpp)

} // namespace xms::cli
