// xms: the command line. The commands live in the xms_cli library (cli/), tested in-process.
#include "cli.h"
#include "common/version.h"
#include "i18n.h"
#include "verbosity.h"

#include <QCoreApplication>
#include <cstdio>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("xms"));
    QCoreApplication::setApplicationVersion(xms::versionString());
    QCoreApplication::setOrganizationName(QStringLiteral("Xloud"));

    // Event messages and the core's errors in the user's language (a worker stores texts untranslated,
    // so its own language never reaches a reader).
    xms::installTranslations(app);

    QTextStream out(stdout);
    QTextStream err(stderr);
    QStringList args = QCoreApplication::arguments().mid(1);
    xms::cli::applyVerbosity(args);
    return xms::cli::run(args, out, err);
}
