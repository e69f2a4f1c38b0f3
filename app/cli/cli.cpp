#include "cli.h"

#include "exitcodes.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <cstdio>

namespace xms::cli {

QTextStream& out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream& err()
{
    static QTextStream stream(stderr);
    return stream;
}

void finish(int exitCode)
{
    out().flush();
    err().flush();
    QCoreApplication::exit(exitCode);
}

void Cli::add(Command command)
{
    m_commands.append(std::move(command));
}

void addCommand(Cli& cli, const QStringList& path, const QString& synopsis, const QString& summary, CommandFn fn)
{
    auto cmd = std::make_shared<Command>(Command {path, synopsis, summary, {}});
    cmd->run = [cmd, fn](const QStringList& args) { return fn(args, *cmd); };
    cli.add(*cmd);
}

const QCommandLineOption& outputOption()
{
    static const QCommandLineOption option(QStringLiteral("output"),
                                           QStringLiteral("Output format: text (default) or json."),
                                           QStringLiteral("FORMAT"), QStringLiteral("text"));
    return option;
}

std::optional<int> checkOutput(const QCommandLineParser& parser, bool& json)
{
    const QString v = parser.value(outputOption());
    if (v != u"text" && v != u"json") {
        err() << "xms: --output must be 'text' or 'json', not '" << v << "'." << Qt::endl;
        return exit::Usage;
    }
    json = v == u"json";
    return std::nullopt;
}

std::optional<int> oneName(const QCommandLineParser& parser, const Command& command, const QString& what, QString& name)
{
    if (parser.positionalArguments().size() != 1) {
        const QString cmd = command.path.join(u' ');
        err() << "xms " << cmd << ": give exactly one " << what << " NAME. Run 'xms " << cmd << " --help' for usage."
              << Qt::endl;
        return exit::Usage;
    }
    name = parser.positionalArguments().first();
    return std::nullopt;
}

int Cli::run(const QStringList& arguments)
{
    const QStringList args = arguments.mid(1);
    if (args.isEmpty() || args.first() == u"--help" || args.first() == u"-h" || args.first() == u"help")
        return printHelp(args.size() > 1 ? args.at(1) : QString());
    if (args.first() == u"--version" || args.first() == u"-V") {
        out() << "xms " << QCoreApplication::applicationVersion() << Qt::endl;
        return exit::Ok;
    }

    // Longest command path that matches the leading words wins.
    const Command* best = nullptr;
    for (const Command& c : m_commands) {
        if (c.path.size() <= args.size() && args.mid(0, c.path.size()) == c.path
            && (!best || c.path.size() > best->path.size()))
            best = &c;
    }
    if (!best) {
        const bool knownGroup = std::any_of(m_commands.begin(), m_commands.end(),
                                            [&](const Command& c) { return c.path.first() == args.first(); });
        const bool askedHelp = args.size() == 2 && (args.at(1) == u"--help" || args.at(1) == u"-h");
        if (knownGroup && (args.size() == 1 || askedHelp))
            return printHelp(args.first());
        err() << "xms: unknown command '" << args.mid(0, knownGroup ? 2 : 1).join(u' ')
              << "'. Run 'xms --help' to see the commands." << Qt::endl;
        return exit::Usage;
    }
    QStringList rest {QStringLiteral("xms ") + best->path.join(u' ')};
    rest += args.mid(best->path.size());
    const int code = best->run(rest);
    if (code != Async)
        return code;
    return QCoreApplication::exec();
}

int Cli::printHelp(const QString& group) const
{
    QTextStream& o = out();
    o << "Usage: xms COMMAND [options]\n\n"
         "Cold-migrate VMware vSphere VMs into Xloud. Run 'xms COMMAND --help' for a command's options.\n\n"
         "Commands:\n";
    int width = 0;
    for (const Command& c : m_commands)
        width = std::max(width, int(c.path.join(u' ').size()));
    for (const Command& c : m_commands) {
        if (!group.isEmpty() && c.path.first() != group)
            continue;
        o << "  " << c.path.join(u' ').leftJustified(width + 2) << c.summary << '\n';
    }
    o << "\nOptions:\n  --help       Show help (also after any command)\n  --version    Show the version\n"
         "\nEnvironment:\n  XMS_HOME     Directory for all state (database, staging, logs); default: the user's "
         "data directory\n"
         "\nExit codes: 0 ok, 1 failed, 2 bad usage (nothing changed), 3 not found, 4 authentication or "
         "TLS trust, 5 job failed or cancelled (--wait)\n";
    o.flush();
    return exit::Ok;
}

std::optional<int> parse(QCommandLineParser& parser, const QStringList& args, const Command& command)
{
    parser.setApplicationDescription(command.summary);
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this help."));
    parser.addOption(help);
    if (!parser.parse(args)) {
        err() << "xms " << command.path.join(u' ') << ": " << parser.errorText() << "\nRun 'xms "
              << command.path.join(u' ') << " --help' for usage." << Qt::endl;
        return exit::Usage;
    }
    if (parser.isSet(help)) {
        QString text = parser.helpText();
        // Qt prints "Usage: <argv0> [options]"; show the real synopsis instead.
        const qsizetype eol = text.indexOf(u'\n');
        text.replace(0, eol, u"Usage: xms " + command.path.join(u' ') + u' ' + command.synopsis);
        out() << text;
        out().flush();
        return exit::Ok;
    }
    return std::nullopt;
}

int exitCodeFor(const Error& error)
{
    if (error.code.endsWith(u".not_found") || error.code.startsWith(u"notfound."))
        return exit::NotFound;
    if (error.code.startsWith(u"usage.") || error.code.startsWith(u"input."))
        return exit::Usage;
    if (error.code.startsWith(u"tls.") || error.code.endsWith(u".invalid_login")
        || error.code.endsWith(u".unauthorized") || error.code.startsWith(u"auth."))
        return exit::Auth;
    return exit::Failed;
}

int report(const Error& error)
{
    err() << "xms: " << error.message << Qt::endl;
    if (!error.detail.isEmpty() && error.detail != error.message)
        err() << "  detail: " << error.detail << Qt::endl;
    return exitCodeFor(error);
}

QString readSecretFromStdin()
{
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly))
        return {};
    QByteArray line = in.readLine();
    while (line.endsWith('\n') || line.endsWith('\r'))
        line.chop(1);
    return QString::fromUtf8(line);
}

void printJson(const QJsonValue& value)
{
    const QJsonDocument doc = value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
    out() << doc.toJson(QJsonDocument::Indented);
    out().flush();
}

} // namespace xms::cli
