#include "cli.h"
#include "commands.h"
#include "common/version.h"

#include <QCoreApplication>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("xms"));
    QCoreApplication::setApplicationVersion(xms::versionString());
    QCoreApplication::setOrganizationName(QStringLiteral("Xloud"));

    xms::cli::Cli cli;
    xms::cli::registerSourceCommands(cli);
    xms::cli::registerCloudCommands(cli);
    xms::cli::registerMigrationCommands(cli);
    xms::cli::registerProfileCommands(cli);
    xms::cli::registerWorkerCommands(cli);
    xms::cli::registerSettingsCommands(cli);
    return cli.run(QCoreApplication::arguments());
}
