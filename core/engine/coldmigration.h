#pragma once

#include "engine/engine.h"

namespace xms::coldmigration {

// The production pieces of a cold migration, wired from the source, guest and target modules:
// Export → Inspect → Guest Fixes → Write Volume → Finalize.
StageFactory stages();
// Deletes every ledger resource of the job that is not already deleted, newest first
// (server, ports, volumes, images), and waits until each is gone.
CleanupFn cleanup();
// Reads the source password and the cloud secret from the keychain into the job context.
PrepareFn prepare();

} // namespace xms::coldmigration
