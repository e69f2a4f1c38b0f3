// xms migration submit|list|show|events|cancel|retry|discard|cleanup|report and xms preflight — the commands from
// Xloud's docs, on the shared store.
#include "migrationcommands.h"

#include "cli.h"
#include "commands.h"

namespace xms::cli {

void registerMigrationCommands(Cli& cli)
{
    using namespace migration;
    for (Command c : {submitCommand(), listCommand(), showCommand(), eventsCommand(), cancelCommand(), retryCommand(),
                      discardCommand(), cleanupCommand(), reportCommand(), preflightCommand()})
        cli.add(std::move(c));
}

} // namespace xms::cli
