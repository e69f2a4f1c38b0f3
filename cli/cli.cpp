#include "cli.h"

#include "commandcontext.h"
#include "commands.h"
#include "exitcodes.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <cstdio>

namespace xms::cli {

namespace {

// The streams of the command that runs now; run() points them at its caller's.
struct Streams
{
    QTextStream* out = nullptr;
    QTextStream* err = nullptr;
    QTextStream* in = nullptr;
};
Streams& current()
{
    static Streams streams;
    return streams;
}

QTextStream& standard(FILE* file)
{
    static QTextStream stdOut(stdout);
    static QTextStream stdErr(stderr);
    return file == stdout ? stdOut : stdErr;
}

} // namespace

QTextStream& out()
{
    return current().out ? *current().out : standard(stdout);
}

QTextStream& err()
{
    return current().err ? *current().err : standard(stderr);
}

void finish(int exitCode)
{
    out().flush();
    err().flush();
    QCoreApplication::exit(exitCode);
}

int run(const QStringList& args, QTextStream& outStream, QTextStream& errStream, QTextStream* inStream)
{
    static const Cli cli;
    const Streams saved = current();
    current() = {&outStream, &errStream, inStream};
    const int code = cli.run(args);
    outStream.flush();
    errStream.flush();
    current() = saved;
    return code;
}

Cli::Cli()
{
    // In this order for `xms --help`.
    registerSourceCommands(*this);
    registerCloudCommands(*this);
    registerMigrationCommands(*this);
    registerProfileCommands(*this);
    registerWorkerCommands(*this);
    registerSettingsCommands(*this);
    registerStoreCommands(*this);
}

void Cli::add(Command command)
{
    m_commands.append(std::move(command));
}

const QCommandLineOption& outputOption()
{
    static const QCommandLineOption option(QStringLiteral("output"),
                                           QStringLiteral("Output format: text (default) or json."),
                                           QStringLiteral("FORMAT"), QStringLiteral("text"));
    return option;
}

int Cli::run(const QStringList& args) const
{
    if (args.isEmpty() || args.first() == u"--help" || args.first() == u"-h" || args.first() == u"help")
        return printHelp(args.size() > 1 ? args.at(1) : QString());
    if (args.first() == u"--version" || args.first() == u"-V") {
        out() << "xms " << QCoreApplication::applicationVersion() << Qt::endl;
        return exit::Ok;
    }
    if (args.first() == u"__complete")
        return complete(args.mid(1));

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
    CommandContext context(*best, rest);
    if (auto stop = context.parse())
        return *stop;
    const int code = best->run(context);
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
         "  --verbose    Print the internal log (also after any command; QT_LOGGING_RULES=\"xms.*.debug=true\" for "
         "more)\n"
         "\nEnvironment:\n  XMS_HOME     Directory for all state (database, staging, logs); default: the user's "
         "data directory\n"
         "\nExit codes: 0 ok, 1 failed, 2 bad usage (nothing changed), 3 not found, 4 authentication or "
         "TLS trust, 5 job failed or cancelled (--wait)\n";
    o.flush();
    return exit::Ok;
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
    if (QTextStream* in = current().in) {
        QString line = in->readLine();
        while (line.endsWith(u'\r'))
            line.chop(1);
        return line;
    }
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
