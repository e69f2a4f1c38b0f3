// xms profile save|list|show|delete|rename|export|import — reusable network mappings.
#include "cli.h"
#include "commands.h"
#include "engine/networkmap.h"
#include "engine/profiles.h"
#include "exitcodes.h"
#include "store/store.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace xms::cli {

namespace {

Result<Store> openStore()
{
    return Store::openDefault();
}

QString describe(const NicMapping& m)
{
    QString s = m.sourceNetwork + u" → " + m.targetNetwork;
    if (!m.targetSubnet.isEmpty())
        s += u'/' + m.targetSubnet;
    if (m.keepMac)
        s += QStringLiteral(" (keep MAC)");
    return s;
}

int save(const QStringList& args, const Command& cmd)
{
    QCommandLineParser p;
    const QCommandLineOption netmap(QStringLiteral("network-map"),
                                    QStringLiteral("SOURCE=NETWORK[/SUBNET][,keep-mac]; repeat per source network."),
                                    QStringLiteral("MAP"));
    p.addOption(netmap);
    p.addPositionalArgument(QStringLiteral("NAME"), QStringLiteral("Profile name."));
    if (auto stop = parse(p, args, cmd))
        return *stop;
    if (p.positionalArguments().size() != 1 || p.values(netmap).isEmpty()) {
        err() << "xms profile save: give one NAME and at least one --network-map." << Qt::endl;
        return exit::Usage;
    }
    auto maps = parseNetworkMaps(p.values(netmap));
    if (!maps)
        return report(maps.error());
    auto store = openStore();
    if (!store)
        return report(store.error());
    ProfileRecord rec {p.positionalArguments().first(), profileMapping(*maps), {}, {}};
    if (auto r = store->saveProfile(rec); !r)
        return report(r.error());
    out() << "Saved profile " << rec.name << " with " << maps->size() << " mapping(s)." << Qt::endl;
    return exit::Ok;
}

int list(const QStringList& args, const Command& cmd)
{
    QCommandLineParser p;
    p.addOption(outputOption());
    bool json = false;
    if (auto stop = parse(p, args, cmd))
        return *stop;
    if (auto stop = checkOutput(p, json))
        return *stop;
    auto store = openStore();
    if (!store)
        return report(store.error());
    auto all = store->profiles();
    if (!all)
        return report(all.error());
    if (json) {
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

int show(const QStringList& args, const Command& cmd)
{
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("NAME"), QStringLiteral("Profile name."));
    if (auto stop = parse(p, args, cmd))
        return *stop;
    auto store = openStore();
    if (!store)
        return report(store.error());
    auto r = store->profile(p.positionalArguments().value(0));
    if (!r)
        return report(r.error());
    for (const NicMapping& m : profileNetworks(r->mapping).value_or(QList<NicMapping>()))
        out() << describe(m) << Qt::endl;
    return exit::Ok;
}

int remove(const QStringList& args, const Command& cmd)
{
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("NAME"), QStringLiteral("Profile name."));
    if (auto stop = parse(p, args, cmd))
        return *stop;
    auto store = openStore();
    if (!store)
        return report(store.error());
    if (auto r = store->removeProfile(p.positionalArguments().value(0)); !r)
        return report(r.error());
    out() << "Deleted profile " << p.positionalArguments().value(0) << Qt::endl;
    return exit::Ok;
}

int rename(const QStringList& args, const Command& cmd)
{
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("OLD"), QStringLiteral("Current name."));
    p.addPositionalArgument(QStringLiteral("NEW"), QStringLiteral("New name."));
    if (auto stop = parse(p, args, cmd))
        return *stop;
    if (p.positionalArguments().size() != 2) {
        err() << "xms profile rename: give OLD and NEW." << Qt::endl;
        return exit::Usage;
    }
    auto store = openStore();
    if (!store)
        return report(store.error());
    auto r = store->profile(p.positionalArguments().at(0));
    if (!r)
        return report(r.error());
    if (store->profile(p.positionalArguments().at(1)))
        return report(
            Error::make(QStringLiteral("usage.exists"),
                        QStringLiteral("A profile named '%1' exists already.").arg(p.positionalArguments().at(1))));
    ProfileRecord renamed = *r;
    renamed.name = p.positionalArguments().at(1);
    if (auto s = store->saveProfile(renamed); !s)
        return report(s.error());
    store->removeProfile(r->name);
    out() << "Renamed profile " << r->name << " to " << renamed.name << Qt::endl;
    return exit::Ok;
}

int exportProfile(const QStringList& args, const Command& cmd)
{
    QCommandLineParser p;
    const QCommandLineOption file(QStringLiteral("file"), QStringLiteral("Write here instead of standard output."),
                                  QStringLiteral("FILE"));
    p.addOption(file);
    p.addPositionalArgument(QStringLiteral("NAME"), QStringLiteral("Profile name."));
    if (auto stop = parse(p, args, cmd))
        return *stop;
    auto store = openStore();
    if (!store)
        return report(store.error());
    auto r = store->profile(p.positionalArguments().value(0));
    if (!r)
        return report(r.error());
    QJsonObject doc = r->mapping;
    doc.insert(QStringLiteral("name"), r->name);
    const QByteArray bytes = QJsonDocument(doc).toJson(QJsonDocument::Indented);
    if (!p.isSet(file)) {
        out() << bytes;
        out().flush();
        return exit::Ok;
    }
    QFile f(p.value(file));
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(bytes) != bytes.size())
        return report(Error::make(QStringLiteral("io.write"), QStringLiteral("Cannot write %1.").arg(f.fileName()),
                                  f.errorString()));
    out() << "Exported profile " << r->name << " to " << f.fileName() << Qt::endl;
    return exit::Ok;
}

int importProfile(const QStringList& args, const Command& cmd)
{
    QCommandLineParser p;
    const QCommandLineOption name(QStringLiteral("name"),
                                  QStringLiteral("Name to save it under (default: the "
                                                 "file's)."),
                                  QStringLiteral("NAME"));
    p.addOption(name);
    p.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("JSON written by 'xms profile export'."));
    if (auto stop = parse(p, args, cmd))
        return *stop;
    QFile f(p.positionalArguments().value(0));
    if (!f.open(QIODevice::ReadOnly))
        return report(Error::make(QStringLiteral("input.file"), QStringLiteral("Cannot read %1.").arg(f.fileName()),
                                  f.errorString()));
    QJsonParseError perr;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &perr);
    if (!doc.isObject())
        return report(Error::make(QStringLiteral("input.profile"),
                                  QStringLiteral("%1 is not a profile file (JSON object expected).").arg(f.fileName()),
                                  perr.errorString()));
    auto networks = profileNetworks(doc.object());
    if (!networks)
        return report(networks.error());
    const QString profileName = p.isSet(name) ? p.value(name) : doc.object().value(u"name").toString();
    if (profileName.isEmpty())
        return report(
            Error::make(QStringLiteral("usage.missing"), QStringLiteral("The file names no profile; give --name.")));
    auto store = openStore();
    if (!store)
        return report(store.error());
    if (auto r = store->saveProfile({profileName, profileMapping(*networks), {}, {}}); !r)
        return report(r.error());
    out() << "Imported profile " << profileName << " with " << networks->size() << " mapping(s)." << Qt::endl;
    return exit::Ok;
}

} // namespace

void registerProfileCommands(Cli& cli)
{
    addCommand(cli, {QStringLiteral("profile"), QStringLiteral("save")},
               QStringLiteral("NAME --network-map MAP [--network-map MAP …]"),
               QStringLiteral("Save a network mapping profile"), save);
    addCommand(cli, {QStringLiteral("profile"), QStringLiteral("list")}, QStringLiteral("[--output json]"),
               QStringLiteral("List profiles"), list);
    addCommand(cli, {QStringLiteral("profile"), QStringLiteral("show")}, QStringLiteral("NAME"),
               QStringLiteral("Show a profile's mappings"), show);
    addCommand(cli, {QStringLiteral("profile"), QStringLiteral("rename")}, QStringLiteral("OLD NEW"),
               QStringLiteral("Rename a profile"), rename);
    addCommand(cli, {QStringLiteral("profile"), QStringLiteral("delete")}, QStringLiteral("NAME"),
               QStringLiteral("Delete a profile"), remove);
    addCommand(cli, {QStringLiteral("profile"), QStringLiteral("export")}, QStringLiteral("NAME [--file FILE]"),
               QStringLiteral("Write a profile as JSON"), exportProfile);
    addCommand(cli, {QStringLiteral("profile"), QStringLiteral("import")}, QStringLiteral("FILE [--name NAME]"),
               QStringLiteral("Read a profile from JSON"), importProfile);
}

} // namespace xms::cli
