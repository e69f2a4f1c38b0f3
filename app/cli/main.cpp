#include "cli.h"
#include "common/version.h"

#include <QCoreApplication>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("xms"));
    QCoreApplication::setApplicationVersion(xms::versionString());
    QCoreApplication::setOrganizationName(QStringLiteral("Xloud"));

    xms::cli::Cli cli;
    return cli.run(QCoreApplication::arguments());
}
