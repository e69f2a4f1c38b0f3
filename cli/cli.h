#pragma once

#include "command.h"
#include "common/error.h"

#include <QJsonValue>
#include <QStringList>
#include <QTextStream>

namespace xms::cli {

// Runs `xms ARGS…` (without the program name) in this process, printing to outStream and errStream, and returns
// the exit code. Secrets for --password-stdin come from inStream (default: standard input). A command that waits
// for the network runs the application's event loop (QCoreApplication::exec) until it finishes; one
// command runs at a time. Tests call this directly; main() is a thin wrapper around it.
int run(const QStringList& args, QTextStream& outStream, QTextStream& errStream, QTextStream* inStream = nullptr);

// The command table and dispatcher for `xms GROUP COMMAND [options]`.
class Cli
{
public:
    Cli(); // every command group
    void add(Command command);
    int run(const QStringList& args) const;
    const QList<Command>& commands() const { return m_commands; }
    // Candidates for the last of words (the word being typed) after `xms words…` (completion.cpp).
    QStringList completions(const QStringList& words) const;

private:
    int printHelp(const QString& group = {}) const;
    int complete(const QStringList& words) const; // the hidden `xms __complete WORD…`
    QList<Command> m_commands;
};

// The running command's streams (see run()).
QTextStream& out();
QTextStream& err();

// Ends an Async command with this exit code.
void finish(int exitCode);

// Prints "xms: <message>" (and the detail) on stderr and returns the exit code that fits the error.
int report(const Error& error);
int exitCodeFor(const Error& error);

// Reads a secret (for --password-stdin): one line, trailing newline dropped.
QString readSecretFromStdin();

void printJson(const QJsonValue& value);

// --output text|json, for every command that prints data (the context checks it).
const QCommandLineOption& outputOption();

} // namespace xms::cli
