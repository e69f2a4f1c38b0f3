#include "settingkeys.h"

#include "common/errorcodes.h"
#include "common/paths.h"
#include "common/text.h"
#include "store/store.h"

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
    return fail(errc::kUsageValue,
                Text::translate("Settings", "%1 must be a number from %2 to %3, not '%4'.")
                    .toString()
                    .arg(key)
                    .arg(low)
                    .arg(high)
                    .arg(value));
}
} // namespace

const QList<Known>& known()
{
    static const QList<Known> list = {
        {kWorkerSlots, "Jobs a worker runs at once (1-64, default 2)", "2", 1, 64},
        {kStagingDir, "Directory for staged disk images (default: XMS_HOME/staging)", nullptr, 0, 0},
        {kVirtioWin, "Path of a virtio-win ISO; needed to migrate Windows guests", nullptr, 0, 0},
        {kVerifyBoot,
         "Boot the converted guest locally and check its network before uploading: auto (when KVM works), "
         "always or never (default auto)",
         "auto", 0, 0},
        {kExportsPerHost, "Disk exports at once per ESXi host (1-16, default 2)", "2", 1, 16},
        {kKeepConvertedDays,
         "Days a failed job keeps its converted disks for a retry (0-365, 0: until discarded; "
         "default 7)",
         "7", 0, 365},
    };
    return list;
}

const Known* find(const QString& key)
{
    for (const Known& k : known())
        if (key == QLatin1StringView(k.key))
            return &k;
    return nullptr;
}

QString defaultValue(const QString& key)
{
    if (key == QLatin1StringView(kStagingDir))
        return paths::stagingDir(); // depends on XMS_HOME, so not a constant
    const Known* k = find(key);
    return k && k->defaultValue ? QString::fromLatin1(k->defaultValue) : QString();
}

QString value(const Store& store, const char* key)
{
    const QString k = QLatin1StringView(key);
    return store.setting(k, defaultValue(k));
}

int intValue(const Store& store, const char* key)
{
    const QString k = QLatin1StringView(key);
    const QString stored = store.setting(k);
    if (!stored.isEmpty() && check(k, stored))
        return stored.toInt();
    return defaultValue(k).toInt();
}

Status check(const QString& key, const QString& value)
{
    if (value.isEmpty())
        return {};
    if (const Known* k = find(key); k && k->isNumber())
        return inRange(key, value, k->low, k->high);
    if (key == QLatin1StringView(kStagingDir) && (!QDir().mkpath(value) || !QFileInfo(value).isWritable()))
        return fail(errc::kUsageValue,
                    Text::translate("Settings", "Cannot write to %1; choose a directory this user can write.")
                        .toString()
                        .arg(value));
    if (key == QLatin1StringView(kVerifyBoot) && value != u"auto" && value != u"always" && value != u"never")
        return fail(
            errc::kUsageValue,
            Text::translate("Settings", "%1 must be auto, always or never, not '%2'.").toString().arg(key, value));
    if (key == QLatin1StringView(kVirtioWin) && !QFileInfo(value).isFile())
        return fail(
            errc::kUsageValue,
            Text::translate("Settings", "%1 is not a file; give the path of virtio-win.iso.").toString().arg(value));
    return {};
}

} // namespace xms::settings
