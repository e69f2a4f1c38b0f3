#pragma once

#include "moref.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace xms::vsphere {

struct ExportedDisk
{
    int index = 0; // in VmInfo::disks
    QString deviceKey; // the lease's key for it
    QString path; // the staging image (sparse raw)
    QString format; // what came over the wire: "vmdk-stream" or "raw"; "reused" when it was already staged
    quint64 capacityBytes = 0;
    quint64 bytesReceived = 0;
    int resumes = 0;
    QJsonObject toJson() const;
};

// What an export leaves behind: the staging images in the VM's disk order, and — when the export itself
// powered the source off — which VM, so that a cancel can power it on again. Typed, so that the engine
// never learns it by reading event payloads back.
struct ExportResult
{
    QList<ExportedDisk> disks; // in VM disk order
    qint64 elapsedMs = 0;
    MoRef poweredOff; // null when the VM was already off (or nothing was powered off yet)
    QDateTime startedAt; // UTC, before the power-off: the VM's disks are this export's from here on

    QStringList paths() const;
    quint64 capacityBytes() const; // all disks' virtual size
    // The data of the "export.completed" event: disks and elapsedMs (poweredOff has its own event).
    QJsonObject toJson() const;
};

} // namespace xms::vsphere
