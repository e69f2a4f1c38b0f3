#pragma once

#include <QStringList>

namespace xms::cli {

// The internal log (the xms.* categories) is for diagnosis, not for someone at a terminal: at default
// verbosity a command prints only its own output and errors. --verbose, anywhere on the line, shows the log
// with debug lines; it is taken out of args. `xms worker` keeps its info and warnings, because its output is
// its log (worker.log, the journal). QT_LOGGING_RULES is read after these rules, so it still wins.
void applyVerbosity(QStringList& args);

} // namespace xms::cli
