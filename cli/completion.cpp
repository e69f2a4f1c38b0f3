// xms __complete WORD… CURRENT: the candidates for the word being typed, one per line, for the bash
// completion script (packaging/completion/xms). Commands and options come from the command table, so the
// script never goes stale; names come from the store, so completion offers what exists now.
#include "cli.h"
#include "common/paths.h"
#include "engine/settingkeys.h"
#include "exitcodes.h"
#include "store/jobstore.h"
#include "services/storeaccess.h"
#include "store/store.h"

#include <QFileInfo>
#include <QSet>

namespace xms::cli {

namespace {

enum class Names { None, Sources, Clouds, Profiles, Jobs, SettingKeys };

// The bash script offers file names when it reads this line.
const QString kFilesMarker = QStringLiteral(":files");

// What an option's value names, by the option's long name.
Names namesForOption(const QString& option)
{
    if (option == u"source")
        return Names::Sources;
    if (option == u"cloud")
        return Names::Clouds;
    if (option == u"network-profile")
        return Names::Profiles;
    if (option == u"job")
        return Names::Jobs;
    return Names::None;
}

// What a command's first positional argument names: an existing source, cloud, profile, job or setting.
// Commands that create the name (source create, profile save …) take a new one.
Names namesForPositional(const Command& c)
{
    const QString first = c.synopsis.section(u' ', 0, 0);
    const QString verb = c.path.value(1);
    if (first == u"ID")
        return Names::Jobs;
    if (first == u"KEY")
        return Names::SettingKeys;
    if ((first != u"NAME" && first != u"OLD") || verb == u"create" || verb == u"save")
        return Names::None;
    const QString& group = c.path.first();
    if (group == u"source")
        return Names::Sources;
    if (group == u"cloud")
        return Names::Clouds;
    if (group == u"profile")
        return Names::Profiles;
    return Names::None;
}

QStringList namesIn(Names kind)
{
    if (kind == Names::SettingKeys) {
        QStringList keys;
        for (const settings::Known& k : settings::known())
            keys << QString::fromLatin1(k.key);
        return keys;
    }
    // Completion never creates a store: nothing stored yet means no names.
    if (kind == Names::None)
        return {};
    const auto where = storeaccess::chosen();
    if (!where || (!where->isPostgres() && !QFileInfo::exists(where->path)))
        return {};
    auto store = storeaccess::open();
    if (!store)
        return {};
    QStringList names;
    switch (kind) {
    case Names::Sources:
        for (const EnvironmentRecord& e : store->environments().value_or(QList<EnvironmentRecord>()))
            names << e.name;
        break;
    case Names::Clouds:
        for (const CloudRecord& c : store->clouds().value_or(QList<CloudRecord>()))
            names << c.name;
        break;
    case Names::Profiles:
        for (const ProfileRecord& p : store->profiles().value_or(QList<ProfileRecord>()))
            names << p.name;
        break;
    case Names::Jobs:
        for (const JobRecord& j : JobStore(*store).jobs().value_or(QList<JobRecord>()))
            names << j.id;
        break;
    default:
        break;
    }
    return names;
}

// Fixed values of options that take one of a few words.
QStringList valuesOf(const Command& c, const QString& option)
{
    if (option == u"output")
        return c.outputFormats;
    if (option == u"kind")
        return {QStringLiteral("cold")};
    if (option == u"mac-fallback")
        return {QStringLiteral("new-mac"), QStringLiteral("fail")};
    if (option == u"file" || option == u"ca-file")
        return {kFilesMarker};
    return namesIn(namesForOption(option));
}

const QCommandLineOption* optionNamed(const Command& c, const QString& word)
{
    if (!word.startsWith(u"--"))
        return nullptr;
    const QString name = word.mid(2);
    for (const QCommandLineOption& o : c.options)
        if (o.names().contains(name))
            return &o;
    return nullptr;
}

} // namespace

QStringList Cli::completions(const QStringList& words) const
{
    QStringList typed = words.mid(0, words.size() - 1);
    typed.removeAll(QStringLiteral("--verbose")); // main takes it out wherever it is
    const QString current = words.isEmpty() ? QString() : words.last();

    const Command* command = nullptr;
    for (const Command& c : m_commands)
        if (c.path.size() <= typed.size() && typed.mid(0, c.path.size()) == c.path
            && (!command || c.path.size() > command->path.size()))
            command = &c;

    QStringList candidates;
    if (!command) {
        if (typed.size() > 1)
            return {};
        QSet<QString> seen;
        for (const Command& c : m_commands) {
            const QString word = typed.isEmpty() ? c.path.first() : c.path.value(1);
            if ((typed.isEmpty() || c.path.first() == typed.first()) && !word.isEmpty() && !seen.contains(word)) {
                seen.insert(word);
                candidates << word;
            }
        }
        if (typed.isEmpty())
            candidates << QStringLiteral("--help") << QStringLiteral("--version") << QStringLiteral("--verbose");
    } else if (const QCommandLineOption* o = optionNamed(*command, typed.value(typed.size() - 1));
               o && !o->valueName().isEmpty() && typed.size() > command->path.size()) {
        candidates = valuesOf(*command, o->names().last());
    } else if (current.startsWith(u'-')) {
        for (const QCommandLineOption& opt : command->options)
            candidates << u"--" + opt.names().last();
        candidates << QStringLiteral("--help") << QStringLiteral("--verbose");
    } else {
        // Only the first positional names something that exists; count the words that are not options.
        int positionals = 0;
        for (qsizetype i = command->path.size(); i < typed.size(); ++i) {
            const QCommandLineOption* opt = optionNamed(*command, typed.at(i));
            if (opt && !opt->valueName().isEmpty())
                ++i; // its value
            else if (!typed.at(i).startsWith(u'-'))
                ++positionals;
        }
        if (positionals == 0)
            candidates = namesIn(namesForPositional(*command));
    }
    QStringList matching;
    for (const QString& c : candidates)
        if (c == kFilesMarker || c.startsWith(current))
            matching << c;
    return matching;
}

int Cli::complete(const QStringList& words) const
{
    for (const QString& c : completions(words))
        out() << c << '\n';
    out().flush();
    return exit::Ok;
}

} // namespace xms::cli
