#include "verbosity.h"

#include <QLoggingCategory>

namespace xms::cli {

void applyVerbosity(QStringList& args)
{
    const bool verbose = args.removeAll(QStringLiteral("--verbose")) > 0;
    if (verbose)
        QLoggingCategory::setFilterRules(QStringLiteral("xms.*=true"));
    else if (args.value(0) != u"worker")
        QLoggingCategory::setFilterRules(QStringLiteral("xms.*.info=false\nxms.*.warning=false"));
}

} // namespace xms::cli
