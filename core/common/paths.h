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

} // namespace xms::paths
