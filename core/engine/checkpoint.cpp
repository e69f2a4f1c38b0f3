#include "checkpoint.h"

#include "common/errorcodes.h"
#include "common/paths.h"
#include "common/text.h"
#include "engine/jobcontext.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>

namespace xms {

namespace {
const QString kDisks = QStringLiteral("disks");
}

Checkpoint Checkpoint::capture(const JobContext& ctx)
{
    Checkpoint c;
    c.attempt = ctx.attempt;
    for (const QString& path : ctx.stagingDisks()) {
        const QFileInfo f(path);
        c.disks.append({path, f.size(), f.lastModified().toUTC()});
    }
    c.vm = ctx.vm;
    c.guest = ctx.guest;
    c.imageProperties = ctx.imageProperties;
    c.poweredOff = ctx.exported.poweredOff;
    c.exportStarted = ctx.exported.startedAt;
    c.host = paths::hostName();
    return c;
}

QJsonObject Checkpoint::toJson() const
{
    QJsonArray files;
    for (const Disk& d : disks)
        files.append(QJsonObject {{QStringLiteral("path"), d.path},
                                  {QStringLiteral("size"), d.size},
                                  {QStringLiteral("modified"), d.modified.toString(Qt::ISODateWithMs)}});
    QJsonObject o {{QStringLiteral("attempt"), attempt},
            {kDisks, files},
            {QStringLiteral("vm"), vm.toJson()},
            {QStringLiteral("guest"), guest ? guest->toJson() : QJsonObject()},
            {QStringLiteral("image_properties"), imageProperties},
            {QStringLiteral("powered_off_moref"), poweredOff.value},
            {QStringLiteral("export_started"), exportStarted.toString(Qt::ISODateWithMs)}};
    if (!host.isEmpty())
        o.insert(QStringLiteral("host"), host);
    return o;
}

std::optional<Checkpoint> Checkpoint::fromJson(const QJsonObject& o)
{
    const QJsonArray files = o.value(kDisks).toArray();
    if (files.isEmpty())
        return std::nullopt;
    Checkpoint c;
    c.attempt = o.value(u"attempt").toInt();
    for (const QJsonValue& v : files) {
        const QJsonObject d = v.toObject();
        c.disks.append({d.value(u"path").toString(), d.value(u"size").toInteger(),
                        QDateTime::fromString(d.value(u"modified").toString(), Qt::ISODateWithMs)});
    }
    c.vm = vsphere::VmInfo::fromJson(o.value(u"vm").toObject());
    if (auto guest = GuestInfo::fromJson(o.value(u"guest").toObject()))
        c.guest = *guest;
    c.imageProperties = o.value(u"image_properties").toObject();
    if (const QString moref = o.value(u"powered_off_moref").toString(); !moref.isEmpty())
        c.poweredOff = {QStringLiteral("VirtualMachine"), moref};
    c.exportStarted = QDateTime::fromString(o.value(u"export_started").toString(), Qt::ISODateWithMs);
    c.host = o.value(u"host").toString();
    return c;
}

bool Checkpoint::onThisHost() const
{
    return host.isEmpty() || host == paths::hostName();
}

Status Checkpoint::verify() const
{
    if (!onThisHost())
        return fail(errc::kCheckpointElsewhere,
                    Text::translate("xms::Checkpoint",
                                    "the converted disks are kept in the staging area of host %1, and this worker "
                                    "runs on %2")
                        .toString()
                        .arg(host, paths::hostName()));
    for (const Disk& d : disks) {
        const QFileInfo f(d.path);
        QString why;
        if (!f.exists())
            why = Text::translate("xms::Checkpoint", "%1 is gone").toString().arg(d.path);
        else if (f.size() != d.size || f.lastModified().toUTC() != d.modified)
            why = Text::translate("xms::Checkpoint", "%1 changed after it was converted").toString().arg(d.path);
        if (!why.isEmpty())
            return fail(errc::kCheckpointStale, why);
    }
    return {};
}

void Checkpoint::restoreInto(JobContext& ctx) const
{
    ctx.exported = {};
    for (const Disk& d : disks) {
        vsphere::ExportedDisk disk;
        disk.index = int(ctx.exported.disks.size());
        disk.path = d.path;
        disk.format = QStringLiteral("reused");
        if (disk.index < vm.disks.size())
            disk.capacityBytes = quint64(vm.disks.at(disk.index).capacityBytes);
        ctx.exported.disks.append(disk);
    }
    ctx.exported.poweredOff = poweredOff;
    ctx.exported.startedAt = exportStarted;
    ctx.vm = vm;
    ctx.guest = guest;
    ctx.imageProperties = imageProperties;
}

qint64 Checkpoint::bytes() const
{
    qint64 total = 0;
    for (const Disk& d : disks)
        total += d.size;
    return total;
}

} // namespace xms
