// xms profile save|list|show|delete|rename|export|import — reusable network mappings.
#include "cli.h"
#include "commandcontext.h"
#include "commands.h"
#include "common/errorcodes.h"
#include "engine/networkmap.h"
#include "exitcodes.h"
#include "services/profiles.h"

#include <QFile>
#include <QJsonArray>

namespace xms::cli {

namespace {

const QCommandLineOption
    kNetmap(QStringLiteral("network-map"),
            QStringLiteral("SOURCE=NETWORK[/SUBNET][,keep-mac][,keep-ip]; repeat per source network."),
            QStringLiteral("MAP"));
const QCommandLineOption kFile(QStringLiteral("file"), QStringLiteral("Write here instead of standard output."),
                               QStringLiteral("FILE"));
const QCommandLineOption kName(QStringLiteral("name"), QStringLiteral("Name to save it under (default: the file's)."),
                               QStringLiteral("NAME"));

QString describe(const NicMapping& m)
{
    QString s = m.sourceNetwork + u" → " + m.targetNetwork;
    if (!m.targetSubnet.isEmpty())
        s += u'/' + m.targetSubnet;
    QStringList keep;
    if (m.keepMac)
        keep << QStringLiteral("keep MAC");
    if (m.keepIp)
        keep << QStringLiteral("keep IP");
    if (!keep.isEmpty())
        s += u" (" + keep.join(QStringLiteral(", ")) + u')';
    return s;
}

int save(CommandContext& ctx)
{
    if (ctx.positional().size() != 1 || ctx.values(kNetmap).isEmpty()) {
        err() << "xms profile save: give one NAME and at least one --network-map." << Qt::endl;
        return exit::Usage;
    }
    auto maps = parseNetworkMaps(ctx.values(kNetmap));
    if (!maps)
        return report(maps.error());
    auto& store = ctx.store();
    if (!store)
        return report(store.error());
    const QString name = ctx.positional().first();
    if (auto r = profiles::save(*store, name, *maps); !r)
        return report(r.error());
    out() << "Saved profile " << name << " with " << maps->size() << " mapping(s)." << Qt::endl;
    return exit::Ok;
}

int list(CommandContext& ctx)
{
    auto& store = ctx.store();
    if (!store)
        return report(store.error());
    auto all = store->profiles();
    if (!all)
        return report(all.error());
    if (ctx.json()) {
        QJsonArray arr;
        for (const ProfileRecord& r : *all)
            arr.append(QJsonObject {{QStringLiteral("name"), r.name}, {QStringLiteral("mapping"), r.mapping}});
        printJson(arr);
        return exit::Ok;
    }
    if (all->isEmpty())
        out() << "No profiles. Save one with: xms profile save NAME --network-map 'VM Network=internal-net'"
              << Qt::endl;
    for (const ProfileRecord& r : *all) {
        QStringList parts;
        for (const NicMapping& m : profileNetworks(r.mapping).value_or(QList<NicMapping>()))
            parts.append(describe(m));
        out() << r.name << ": " << parts.join(QStringLiteral("; ")) << Qt::endl;
    }
    return exit::Ok;
}

int show(CommandContext& ctx)
{
    auto& store = ctx.store();
    if (!store)
        return report(store.error());
    auto r = store->profile(ctx.positional().value(0));
    if (!r)
        return report(r.error());
    for (const NicMapping& m : profileNetworks(r->mapping).value_or(QList<NicMapping>()))
        out() << describe(m) << Qt::endl;
    return exit::Ok;
}

int remove(CommandContext& ctx)
{
    auto& store = ctx.store();
    if (!store)
        return report(store.error());
    if (auto r = store->removeProfile(ctx.positional().value(0)); !r)
        return report(r.error());
    out() << "Deleted profile " << ctx.positional().value(0) << Qt::endl;
    return exit::Ok;
}

int rename(CommandContext& ctx)
{
    if (ctx.positional().size() != 2) {
        err() << "xms profile rename: give OLD and NEW." << Qt::endl;
        return exit::Usage;
    }
    auto& store = ctx.store();
    if (!store)
        return report(store.error());
    const QString from = ctx.positional().at(0);
    const QString to = ctx.positional().at(1);
    if (auto s = profiles::rename(*store, from, to); !s)
        return report(s.error());
    out() << "Renamed profile " << from << " to " << to << Qt::endl;
    return exit::Ok;
}

int exportProfile(CommandContext& ctx)
{
    auto& store = ctx.store();
    if (!store)
        return report(store.error());
    const QString name = ctx.positional().value(0);
    if (!ctx.isSet(kFile)) {
        auto bytes = profiles::exportJson(*store, name);
        if (!bytes)
            return report(bytes.error());
        out() << *bytes;
        out().flush();
        return exit::Ok;
    }
    if (auto s = profiles::exportToFile(*store, name, ctx.value(kFile)); !s)
        return report(s.error());
    out() << "Exported profile " << name << " to " << ctx.value(kFile) << Qt::endl;
    return exit::Ok;
}

int importProfile(CommandContext& ctx)
{
    auto& store = ctx.store();
    if (!store)
        return report(store.error());
    auto imported = profiles::importFile(*store, ctx.positional().value(0), ctx.value(kName));
    if (!imported && imported.error().is(errc::kInputProfileUnnamed))
        return report(Error::make(errc::kUsageMissing, QStringLiteral("The file names no profile; give --name.")));
    if (!imported)
        return report(imported.error());
    out() << "Imported profile " << imported->name << " with " << imported->mappings << " mapping(s)." << Qt::endl;
    return exit::Ok;
}

Command command(const QString& verb, const QString& synopsis, const QString& summary, QList<QCommandLineOption> options,
                QList<Positional> positionals, int (*handler)(CommandContext&))
{
    return {{QStringLiteral("profile"), verb}, synopsis, summary, std::move(options), std::move(positionals), handler};
}

} // namespace

void registerProfileCommands(Cli& cli)
{
    const Positional name {QStringLiteral("NAME"), QStringLiteral("Profile name.")};
    cli.add(command(QStringLiteral("save"), QStringLiteral("NAME --network-map MAP [--network-map MAP …]"),
                    QStringLiteral("Save a network mapping profile"), {kNetmap}, {name}, save));
    cli.add(command(QStringLiteral("list"), QStringLiteral("[--output json]"), QStringLiteral("List profiles"),
                    {outputOption()}, {}, list));
    cli.add(command(QStringLiteral("show"), QStringLiteral("NAME"), QStringLiteral("Show a profile's mappings"), {},
                    {name}, show));
    cli.add(command(QStringLiteral("rename"), QStringLiteral("OLD NEW"), QStringLiteral("Rename a profile"), {},
                    {{QStringLiteral("OLD"), QStringLiteral("Current name.")},
                     {QStringLiteral("NEW"), QStringLiteral("New name.")}},
                    rename));
    cli.add(command(QStringLiteral("delete"), QStringLiteral("NAME"), QStringLiteral("Delete a profile"), {}, {name},
                    remove));
    cli.add(command(QStringLiteral("export"), QStringLiteral("NAME [--file FILE]"),
                    QStringLiteral("Write a profile as JSON"), {kFile}, {name}, exportProfile));
    cli.add(command(
        QStringLiteral("import"), QStringLiteral("FILE [--name NAME]"), QStringLiteral("Read a profile from JSON"),
        {kName}, {{QStringLiteral("FILE"), QStringLiteral("JSON written by 'xms profile export'.")}}, importProfile));
}

} // namespace xms::cli
