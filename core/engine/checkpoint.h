#pragma once

#include "common/error.h"
#include "guest/guestinfo.h"
#include "vsphere/vminfo.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace xms {

struct JobContext;

// What a job has once its disks are exported and converted: the staging images and what Export,
// Inspect and Guest Fixes found. Saved with the job after Guest Fixes, so that a retry after a later
// failure (or a crash) resumes at Write Volume instead of exporting and converting again — the slow
// part. The images are trusted only while each still has the size and modification time recorded here.
struct Checkpoint
{
    struct Disk
    {
        QString path;
        qint64 size = 0;
        QDateTime modified;
    };

    int attempt = 0; // the attempt that converted the disks
    QList<Disk> disks;
    vsphere::VmInfo vm;
    std::optional<GuestInfo> guest; // empty when none was stored (or it cannot be read)
    QJsonObject imageProperties;
    vsphere::MoRef poweredOff; // null when the job did not power the source off
    QDateTime exportStarted; // UTC; a power-on of the VM after it means the disks are out of date
    QString host; // the host whose staging holds the disks; a worker elsewhere starts over (empty: any)

    static Checkpoint capture(const JobContext& ctx);
    // The stored form (the job's checkpoint column); its schema is what earlier versions wrote and read.
    static std::optional<Checkpoint> fromJson(const QJsonObject& o); // nullopt for an empty or foreign object
    QJsonObject toJson() const;

    // "checkpoint.elsewhere" when the disks are on another host's staging; "checkpoint.stale" naming the
    // disk that is missing or changed since it was converted.
    Status verify() const;
    bool onThisHost() const; // true for a checkpoint of this host (or one that names none)
    void restoreInto(JobContext& ctx) const;
    qint64 bytes() const; // apparent size of the staged disks
};

} // namespace xms
