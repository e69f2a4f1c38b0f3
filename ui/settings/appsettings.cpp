#include "appsettings.h"

namespace xms::ui {

AppSettings AppSettings::load(const Store& store)
{
    AppSettings s;
    bool ok = false;
    const int slotCount = store.setting(QString::fromLatin1(kWorkerSlots)).toInt(&ok);
    if (ok && slotCount >= 1 && slotCount <= 64)
        s.workerSlots = slotCount;
    s.stagingDir = store.setting(QString::fromLatin1(kStagingDir));
    s.virtioWin = store.setting(QString::fromLatin1(kVirtioWin));
    return s;
}

Status AppSettings::save(Store& store) const
{
    if (auto r = store.setSetting(QString::fromLatin1(kWorkerSlots), QString::number(workerSlots)); !r)
        return r;
    if (auto r = store.setSetting(QString::fromLatin1(kStagingDir), stagingDir); !r)
        return r;
    if (auto r = store.setSetting(QString::fromLatin1(kLegacyStagingDir), stagingDir); !r)
        return r;
    return store.setSetting(QString::fromLatin1(kVirtioWin), virtioWin);
}

} // namespace xms::ui
