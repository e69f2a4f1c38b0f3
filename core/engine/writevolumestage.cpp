#include "writevolumestage.h"

#include "common/errorcodes.h"
#include "engine/cloudclients.h"
#include "engine/jobcontext.h"
#include "transfer/qcow2stream.h"
#include "transfer/uploaddigest.h"

#include <QJsonArray>
#include <algorithm>

namespace xms {

namespace {
constexpr qint64 kGiB = 1024LL * 1024 * 1024;
constexpr double kUploadShare = 0.9; // of a disk's progress; Cinder copying the image is the rest
// Glance's default hashing_algorithm: what os_hash_value is computed with unless the cloud changed it.
constexpr auto kWireHash = "sha512";
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
        Disk d;
        d.size = qint64((*stream)->virtualSize());
        d.streamSize = qint64((*stream)->size());
        d.stream = std::move(*stream);
        auto digest = UploadDigest::ofDisk(d.stream, QString::fromLatin1(kWireHash));
        if (!digest)
            return stop(digest.error());
        d.digest = std::move(*digest);
        m_total += d.streamSize;
        m_disks.append(std::move(d));
    }
    m_clock.start();
    emit event(
        EventLevel::Info, QStringLiteral("write.started"),
        Text::translate("xms::WriteVolumeStageRunner", "Writing %n volume(s) of type %1", nullptr, int(m_disks.size()))
            .arg(ctx->spec.volumeType.isEmpty() ? Text::translate("xms::WriteVolumeStageRunner", "(default)")
                                                : Text::literal(ctx->spec.volumeType)),
        {{QStringLiteral("disks"), int(m_disks.size())},
         {QStringLiteral("bytes"), double(m_total)},
         {QStringLiteral("volume_type"), ctx->spec.volumeType},
         {QStringLiteral("availability_zone"), ctx->spec.availabilityZone}});
    if (m_disks.isEmpty())
        return complete();
    createImage(0);
}

// Disks go one upload at a time (they share the uplink), but Block Storage copies disk N into its volume
// while disk N+1 uploads.
void WriteVolumeStageRunner::createImage(int disk)
{
    if (m_ended) // the previous disk's volume could not even be recorded
        return;
    xloud::ImageSpec spec;
    spec.name = m_ctx->resourceName(QStringLiteral("disk%1-image").arg(disk));
    spec.diskFormat = QStringLiteral("qcow2"); // Block Storage writes the volume raw
    if (disk == 0) // the boot disk carries what Nova needs to boot it on VirtIO
        for (auto it = m_ctx->imageProperties.begin(); it != m_ctx->imageProperties.end(); ++it)
            spec.properties.insert(it.key(), it.value().toVariant().toString());
    spec.properties.insert(QStringLiteral("xms_job"), m_ctx->jobId);
    auto ledger = m_ctx->ledger->record(QStringLiteral("image"), spec.name);
    if (!ledger)
        return stop(ledger.error());
    m_cloud->images->createImage(spec, [this, disk, id = *ledger](Result<xloud::Image> image) {
        if (m_ended)
            return;
        if (!image)
            return stop(image.error());
        if (failed(m_ctx->ledger->setResource(id, image->id)))
            return;
        upload(disk, id, image->id);
    });
}

void WriteVolumeStageRunner::upload(int disk, qint64 ledgerId, const QString& imageId)
{
    xloud::UploadOptions o;
    o.onProgress = [this, disk](const xloud::UploadProgress& p) {
        m_disks[disk].uploaded = qint64(p.sent);
        report();
    };
    m_cloud->images->upload(imageId, m_disks.at(disk).digest, o,
                            [this, disk, ledgerId, imageId](Result<xloud::UploadResult> r) {
                                if (m_ended)
                                    return;
                                if (!r)
                                    return stop(r.error());
                                uploaded(disk, *r, imageId);
                                m_cloud->images->waitActive(
                                    imageId,
                                    [this, disk, ledgerId](Result<xloud::Image> active) {
                                        if (m_ended)
                                            return;
                                        if (!active)
                                            return stop(active.error());
                                        verify(disk, *active, ledgerId);
                                    },
                                    CloudClients::waitOptions());
                            });
}

void WriteVolumeStageRunner::uploaded(int disk, const xloud::UploadResult& r, const QString& imageId)
{
    constexpr qint64 kMiB = 1024 * 1024;
    const Disk& d = m_disks.at(disk);
    emit event(EventLevel::Info, QStringLiteral("write.image_uploaded"),
               Text::translate("xms::WriteVolumeStageRunner",
                               "Disk %1 uploaded: %2 MiB in %3 s (the data of a %4 MiB disk, as qcow2)")
                   .arg(disk + 1)
                   .arg(qint64(r.bytes) / kMiB)
                   .arg(r.seconds, 0, 'f', 1)
                   .arg(d.size / kMiB),
               {{QStringLiteral("disk"), disk},
                {QStringLiteral("image_id"), imageId},
                {QStringLiteral("bytes"), double(r.bytes)},
                {QStringLiteral("disk_bytes"), double(d.size)},
                {QStringLiteral("data_bytes"), double(d.stream->dataBytes())},
                {QStringLiteral("disk_format"), QStringLiteral("qcow2")},
                {QStringLiteral("seconds"), r.seconds},
                {QStringLiteral("hash_algo"), d.digest->algorithm()},
                {QStringLiteral("hash_value"), d.digest->digest()},
                {QStringLiteral("raw_sha256"), d.digest->rawSha256()}});
    m_disks[disk].uploaded = d.streamSize;
}

// The image service hashed what it received; XMS hashed what it sent. Equal, or the bytes changed on the way.
void WriteVolumeStageRunner::verify(int disk, const xloud::Image& image, qint64 imageLedgerId)
{
    const Disk& d = m_disks.at(disk);
    const QString ours = d.digest->digest();
    const QJsonObject data {{QStringLiteral("disk"), disk},
                            {QStringLiteral("image_id"), image.id},
                            {QStringLiteral("hash_algo"), d.digest->algorithm()},
                            {QStringLiteral("hash_value"), ours},
                            {QStringLiteral("os_hash_algo"), image.hashAlgo},
                            {QStringLiteral("os_hash_value"), image.hashValue},
                            {QStringLiteral("raw_sha256"), d.digest->rawSha256()}};
    if (image.hashAlgo != d.digest->algorithm() || image.hashValue.isEmpty() || ours.isEmpty()) {
        // A cloud configured for another algorithm (or none): nothing to compare, said so in the report.
        emit event(EventLevel::Warning, QStringLiteral("write.image_unverified"),
                   Text::translate("xms::WriteVolumeStageRunner",
                                   "Disk %1: the image service reports checksum '%2', XMS computed %3; the upload "
                                   "was not compared")
                       .arg(disk + 1)
                       .arg(image.hashAlgo.isEmpty() ? QStringLiteral("-") : image.hashAlgo)
                       .arg(d.digest->algorithm()),
                   data);
    } else if (image.hashValue.compare(ours, Qt::CaseInsensitive) != 0) {
        emit event(EventLevel::Error, QStringLiteral("write.checksum_mismatch"),
                   Text::translate("xms::WriteVolumeStageRunner",
                                   "Disk %1: the image service received other bytes than XMS sent (%2 %3 ≠ %4)")
                       .arg(disk + 1)
                       .arg(image.hashAlgo, image.hashValue.left(16), ours.left(16)),
                   data);
        return stop(Error::make(
            errc::kWriteChecksumMismatch,
            tr("Disk %1 arrived corrupted at the image service: its %2 checksum differs from the one XMS computed "
               "while uploading. Check the network path to the cloud (proxies, TLS inspection), then retry the job.")
                .arg(disk + 1)
                .arg(image.hashAlgo),
            QStringLiteral("image %1: os_hash_value %2, sent %3").arg(image.id, image.hashValue, ours)));
    } else {
        emit event(EventLevel::Info, QStringLiteral("write.image_verified"),
                   Text::translate("xms::WriteVolumeStageRunner",
                                   "Disk %1 verified: the image service's %2 checksum equals the one XMS computed")
                       .arg(disk + 1)
                       .arg(image.hashAlgo),
                   data);
    }
    createVolume(disk, image.id, imageLedgerId);
    if (disk + 1 < m_disks.size())
        createImage(disk + 1);
}

void WriteVolumeStageRunner::createVolume(int disk, const QString& imageId, qint64 imageLedgerId)
{
    const QList<vsphere::DiskInfo>& disks = m_ctx->vm.disks;
    const qint64 size = m_disks.at(disk).size;
    const qint64 capacity = disk < disks.size() ? disks.at(disk).capacityBytes : size;
    xloud::VolumeSpec spec;
    spec.name = m_ctx->spec.effectiveInstanceName() + QStringLiteral("-disk%1").arg(disk);
    spec.sizeGiB = int(std::max<qint64>(1, (std::max(capacity, size) + kGiB - 1) / kGiB));
    spec.volumeType = m_ctx->spec.volumeType;
    spec.availabilityZone = m_ctx->spec.availabilityZone;
    spec.imageId = imageId;
    spec.description = tr("Disk %1 of VMware VM %2, migrated by XMS").arg(disk + 1).arg(m_ctx->spec.vm);
    spec.metadata = {{QStringLiteral("xms_job"), m_ctx->jobId},
                     {QStringLiteral("xms_source_vm"), m_ctx->spec.vm},
                     {QStringLiteral("xms_disk"), QString::number(disk)}};
    auto ledger = m_ctx->ledger->record(QStringLiteral("volume"), spec.name);
    if (!ledger)
        return stop(ledger.error());
    m_cloud->volumes->createVolume(spec, [this, disk, id = *ledger, imageId, imageLedgerId](Result<xloud::Volume> v) {
        if (m_ended)
            return;
        if (!v)
            return stop(v.error());
        if (failed(m_ctx->ledger->setResource(id, v->id)))
            return;
        m_disks[disk].volumeId = v->id;
        m_cloud->volumes->waitAvailable(
            v->id,
            [this, disk, imageId, imageLedgerId](Result<xloud::Volume> ready) {
                if (m_ended)
                    return;
                if (!ready)
                    return stop(ready.error());
                m_disks[disk].volumeReady = true;
                report();
                emit event(EventLevel::Info, QStringLiteral("write.volume_created"),
                           Text::translate("xms::WriteVolumeStageRunner", "Volume %1 (%2 GiB) is available")
                               .arg(ready->name)
                               .arg(ready->sizeGiB),
                           {{QStringLiteral("disk"), disk},
                            {QStringLiteral("volume_id"), ready->id},
                            {QStringLiteral("size_gib"), ready->sizeGiB},
                            {QStringLiteral("volume_type"), ready->volumeType},
                            {QStringLiteral("bootable"), ready->bootable}});
                deleteImage(disk, imageId, imageLedgerId);
            },
            CloudClients::waitOptions());
    });
}

void WriteVolumeStageRunner::deleteImage(int disk, const QString& imageId, qint64 imageLedgerId)
{
    // The volume holds its own copy; the temporary image would only cost quota.
    m_cloud->images->deleteImage(imageId, [this, disk, imageLedgerId](Status s) {
        if (m_ended)
            return;
        if (!s)
            return stop(s.error());
        if (failed(m_ctx->ledger->setState(imageLedgerId, QStringLiteral("deleted"))))
            return;
        m_disks[disk].done = true;
        if (std::all_of(m_disks.begin(), m_disks.end(), [](const Disk& d) { return d.done; }))
            complete();
    });
}

void WriteVolumeStageRunner::complete()
{
    m_ended = true;
    for (const Disk& d : std::as_const(m_disks))
        m_ctx->volumeIds.append(d.volumeId); // in disk order: the boot disk first
    emit progress(100, m_total, m_total);
    emit event(EventLevel::Info, QStringLiteral("write.completed"),
               Text::translate("xms::WriteVolumeStageRunner", "%n volume(s) written in %1 s", nullptr,
                               int(m_ctx->volumeIds.size()))
                   .arg(m_clock.elapsed() / 1000),
               {{QStringLiteral("volume_ids"), QJsonArray::fromStringList(m_ctx->volumeIds)}});
    emit finished({});
}

void WriteVolumeStageRunner::report()
{
    qint64 done = 0;
    for (const Disk& d : std::as_const(m_disks))
        done += d.volumeReady ? d.streamSize : qint64(double(d.uploaded) * kUploadShare);
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

int WriteVolumeStageRunner::writing() const
{
    for (int i = 0; i < m_disks.size(); ++i)
        if (!m_disks.at(i).done)
            return i;
    return int(m_disks.size()) - 1;
}

void WriteVolumeStageRunner::cancel()
{
    if (m_ended)
        return;
    QMetaObject::invokeMethod(
        this,
        [this] {
            stop(Error::make(errc::kJobCancelled,
                             tr("Cancelled while writing volume %1 of %2").arg(writing() + 1).arg(m_disks.size())));
        },
        Qt::QueuedConnection);
}

} // namespace xms
