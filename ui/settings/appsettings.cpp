#include "appsettings.h"

#include "engine/settingkeys.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace xms::ui {

namespace {
QString key(const char* k) { return QString::fromLatin1(k); }
} // namespace

AppSettings AppSettings::load(const Store& store)
{
    AppSettings s;
    bool ok = false;
    const int slotCount = store.setting(key(settings::kWorkerSlots)).toInt(&ok);
    if (ok && slotCount >= 1 && slotCount <= 64)
        s.workerSlots = slotCount;
    const int exports = store.setting(key(settings::kExportsPerHost)).toInt(&ok);
    if (ok && exports >= 1 && exports <= 16)
        s.exportsPerHost = exports;
    s.stagingDir = store.setting(key(settings::kStagingDir));
    s.virtioWin = store.setting(key(settings::kVirtioWin));
    return s;
}

Status AppSettings::validate() const
{
    if (workerSlots < 1 || workerSlots > 64)
        return fail(QStringLiteral("usage.value"),
                    QCoreApplication::translate("AppSettings", "Worker slots must be a number from 1 to 64."));
    if (exportsPerHost < 1 || exportsPerHost > 16)
        return fail(QStringLiteral("usage.value"),
                    QCoreApplication::translate("AppSettings", "Exports per host must be a number from 1 to 16."));
    if (!stagingDir.isEmpty() && (!QDir().mkpath(stagingDir) || !QFileInfo(stagingDir).isWritable()))
        return fail(QStringLiteral("usage.value"),
                    QCoreApplication::translate("AppSettings", "Cannot write to %1; choose a directory this user can "
                                                               "write.")
                        .arg(stagingDir));
    if (!virtioWin.isEmpty() && !QFileInfo(virtioWin).isFile())
        return fail(QStringLiteral("usage.value"),
                    QCoreApplication::translate("AppSettings", "%1 is not a file; give the path of virtio-win.iso.")
                        .arg(virtioWin));
    return {};
}

Status AppSettings::save(Store& store) const
{
    if (auto ok = validate(); !ok)
        return ok;
    if (auto r = store.setSetting(key(settings::kWorkerSlots), QString::number(workerSlots)); !r)
        return r;
    if (auto r = store.setSetting(key(settings::kExportsPerHost), QString::number(exportsPerHost)); !r)
        return r;
    if (auto r = store.setSetting(key(settings::kStagingDir), stagingDir); !r)
        return r;
    return store.setSetting(key(settings::kVirtioWin), virtioWin);
}

} // namespace xms::ui
