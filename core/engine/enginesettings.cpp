#include "enginesettings.h"

#include "engine/settingkeys.h"
#include "guest/guestfsenv.h"
#include "store/store.h"

namespace xms {

EngineSettings EngineSettings::read(const Store& store)
{
    // Through the one key/default table (settingkeys.h): a number that is not valid reads as its default;
    // worker slots stay as stored so `xms worker` can name a bad value instead of replacing it.
    EngineSettings s;
    s.workerSlots = settings::value(store, settings::kWorkerSlots);
    s.stagingDir = settings::value(store, settings::kStagingDir);
    s.virtioWin = settings::value(store, settings::kVirtioWin);
    s.verifyBoot = settings::value(store, settings::kVerifyBoot);
    s.exportsPerHost = settings::intValue(store, settings::kExportsPerHost);
    s.keepConvertedDays = settings::intValue(store, settings::kKeepConvertedDays);
    return s;
}

bool EngineSettings::bootVerificationOn() const
{
    return verifyBoot == u"always" || (verifyBoot != u"never" && guestfs::kvmUsable());
}

} // namespace xms
