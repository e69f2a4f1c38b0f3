#include "exportresult.h"

#include <QJsonArray>

namespace xms::vsphere {

QJsonObject ExportedDisk::toJson() const
{
    return QJsonObject {
        {QStringLiteral("index"), index},
        {QStringLiteral("deviceKey"), deviceKey},
        {QStringLiteral("path"), path},
        {QStringLiteral("format"), format},
        {QStringLiteral("capacityBytes"), qint64(capacityBytes)},
        {QStringLiteral("bytesReceived"), qint64(bytesReceived)},
        {QStringLiteral("resumes"), resumes},
    };
}

QStringList ExportResult::paths() const
{
    QStringList out;
    for (const ExportedDisk& d : disks)
        out << d.path;
    return out;
}

quint64 ExportResult::capacityBytes() const
{
    quint64 total = 0;
    for (const ExportedDisk& d : disks)
        total += d.capacityBytes;
    return total;
}

QJsonObject ExportResult::toJson() const
{
    QJsonArray list;
    for (const ExportedDisk& d : disks)
        list.append(d.toJson());
    return QJsonObject {{QStringLiteral("disks"), list}, {QStringLiteral("elapsedMs"), elapsedMs}};
}

} // namespace xms::vsphere
