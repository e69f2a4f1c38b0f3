#include "appsettings.h"

#include "engine/settingkeys.h"

namespace xms::ui {

namespace {
QString key(const char* k)
{
    return QString::fromLatin1(k);
}
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
    const int days = store.setting(key(settings::kKeepConvertedDays)).toInt(&ok);
    if (ok && days >= 0 && days <= 365)
        s.keepConvertedDays = days;
    s.stagingDir = store.setting(key(settings::kStagingDir));
    s.virtioWin = store.setting(key(settings::kVirtioWin));
    return s;
}

Status AppSettings::validate() const
{
    for (const auto& [k, value] : values()) {
        if (auto ok = settings::check(key(k), value); !ok)
            return ok;
    }
    return {};
}

QList<std::pair<const char*, QString>> AppSettings::values() const
{
    return {{settings::kWorkerSlots, QString::number(workerSlots)},
            {settings::kExportsPerHost, QString::number(exportsPerHost)},
            {settings::kKeepConvertedDays, QString::number(keepConvertedDays)},
            {settings::kStagingDir, stagingDir},
            {settings::kVirtioWin, virtioWin}};
}

Status AppSettings::save(Store& store) const
{
    if (auto ok = validate(); !ok)
        return ok;
    for (const auto& [k, value] : values()) {
        if (auto r = store.setSetting(key(k), value); !r)
            return r;
    }
    return {};
}

} // namespace xms::ui
