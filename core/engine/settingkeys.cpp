#include "settingkeys.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace xms::settings {

namespace {
Status inRange(const QString& key, const QString& value, int low, int high)
{
    bool ok = false;
    const int n = value.toInt(&ok);
    if (ok && n >= low && n <= high)
        return {};
    return fail(QStringLiteral("usage.value"),
                QCoreApplication::translate("Settings", "%1 must be a number from %2 to %3, not '%4'.")
                    .arg(key)
                    .arg(low)
                    .arg(high)
                    .arg(value));
}
} // namespace

Status check(const QString& key, const QString& value)
{
    if (value.isEmpty())
        return {};
    if (key == QLatin1StringView(kWorkerSlots))
        return inRange(key, value, 1, 64);
    if (key == QLatin1StringView(kExportsPerHost))
        return inRange(key, value, 1, 16);
    if (key == QLatin1StringView(kKeepConvertedDays))
        return inRange(key, value, 0, 365);
    if (key == QLatin1StringView(kStagingDir) && (!QDir().mkpath(value) || !QFileInfo(value).isWritable()))
        return fail(
            QStringLiteral("usage.value"),
            QCoreApplication::translate("Settings", "Cannot write to %1; choose a directory this user can write.")
                .arg(value));
    if (key == QLatin1StringView(kVirtioWin) && !QFileInfo(value).isFile())
        return fail(
            QStringLiteral("usage.value"),
            QCoreApplication::translate("Settings", "%1 is not a file; give the path of virtio-win.iso.").arg(value));
    return {};
}

} // namespace xms::settings
