#pragma once

#include "common/error.h"

#include <QCommandLineParser>
#include <QJsonValue>
#include <QStringList>
#include <QTextStream>
#include <functional>
#include <optional>

namespace xms::cli {

// A handler either returns an exit code, or returns Async and calls finish() later from the event loop
// (clients in core are asynchronous; the CLI waits in QCoreApplication::exec, never in a nested loop).
constexpr int Async = -1;
using Handler = std::function<int(const QStringList& args)>;

struct Command
{
    QStringList path; // {"source", "create"}
    QString synopsis; // "NAME --host H [--port P] …"
    QString summary; // one line for `xms --help`
    Handler run;
};

// The command table and dispatcher for `xms GROUP COMMAND [options]`.
class Cli
{
public:
    void add(Command command);
    int run(const QStringList& arguments);
    const QList<Command>& commands() const { return m_commands; }

private:
    int printHelp(const QString& group = {}) const;
    QList<Command> m_commands;
};

QTextStream& out();
QTextStream& err();

// Ends an Async command with this exit code.
void finish(int exitCode);

// Parses a command's options. Returns an exit code when the command should stop here: after --help
// (0) or on a usage error (2, with the parser's message and a hint to use --help).
std::optional<int> parse(QCommandLineParser& parser, const QStringList& args, const Command& command);

// Prints "xms: <message>" (and the detail) on stderr and returns the exit code that fits the error.
int report(const Error& error);
int exitCodeFor(const Error& error);

// Reads a secret from standard input (for --password-stdin): one line, trailing newline dropped.
QString readSecretFromStdin();

void printJson(const QJsonValue& value);

// --output text|json, for every command that prints data.
const QCommandLineOption& outputOption();
// After parse(): whether JSON was asked for; any other value than text or json is a usage error.
std::optional<int> checkOutput(const QCommandLineParser& parser, bool& json);
// Exactly one positional NAME of a `what` ("source", "cloud", "profile").
std::optional<int> oneName(const QCommandLineParser& parser, const Command& command, const QString& what,
                           QString& name);

// Registers `xms PATH…` to run fn with its own Command (for usage messages).
using CommandFn = int (*)(const QStringList& args, const Command& command);
void addCommand(Cli& cli, const QStringList& path, const QString& synopsis, const QString& summary, CommandFn fn);

} // namespace xms::cli
