// xms: the command line. The commands live in the xms_cli library (cli/), tested in-process.
#include "cli.h"
#include "common/version.h"

#include <QCoreApplication>
#include <cstdio>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("xms"));
    QCoreApplication::setApplicationVersion(xms::versionString());
    QCoreApplication::setOrganizationName(QStringLiteral("Xloud"));

    QTextStream out(stdout);
    QTextStream err(stderr);
    return xms::cli::run(QCoreApplication::arguments().mid(1), out, err);
}
