#include "enginesettings.h"

#include "common/paths.h"
#include "engine/settingkeys.h"
#include "store/store.h"

namespace xms {

EngineSettings EngineSettings::read(const Store& store)
{
    // The values exactly as the engine always took them (a malformed number reads as 0; `xms settings set`
    // and the Settings dialog refuse to store one).
    const auto value = [&store](const char* key, const QString& fallback = {}) {
        return store.setting(QLatin1StringView(key), fallback);
    };
    EngineSettings s;
    s.workerSlots = value(settings::kWorkerSlots, QStringLiteral("2"));
    s.stagingDir = value(settings::kStagingDir, paths::stagingDir());
    s.virtioWin = value(settings::kVirtioWin);
    s.exportsPerHost = value(settings::kExportsPerHost, QStringLiteral("2")).toInt();
    s.keepConvertedDays = value(settings::kKeepConvertedDays, QStringLiteral("7")).toInt();
    return s;
}

} // namespace xms
