#pragma once

#include "model/records.h"
#include "xloud/session.h"

namespace xms {

// Reads the cloud's secret from the keychain, then hands over an xloud::Session owned by parent. The
// xloud module knows nothing of the keychain: the secret reaches it as a value.
void openCloudSession(const CloudRecord& cloud, QObject* parent, xloud::Callback<xloud::Session*> done);

} // namespace xms
