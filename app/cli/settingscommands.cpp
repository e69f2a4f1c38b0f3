// xms settings list|set|unset — the engine's settings in the shared store (what the GUI's Settings
// dialog edits): worker slots, staging directory, virtio-win ISO.
#include "cli.h"
#include "commands.h"
#include "common/paths.h"
#include "engine/settingkeys.h"
#include "exitcodes.h"
#include "store/store.h"

#include <QJsonObject>

namespace xms::cli {

namespace {

QStringList knownKeys()
{
    QStringList keys;
    for (const settings::Known& k : settings::known())
        keys.append(QLatin1StringView(k.key));
    return keys;
}

int run(const QStringList& args, const Command& cmd)
{
    QCommandLineParser p;
    p.addOption(outputOption());
    bool json = false;
    if (auto stop = parse(p, args, cmd))
        return *stop;
    if (auto stop = checkOutput(p, json))
        return *stop;
    const QString action = cmd.path.last();
    const QStringList pos = p.positionalArguments();
    auto store = Store::openDefault();
    if (!store)
        return report(store.error());

    if (action == u"list") {
        QJsonObject values;
        for (const settings::Known& k : settings::known()) {
            const QString key = QLatin1StringView(k.key);
            const QString value = store->setting(key);
            values.insert(key, value);
            if (!json)
                out() << key << " = " << (value.isEmpty() ? QStringLiteral("(default)") : value) << "\n    " << k.help
                      << Qt::endl;
        }
        if (json)
            printJson(values);
        return exit::Ok;
    }
    const int wanted = action == u"set" ? 2 : 1;
    if (pos.size() != wanted)
        return report(Error::make(QStringLiteral("usage.arguments"),
                                  QStringLiteral("Usage: xms settings %1 %2").arg(action, cmd.synopsis)));
    if (!knownKeys().contains(pos.first()))
        return report(
            Error::make(QStringLiteral("usage.key"),
                        QStringLiteral("Unknown setting '%1'. Known: %2.").arg(pos.first(), knownKeys().join(u", "))));
    const QString value = action == u"set" ? pos.at(1) : QString();
    if (Status ok = settings::check(pos.first(), value); !ok)
        return report(ok.error());
    if (Status ok = store->setSetting(pos.first(), value); !ok)
        return report(ok.error());
    out() << pos.first() << " = " << (value.isEmpty() ? QStringLiteral("(default)") : value) << Qt::endl;
    return exit::Ok;
}

} // namespace

void registerSettingsCommands(Cli& cli)
{
    addCommand(cli, {QStringLiteral("settings"), QStringLiteral("list")}, QStringLiteral("[--output json]"),
               QStringLiteral("Show the engine's settings"), run);
    addCommand(cli, {QStringLiteral("settings"), QStringLiteral("set")}, QStringLiteral("KEY VALUE"),
               QStringLiteral("Change a setting (worker slots, staging directory, virtio-win ISO)"), run);
    addCommand(cli, {QStringLiteral("settings"), QStringLiteral("unset")}, QStringLiteral("KEY"),
               QStringLiteral("Return a setting to its default"), run);
}

} // namespace xms::cli
