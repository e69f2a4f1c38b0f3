// xms preflight --source S --vm V [target flags] [--output json]: every check with its fix, nothing created.
#include "cli.h"
#include "commandcontext.h"
#include "exitcodes.h"
#include "migrationcommands.h"
#include "preflightreport.h"
#include "specoptions.h"

#include <QJsonArray>

namespace xms::cli::migration {

namespace {

int check(CommandContext& ctx)
{
    auto& opened = ctx.store();
    if (!opened)
        return report(opened.error());
    auto store = std::make_shared<Store>(*opened);
    auto specs = specOptions().build(ctx, *store, false);
    if (!specs)
        return report(specs.error());
    preflight::runAll(store, *specs, [json = ctx.json()](Result<QList<PreflightReport>> reports) {
        if (!reports)
            return finish(report(reports.error()));
        bool blocked = false;
        QJsonArray arr;
        for (const PreflightReport& r : *reports) {
            blocked = blocked || r.verdict == Verdict::Block;
            if (json)
                arr.append(r.toJson());
            else
                preflight::printReport(r);
        }
        if (json)
            printJson(arr);
        finish(blocked ? exit::Failed : exit::Ok);
    });
    return Async;
}

} // namespace

Command preflightCommand()
{
    return {{QStringLiteral("preflight")},
            QStringLiteral("--source S --vm V [--vm V2 …] [--target-project P --flavor F --volume-type T "
                           "--network-map MAP …] [--output json]"),
            QStringLiteral("Check VMs against a target: Pass, Warn or Block, with fixes"),
            specOptions().list() << outputOption(),
            {},
            check};
}

} // namespace xms::cli::migration
