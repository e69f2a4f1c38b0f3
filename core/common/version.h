#pragma once

#include <QString>

namespace xms {

inline QString versionString() { return QStringLiteral(XMS_VERSION); }

} // namespace xms
