#pragma once

#include "engine/stagerunner.h"

#include <QElapsedTimer>
#include <QPointer>
#include <memory>

namespace xms {

class CloudClients;
class Qcow2Stream;
class UploadDigest;
namespace xloud {
struct Image;
struct UploadResult;
} // namespace xloud

// Write Volume: per staging disk, a temporary Glance image streamed from the file as qcow2 (only the
// clusters that hold data), a Cinder volume of the chosen type and zone created from it (the image's
// hw_*/os_* properties become the volume's volume_image_metadata), then the image is deleted. Disk N+1
// uploads while Cinder copies disk N into its volume. Every resource is in the
// ledger before it is waited on. Writes ctx->volumeIds in disk order.
// Integrity: the upload digests what it sends (Glance's os_hash_algo, sha512 by default) and the raw disk
// (SHA-256, as `sha256sum` of the staging file); the image's os_hash_value must equal the first, or the
// stage fails ("write.checksum_mismatch": the bytes changed on the way).
class WriteVolumeStageRunner : public StageRunner
{
    Q_OBJECT
public:
    using StageRunner::StageRunner;
    Stage stage() const override { return Stage::WriteVolume; }
    void start(JobContext* ctx) override;
    void cancel() override;

private:
    struct Disk
    {
        std::shared_ptr<const Qcow2Stream> stream;
        std::shared_ptr<UploadDigest> digest; // what goes over the wire: the stream, digested as it is read
        qint64 size = 0; // of the raw staging file
        qint64 streamSize = 0;
        qint64 uploaded = 0; // stream bytes sent so far
        QString volumeId;
        bool volumeReady = false;
        bool done = false; // volume available and temporary image deleted
    };
    void createImage(int disk);
    void upload(int disk, qint64 ledgerId, const QString& imageId);
    void uploaded(int disk, const xloud::UploadResult& r, const QString& imageId);
    void verify(int disk, const xloud::Image& image, qint64 imageLedgerId);
    void createVolume(int disk, const QString& imageId, qint64 imageLedgerId);
    void deleteImage(int disk, const QString& imageId, qint64 imageLedgerId);
    void complete();
    void report();
    int writing() const; // the first disk not done, for messages
    void stop(const Error& error);
    bool failed(const Status& s);

    JobContext* m_ctx = nullptr;
    QPointer<CloudClients> m_cloud;
    QList<Disk> m_disks;
    qint64 m_total = 0; // stream bytes of all disks
    QElapsedTimer m_clock;
    bool m_ended = false;
};

} // namespace xms
