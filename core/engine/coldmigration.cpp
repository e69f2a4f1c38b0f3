#include "coldmigration.h"

#include "engine/exportstage.h"
#include "engine/settingkeys.h"
#include "engine/finalizestage.h"
#include "engine/jobcontext.h"
#include "engine/ledgercleanup.h"
#include "engine/writevolumestage.h"
#include "guest/gueststages.h"
#include "secrets/secretstore.h"
#include "store/store.h"

namespace xms::coldmigration {

StageFactory stages()
{
    return [](JobContext& ctx, QObject* parent) {
        const QString virtioWin = ctx.jobs->store().setting(QLatin1StringView(settings::kVirtioWin));
        return QList<StageRunner*> {new ExportStageRunner(parent), new InspectStageRunner(parent),
                                    new GuestFixesStageRunner(virtioWin, parent), new WriteVolumeStageRunner(parent),
                                    new FinalizeStageRunner(parent)};
    };
}

CleanupFn cleanup()
{
    return [](JobContext& ctx, QObject* context, std::function<void(Status)> done) {
        (new LedgerCleanup(ctx, std::move(done), context))->start();
    };
}

PrepareFn prepare()
{
    return [](JobContext& ctx, QObject* context, std::function<void(Status)> done) {
        auto env = ctx.jobs->store().environment(ctx.spec.source);
        if (!env)
            return done(std::unexpected(env.error()));
        auto cloud = ctx.jobs->store().cloud(ctx.spec.cloud);
        if (!cloud)
            return done(std::unexpected(cloud.error()));
        ctx.environment = *env;
        ctx.cloud = *cloud;
        const QString cloudKey = cloud->auth == CloudRecord::Auth::ApplicationCredential
            ? SecretStore::cloudAppCredSecretKey(cloud->name)
            : SecretStore::cloudPasswordKey(cloud->name);
        JobContext* c = &ctx;
        SecretStore::backend().read(
            SecretStore::sourcePasswordKey(env->name), context, [c, context, cloudKey, done](Result<QString> pw) {
                if (!pw)
                    return done(std::unexpected(pw.error()));
                c->sourcePassword = *pw;
                SecretStore::backend().read(cloudKey, context, [c, done](Result<QString> secret) {
                    if (!secret)
                        return done(std::unexpected(secret.error()));
                    c->cloudSecret = *secret;
                    done({});
                });
            });
    };
}

} // namespace xms::coldmigration
