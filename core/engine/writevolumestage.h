#pragma once

#include "engine/stagerunner.h"

#include <QElapsedTimer>
#include <QPointer>
#include <memory>

namespace xms {

class CloudClients;
class Qcow2Stream;

// Write Volume: per staging disk, a temporary Glance image streamed from the file as qcow2 (only the
// clusters that hold data), a Cinder volume of the chosen type and zone created from it (the image's
// hw_*/os_* properties become the volume's volume_image_metadata), then the image is deleted. Every resource is in the
// ledger before it is waited on. Writes ctx->volumeIds in disk order.
class WriteVolumeStageRunner : public StageRunner
{
    Q_OBJECT
public:
    using StageRunner::StageRunner;
    Stage stage() const override { return Stage::WriteVolume; }
    void start(JobContext* ctx) override;
    void cancel() override;

private:
    void nextDisk();
    void upload(qint64 ledgerId, const QString& imageId);
    void createVolume(const QString& imageId, qint64 imageLedgerId);
    void deleteImage(const QString& imageId, qint64 imageLedgerId);
    void report(qint64 diskBytesDone);
    void stop(const Error& error);
    bool failed(const Status& s);

    JobContext* m_ctx = nullptr;
    QPointer<CloudClients> m_cloud;
    int m_disk = -1;
    QList<std::shared_ptr<const Qcow2Stream>> m_streams; // per disk: what goes over the wire
    QList<qint64> m_sizes; // of the streams
    QList<qint64> m_diskSizes; // of the raw staging files
    qint64 m_total = 0;
    qint64 m_doneBefore = 0; // bytes of the disks already written
    QElapsedTimer m_clock;
    bool m_ended = false;
};

} // namespace xms
