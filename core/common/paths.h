#pragma once

#include <QString>

namespace xms::paths {

// All state lives under one root: $XMS_HOME when set (tests, several profiles), else the user's
// data directory. Created on first use.
QString home();
QString databaseFile();
QString stagingDir(); // default staging area for disk images; a setting may point elsewhere
QString cacheDir(); // libguestfs appliance and other rebuildable things
QString logDir();
// This host's name as workers record it (jobs, workers, the staging that holds kept disks): $XMS_HOST_NAME
// when set (containers sharing a hostname; the lab's simulated hosts), else the machine's host name.
QString hostName();

} // namespace xms::paths
