#include "coldmigration.h"

#include "secrets/secretstore.h"
#include "store/store.h"

namespace xms::coldmigration {

StageFactory stages()
{
    return [](JobContext&, QObject*) { return QList<StageRunner*>(); };
}

CleanupFn cleanup()
{
    return [](JobContext&, QObject*, std::function<void(Status)> done) { done({}); };
}

PrepareFn prepare()
{
    return [](JobContext&, QObject*, std::function<void(Status)> done) {
        done(fail(QStringLiteral("engine.unwired"), QStringLiteral("The cold-migration stages are not wired in "
                                                                   "this build yet.")));
    };
}

} // namespace xms::coldmigration
