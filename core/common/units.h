#pragma once

#include <QString>

namespace xms {

// Sizes and durations for people, in this process's language: "1.5 GiB", "4 min 12 s".
QString formatBytes(qint64 bytes);
QString formatDuration(qint64 seconds);

} // namespace xms
