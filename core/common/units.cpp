#include "units.h"

#include "text.h"

#include <QLocale>

namespace xms {

QString formatBytes(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

QString formatDuration(qint64 seconds)
{
    if (seconds < 60)
        return Text::translate("xms::Units", "%n s", nullptr, int(seconds)).toString();
    if (seconds < 3600)
        return Text::translate("xms::Units", "%1 min %2 s").arg(seconds / 60).arg(seconds % 60).toString();
    return Text::translate("xms::Units", "%1 h %2 min").arg(seconds / 3600).arg((seconds % 3600) / 60).toString();
}

} // namespace xms
