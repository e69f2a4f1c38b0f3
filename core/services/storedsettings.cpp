#include "storedsettings.h"

#include "common/errorcodes.h"
#include "common/text.h"
#include "engine/settingkeys.h"

#include <QCoreApplication>

namespace xms {

StoredSettings StoredSettings::load(const Store& store)
{
    StoredSettings s;
    s.workerSlots = settings::intValue(store, settings::kWorkerSlots);
    s.exportsPerHost = settings::intValue(store, settings::kExportsPerHost);
    s.keepConvertedDays = settings::intValue(store, settings::kKeepConvertedDays);
    // Empty stays empty: the dialog shows the default as a placeholder, and follows XMS_HOME.
    s.stagingDir = store.setting(QLatin1StringView(settings::kStagingDir));
    s.virtioWin = store.setting(QLatin1StringView(settings::kVirtioWin));
    s.verifyBoot = settings::value(store, settings::kVerifyBoot);
    return s;
}

Status StoredSettings::validate() const
{
    for (const auto& [k, value] : values()) {
        if (auto ok = settings::check(QLatin1StringView(k), value); !ok)
            return ok;
    }
    return {};
}

QList<std::pair<const char*, QString>> StoredSettings::values() const
{
    return {{settings::kWorkerSlots, QString::number(workerSlots)},
            {settings::kExportsPerHost, QString::number(exportsPerHost)},
            {settings::kKeepConvertedDays, QString::number(keepConvertedDays)},
            {settings::kStagingDir, stagingDir},
            {settings::kVirtioWin, virtioWin},
            {settings::kVerifyBoot, verifyBoot}};
}

Status StoredSettings::save(Store& store) const
{
    if (auto ok = validate(); !ok)
        return ok;
    for (const auto& [k, value] : values()) {
        if (auto r = store.setSetting(QLatin1StringView(k), value); !r)
            return r;
    }
    return {};
}

Status StoredSettings::set(Store& store, const QString& key, const QString& value)
{
    if (!settings::find(key)) {
        QStringList keys;
        for (const settings::Known& k : settings::known())
            keys.append(QLatin1StringView(k.key));
        return fail(
            errc::kUsageKey,
            Text::translate("Settings", "Unknown setting '%1'. Known: %2.").toString().arg(key, keys.join(u", ")));
    }
    if (Status ok = settings::check(key, value); !ok)
        return ok;
    return store.setSetting(key, value);
}

} // namespace xms
