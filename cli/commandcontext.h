#pragma once

#include "command.h"
#include "common/error.h"
#include "store/store.h"

#include <QCommandLineParser>
#include <optional>

namespace xms::cli {

// What every command needs, done once here instead of in each command: its arguments parsed (with
// --help and usage errors), --output checked, and the shared store opened on first use.
class CommandContext
{
public:
    CommandContext(const Command& command, const QStringList& args);

    // Parses the arguments. An exit code when the command stops here: after --help (0), or on a usage
    // error or a bad --output (2).
    std::optional<int> parse();

    const Command& command() const { return m_command; }
    const QCommandLineParser& parser() const { return m_parser; }
    bool isSet(const QCommandLineOption& option) const { return m_parser.isSet(option); }
    QString value(const QCommandLineOption& option) const { return m_parser.value(option); }
    QStringList values(const QCommandLineOption& option) const { return m_parser.values(option); }
    QStringList positional() const { return m_parser.positionalArguments(); }
    bool json() const { return m_json; }
    QString output() const { return m_output; } // the --output value ("text" when not given)
    QString name() const; // "source create"

    // Exactly one positional NAME of a `what` ("source", "cloud"); a usage error (2) otherwise.
    std::optional<int> oneName(const QString& what, QString& name) const;
    // "xms <command>: message" and the --help hint on stderr; returns the usage exit code.
    int usage(const QString& message) const;

    // The store, opened once for the command.
    Result<Store>& store();

private:
    const Command& m_command;
    QStringList m_args;
    QCommandLineParser m_parser;
    bool m_json = false;
    QString m_output = QStringLiteral("text");
    std::optional<Result<Store>> m_store;
};

} // namespace xms::cli
