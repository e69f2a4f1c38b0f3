#include "paths.h"

#include <QDir>
#include <QStandardPaths>
#include <QSysInfo>

namespace xms::paths {

namespace {
QString ensured(const QString& dir)
{
    QDir().mkpath(dir);
    return dir;
}
} // namespace

QString home()
{
    const QString env = qEnvironmentVariable("XMS_HOME");
    if (!env.isEmpty())
        return ensured(QDir(env).absolutePath());
    return ensured(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + u"/xms");
}

QString databaseFile() { return home() + u"/xms.sqlite"; }
QString stagingDir() { return ensured(home() + u"/staging"); }

QString cacheDir()
{
    if (qEnvironmentVariableIsSet("XMS_HOME"))
        return ensured(home() + u"/cache");
    return ensured(QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation) + u"/xms");
}

QString hostName()
{
    const QString name = qEnvironmentVariable("XMS_HOST_NAME");
    return name.isEmpty() ? QSysInfo::machineHostName() : name;
}

QString logDir() { return ensured(home() + u"/logs"); }

} // namespace xms::paths
