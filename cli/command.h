#pragma once

#include <QCommandLineOption>
#include <QList>
#include <QStringList>
#include <functional>

namespace xms::cli {

class CommandContext;

// A handler either returns an exit code, or returns Async and calls finish() later from the event loop
// (clients in core are asynchronous; the CLI waits in QCoreApplication::exec, never in a nested loop).
constexpr int Async = -1;

struct Positional
{
    QString name;
    QString description;
};

// One `xms GROUP COMMAND`: what --help shows, the options and arguments it takes (declared here so the
// context parses them once, before the handler runs), and the handler.
struct Command
{
    QStringList path; // {"source", "create"}
    QString synopsis; // "NAME --host H [--port P] …"
    QString summary; // one line for `xms --help`
    QList<QCommandLineOption> options; // in --help order; outputOption() among them: takes --output
    QList<Positional> positionals;
    std::function<int(CommandContext&)> run;
    QStringList outputFormats {QStringLiteral("text"), QStringLiteral("json")}; // what its --output takes
};

} // namespace xms::cli
