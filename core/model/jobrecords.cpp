#include "jobrecords.h"

namespace xms {

QString eventLevelKey(EventLevel level)
{
    switch (level) {
    case EventLevel::Debug:
        return QStringLiteral("debug");
    case EventLevel::Info:
        return QStringLiteral("info");
    case EventLevel::Warning:
        return QStringLiteral("warning");
    case EventLevel::Error:
        return QStringLiteral("error");
    }
    return QStringLiteral("info");
}

EventLevel eventLevelFromKey(QStringView key)
{
    if (key == u"debug")
        return EventLevel::Debug;
    if (key == u"warning")
        return EventLevel::Warning;
    if (key == u"error")
        return EventLevel::Error;
    return EventLevel::Info;
}

QJsonObject EventRecord::toJson() const
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("time"), time.toString(Qt::ISODateWithMs)},
            {QStringLiteral("stage"), stageKey(stage)},
            {QStringLiteral("level"), eventLevelKey(level)},
            {QStringLiteral("name"), name},
            {QStringLiteral("message"), message},
            {QStringLiteral("data"), data}};
}

} // namespace xms
