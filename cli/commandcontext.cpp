#include "commandcontext.h"

#include "cli.h"
#include "exitcodes.h"
#include "services/storeaccess.h"

#include <algorithm>

namespace xms::cli {

CommandContext::CommandContext(const Command& command, const QStringList& args)
    : m_command(command)
    , m_args(args)
{
}

QString CommandContext::name() const
{
    return m_command.path.join(u' ');
}

std::optional<int> CommandContext::parse()
{
    m_parser.setApplicationDescription(m_command.summary);
    m_parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    m_parser.addOptions(m_command.options);
    for (const Positional& p : m_command.positionals)
        m_parser.addPositionalArgument(p.name, p.description);
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this help."));
    m_parser.addOption(help);
    if (!m_parser.parse(m_args)) {
        err() << "xms " << name() << ": " << m_parser.errorText() << "\nRun 'xms " << name() << " --help' for usage."
              << Qt::endl;
        return exit::Usage;
    }
    if (m_parser.isSet(help)) {
        QString text = m_parser.helpText();
        // Qt prints "Usage: <argv0> [options]"; show the real synopsis instead.
        const qsizetype eol = text.indexOf(u'\n');
        text.replace(0, eol, u"Usage: xms " + name() + u' ' + m_command.synopsis);
        out() << text;
        out().flush();
        return exit::Ok;
    }
    const bool takesOutput
        = std::any_of(m_command.options.begin(), m_command.options.end(),
                      [](const QCommandLineOption& o) { return o.names() == outputOption().names(); });
    if (takesOutput) {
        const QString v = m_parser.value(outputOption());
        const QStringList& formats = m_command.outputFormats;
        if (!formats.contains(v)) {
            QStringList quoted;
            for (const QString& f : formats)
                quoted << u'\'' + f + u'\'';
            const QString choices = quoted.size() > 1 ? quoted.mid(0, quoted.size() - 1).join(QStringLiteral(", "))
                    + QStringLiteral(" or ") + quoted.last()
                                                      : quoted.value(0);
            err() << "xms: --output must be " << choices << ", not '" << v << "'." << Qt::endl;
            return exit::Usage;
        }
        m_output = v;
        m_json = v == u"json";
    }
    return std::nullopt;
}

std::optional<int> CommandContext::oneName(const QString& what, QString& name) const
{
    if (positional().size() != 1) {
        const QString cmd = this->name();
        err() << "xms " << cmd << ": give exactly one " << what << " NAME. Run 'xms " << cmd << " --help' for usage."
              << Qt::endl;
        return exit::Usage;
    }
    name = positional().first();
    return std::nullopt;
}

int CommandContext::usage(const QString& message) const
{
    err() << "xms " << name() << ": " << message << "\nRun 'xms " << name() << " --help' for usage." << Qt::endl;
    return exit::Usage;
}

Result<Store>& CommandContext::store()
{
    if (!m_store)
        m_store = storeaccess::open();
    return *m_store;
}

} // namespace xms::cli
