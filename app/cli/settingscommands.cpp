// xms settings list|set|unset — the engine's settings in the shared store (what the GUI's Settings
// dialog edits): worker slots, staging directory, virtio-win ISO.
#include "cli.h"
#include "commands.h"
#include "common/paths.h"
#include "engine/settingkeys.h"
#include "exitcodes.h"
#include "store/store.h"

#include <QDir>
#include <QFileInfo>
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

// A value the engine can use, or an error that says what is wrong with it.
Status checkValue(const QString& key, const QString& value)
{
    if (key == QLatin1StringView(settings::kWorkerSlots)) {
        bool ok = false;
        const int n = value.toInt(&ok);
        if (!ok || n < 1 || n > 64)
            return fail(QStringLiteral("usage.value"), QStringLiteral("%1 must be a number from 1 to 64.").arg(key));
    } else if (key == QLatin1StringView(settings::kExportsPerHost)) {
        bool ok = false;
        const int n = value.toInt(&ok);
        if (!ok || n < 1 || n > 16)
            return fail(QStringLiteral("usage.value"), QStringLiteral("%1 must be a number from 1 to 16.").arg(key));
    } else if (key == QLatin1StringView(settings::kStagingDir)) {
        if (!QDir().mkpath(value) || !QFileInfo(value).isWritable())
            return fail(QStringLiteral("usage.value"),
                        QStringLiteral("Cannot write to %1; choose a directory this user can write.").arg(value));
    } else if (key == QLatin1StringView(settings::kVirtioWin)) {
        if (!QFileInfo(value).isFile())
            return fail(QStringLiteral("usage.value"),
                        QStringLiteral("%1 is not a file; give the path of virtio-win.iso.").arg(value));
    }
    return {};
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
    if (!value.isEmpty())
        if (Status ok = checkValue(pos.first(), value); !ok)
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
