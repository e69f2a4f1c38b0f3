#include "writevolumestage.h"

#include "common/errorcodes.h"
#include "engine/cloudclients.h"
#include "engine/jobcontext.h"
#include "transfer/qcow2stream.h"

#include <QJsonArray>

namespace xms {

namespace {
constexpr qint64 kGiB = 1024LL * 1024 * 1024;
constexpr double kUploadShare = 0.9; // of a disk's progress; Cinder copying the image is the rest
} // namespace

void WriteVolumeStageRunner::start(JobContext* ctx)
{
    m_ctx = ctx;
    m_cloud = new CloudClients(*ctx, this);
    m_ctx->volumeIds.clear();
    for (const QString& path : ctx->stagingDisks()) {
        // Each disk travels as qcow2 made from its allocation map: its data, not its zeros.
        auto stream = Qcow2Stream::open(path);
        if (!stream)
            return stop(stream.error());
        m_diskSizes.append(qint64((*stream)->virtualSize()));
        m_sizes.append(qint64((*stream)->size()));
        m_total += m_sizes.last();
        m_streams.append(std::move(*stream));
    }
    m_clock.start();
    emit event(EventLevel::Info, QStringLiteral("write.started"),
               Text::translate("xms::WriteVolumeStageRunner", "Writing %n volume(s) of type %1", nullptr,
                               int(ctx->exported.disks.size()))
                   .arg(ctx->spec.volumeType.isEmpty() ? Text::translate("xms::WriteVolumeStageRunner", "(default)")
                                                       : Text::literal(ctx->spec.volumeType)),
               {{QStringLiteral("disks"), int(ctx->exported.disks.size())},
                {QStringLiteral("bytes"), double(m_total)},
                {QStringLiteral("volume_type"), ctx->spec.volumeType},
                {QStringLiteral("availability_zone"), ctx->spec.availabilityZone}});
    nextDisk();
}

void WriteVolumeStageRunner::nextDisk()
{
    if (m_disk >= 0)
        m_doneBefore += m_sizes.at(m_disk);
    ++m_disk;
    if (m_disk == m_ctx->exported.disks.size()) {
        m_ended = true;
        emit progress(100, m_total, m_total);
        emit event(EventLevel::Info, QStringLiteral("write.completed"),
                   Text::translate("xms::WriteVolumeStageRunner", "%n volume(s) written in %1 s", nullptr,
                                   int(m_ctx->volumeIds.size()))
                       .arg(m_clock.elapsed() / 1000),
                   {{QStringLiteral("volume_ids"), QJsonArray::fromStringList(m_ctx->volumeIds)}});
        return emit finished({});
    }
    xloud::ImageSpec spec;
    spec.name = m_ctx->resourceName(QStringLiteral("disk%1-image").arg(m_disk));
    spec.diskFormat = QStringLiteral("qcow2"); // Block Storage writes the volume raw
    if (m_disk == 0) // the boot disk carries what Nova needs to boot it on VirtIO
        for (auto it = m_ctx->imageProperties.begin(); it != m_ctx->imageProperties.end(); ++it)
            spec.properties.insert(it.key(), it.value().toVariant().toString());
    spec.properties.insert(QStringLiteral("xms_job"), m_ctx->jobId);
    auto ledger = m_ctx->ledger->record(QStringLiteral("image"), spec.name);
    if (!ledger)
        return stop(ledger.error());
    m_cloud->images->createImage(spec, [this, id = *ledger](Result<xloud::Image> image) {
        if (m_ended)
            return;
        if (!image)
            return stop(image.error());
        if (failed(m_ctx->ledger->setResource(id, image->id)))
            return;
        upload(id, image->id);
    });
}

void WriteVolumeStageRunner::upload(qint64 ledgerId, const QString& imageId)
{
    xloud::UploadOptions o;
    o.onProgress = [this](const xloud::UploadProgress& p) { report(qint64(double(p.sent) * kUploadShare)); };
    m_cloud->images->upload(imageId, m_streams.at(m_disk), o, [this, ledgerId, imageId](Result<xloud::UploadResult> r) {
        if (m_ended)
            return;
        if (!r)
            return stop(r.error());
        constexpr qint64 kMiB = 1024 * 1024;
        emit event(EventLevel::Info, QStringLiteral("write.image_uploaded"),
                   Text::translate("xms::WriteVolumeStageRunner",
                                   "Disk %1 uploaded: %2 MiB in %3 s (the data of a %4 MiB disk, as qcow2)")
                       .arg(m_disk + 1)
                       .arg(qint64(r->bytes) / kMiB)
                       .arg(r->seconds, 0, 'f', 1)
                       .arg(m_diskSizes.at(m_disk) / kMiB),
                   {{QStringLiteral("disk"), m_disk},
                    {QStringLiteral("image_id"), imageId},
                    {QStringLiteral("bytes"), double(r->bytes)},
                    {QStringLiteral("disk_bytes"), double(m_diskSizes.at(m_disk))},
                    {QStringLiteral("data_bytes"), double(m_streams.at(m_disk)->dataBytes())},
                    {QStringLiteral("disk_format"), QStringLiteral("qcow2")},
                    {QStringLiteral("seconds"), r->seconds}});
        m_cloud->images->waitActive(
            imageId,
            [this, ledgerId, imageId](Result<xloud::Image> active) {
                if (m_ended)
                    return;
                if (!active)
                    return stop(active.error());
                createVolume(imageId, ledgerId);
            },
            CloudClients::waitOptions());
    });
}

void WriteVolumeStageRunner::createVolume(const QString& imageId, qint64 imageLedgerId)
{
    const QList<vsphere::DiskInfo>& disks = m_ctx->vm.disks;
    const qint64 capacity = m_disk < disks.size() ? disks.at(m_disk).capacityBytes : m_diskSizes.at(m_disk);
    xloud::VolumeSpec spec;
    spec.name = m_ctx->spec.effectiveInstanceName() + QStringLiteral("-disk%1").arg(m_disk);
    spec.sizeGiB = int(std::max<qint64>(1, (std::max(capacity, m_diskSizes.at(m_disk)) + kGiB - 1) / kGiB));
    spec.volumeType = m_ctx->spec.volumeType;
    spec.availabilityZone = m_ctx->spec.availabilityZone;
    spec.imageId = imageId;
    spec.description = tr("Disk %1 of VMware VM %2, migrated by XMS").arg(m_disk + 1).arg(m_ctx->spec.vm);
    spec.metadata = {{QStringLiteral("xms_job"), m_ctx->jobId},
                     {QStringLiteral("xms_source_vm"), m_ctx->spec.vm},
                     {QStringLiteral("xms_disk"), QString::number(m_disk)}};
    auto ledger = m_ctx->ledger->record(QStringLiteral("volume"), spec.name);
    if (!ledger)
        return stop(ledger.error());
    m_cloud->volumes->createVolume(spec, [this, id = *ledger, imageId, imageLedgerId](Result<xloud::Volume> v) {
        if (m_ended)
            return;
        if (!v)
            return stop(v.error());
        if (failed(m_ctx->ledger->setResource(id, v->id)))
            return;
        m_ctx->volumeIds.append(v->id);
        m_cloud->volumes->waitAvailable(
            v->id,
            [this, imageId, imageLedgerId](Result<xloud::Volume> ready) {
                if (m_ended)
                    return;
                if (!ready)
                    return stop(ready.error());
                report(m_sizes.at(m_disk));
                emit event(EventLevel::Info, QStringLiteral("write.volume_created"),
                           Text::translate("xms::WriteVolumeStageRunner", "Volume %1 (%2 GiB) is available")
                               .arg(ready->name)
                               .arg(ready->sizeGiB),
                           {{QStringLiteral("disk"), m_disk},
                            {QStringLiteral("volume_id"), ready->id},
                            {QStringLiteral("size_gib"), ready->sizeGiB},
                            {QStringLiteral("volume_type"), ready->volumeType},
                            {QStringLiteral("bootable"), ready->bootable}});
                deleteImage(imageId, imageLedgerId);
            },
            CloudClients::waitOptions());
    });
}

void WriteVolumeStageRunner::deleteImage(const QString& imageId, qint64 imageLedgerId)
{
    // The volume holds its own copy; the temporary image would only cost quota.
    m_cloud->images->deleteImage(imageId, [this, imageLedgerId](Status s) {
        if (m_ended)
            return;
        if (!s)
            return stop(s.error());
        if (failed(m_ctx->ledger->setState(imageLedgerId, QStringLiteral("deleted"))))
            return;
        nextDisk();
    });
}

void WriteVolumeStageRunner::report(qint64 diskBytesDone)
{
    const qint64 done = m_doneBefore + diskBytesDone;
    emit progress(m_total ? int(done * 100 / m_total) : 0, done, m_total);
}

bool WriteVolumeStageRunner::failed(const Status& s)
{
    if (s)
        return false;
    stop(s.error());
    return true;
}

void WriteVolumeStageRunner::stop(const Error& error)
{
    if (m_ended)
        return;
    m_ended = true;
    m_cloud->deleteLater(); // stops uploads, waits and calls in flight; their callbacks see m_ended
    emit finished(std::unexpected(error));
}

void WriteVolumeStageRunner::cancel()
{
    if (m_ended)
        return;
    QMetaObject::invokeMethod(
        this,
        [this] {
            stop(Error::make(
                errc::kJobCancelled,
                tr("Cancelled while writing volume %1 of %2").arg(m_disk + 1).arg(m_ctx->exported.disks.size())));
        },
        Qt::QueuedConnection);
}

} // namespace xms
