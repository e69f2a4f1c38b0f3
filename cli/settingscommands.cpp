// xms settings list|set|unset — the engine's settings in the shared store (what the GUI's Settings
// dialog edits): worker slots, staging directory, virtio-win ISO. Keys, defaults and checks: the one
// table in engine/settingkeys.h.
#include "cli.h"
#include "commandcontext.h"
#include "commands.h"
#include "common/errorcodes.h"
#include "engine/settingkeys.h"
#include "exitcodes.h"
#include "services/storedsettings.h"

#include <QJsonObject>

namespace xms::cli {

namespace {

int runSettings(CommandContext& ctx)
{
    const QString action = ctx.command().path.last();
    const QStringList pos = ctx.positional();
    auto& store = ctx.store();
    if (!store)
        return report(store.error());

    if (action == u"list") {
        QJsonObject values;
        for (const settings::Known& k : settings::known()) {
            const QString key = QLatin1StringView(k.key);
            const QString value = store->setting(key);
            values.insert(key, value);
            if (!ctx.json())
                out() << key << " = " << (value.isEmpty() ? QStringLiteral("(default)") : value) << "\n    " << k.help
                      << Qt::endl;
        }
        if (ctx.json())
            printJson(values);
        return exit::Ok;
    }
    const int wanted = action == u"set" ? 2 : 1;
    if (pos.size() != wanted)
        return report(Error::make(errc::kUsageArguments,
                                  QStringLiteral("Usage: xms settings %1 %2").arg(action, ctx.command().synopsis)));
    const QString value = action == u"set" ? pos.at(1) : QString();
    if (Status ok = StoredSettings::set(*store, pos.first(), value); !ok)
        return report(ok.error());
    out() << pos.first() << " = " << (value.isEmpty() ? QStringLiteral("(default)") : value) << Qt::endl;
    return exit::Ok;
}

} // namespace

void registerSettingsCommands(Cli& cli)
{
    cli.add({{QStringLiteral("settings"), QStringLiteral("list")},
             QStringLiteral("[--output json]"),
             QStringLiteral("Show the engine's settings"),
             {outputOption()},
             {},
             runSettings});
    cli.add({{QStringLiteral("settings"), QStringLiteral("set")},
             QStringLiteral("KEY VALUE"),
             QStringLiteral("Change a setting (worker slots, staging directory, virtio-win ISO, boot verification)"),
             {outputOption()},
             {},
             runSettings});
    cli.add({{QStringLiteral("settings"), QStringLiteral("unset")},
             QStringLiteral("KEY"),
             QStringLiteral("Return a setting to its default"),
             {outputOption()},
             {},
             runSettings});
}

} // namespace xms::cli
