// Write Volume and the ledger cleanup against the real Glance and Cinder, without a conversion in front:
// cancel mid-upload, cancel while Cinder copies the image, and a finished write whose volume a later
// failure must remove. After each, nothing the stage made is left in the services. The disk travels as
// qcow2 made from its data; the volume Cinder writes from it holds the staging file's bytes exactly, and the
// image service's checksum of what it received equals the one XMS computed while sending.
#include "../xloud/labfaults.h"
#include "../xloud/xloudlab.h"
#include "engine/jobcontext.h"
#include "engine/jobstoreledger.h"
#include "engine/ledgercleanup.h"
#include "engine/writevolumestage.h"
#include "store/jobstore.h"
#include "store/store.h"
#include "transfer/qcow2stream.h"
#include "xloud/blockstorageclient.h"
#include "xloud/imageclient.h"
#include "xloud/session.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <sys/stat.h>

using namespace xms;
using namespace Qt::StringLiterals;
using namespace xms::test;

namespace {
// What a stage emitted: its event names in order, and the data of the last event of each name.
struct Emitted
{
    QStringList names;
    QHash<QString, QJsonObject> data;
    void watch(StageRunner& stage, QObject* context)
    {
        QObject::connect(&stage, &StageRunner::event, context,
                         [this](EventLevel, const QString& name, const Text&, const QJsonObject& d) {
                             names << name;
                             data.insert(name, d);
                         });
    }
};
} // namespace

class TestWriteVolume : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::optional<JobStore> m_jobs;
    QString m_disk;
    xloud::Session* m_session = nullptr;
    xloud::ImageClient* m_images = nullptr;
    xloud::BlockStorageClient* m_volumes = nullptr;
    static constexpr qint64 kSize = 1024LL * 1024 * 1024;

    std::unique_ptr<JobContext> context()
    {
        auto ctx = std::make_unique<JobContext>();
        auto job = m_jobs->create(QJsonObject {{u"vm"_s, u"wv-test"_s}});
        ctx->jobId = job->id;
        ctx->stagingDir = m_dir.filePath(job->id);
        ctx->cloud = labCloud(u"writevolume"_s);
        ctx->cloudSecret = labPassword();
        ctx->spec.vm = u"wv-test"_s;
        ctx->spec.instanceName = uniqueName(u"wv"_s);
        ctx->spec.cloud = ctx->cloud.name;
        ctx->spec.project = ctx->cloud.project;
        ctx->spec.volumeType = u"ssd"_s;
        vsphere::ExportedDisk staged;
        staged.path = m_disk;
        ctx->exported.disks = {staged};
        vsphere::DiskInfo disk;
        disk.capacityBytes = kSize;
        ctx->vm.disks = {disk};
        ctx->imageProperties = QJsonObject {{u"hw_disk_bus"_s, u"virtio"_s}, {u"hw_vif_model"_s, u"virtio"_s}};
        ctx->ledger = std::make_unique<JobStoreLedger>(*m_jobs, ctx->jobId, ctx->spec.cloud, ctx->spec.project);
        return ctx;
    }

    void cleanupAndVerify(JobContext& ctx)
    {
        std::optional<Status> done;
        test::StoreHost host(*m_jobs, ctx.jobId);
        (new LedgerCleanup(
             ctx, host, [&](Status s) { done = s; }, this))
            ->start();
        QVERIFY(QTest::qWaitFor([&] { return done.has_value(); }, 600000));
        QVERIFY2(done->has_value(), why(*done).constData());
        const auto ledger = ctx.ledger->entries();
        QVERIFY(!ledger->isEmpty());
        for (const LedgerEntry& e : *ledger)
            QVERIFY2(e.state == u"deleted", qPrintable(e.kind + u' ' + e.state));
        auto images = await<QList<xloud::Image>>(
            [&](auto cb) { m_images->findImages(ctx.resourceName(u"disk0-image"_s), cb); });
        XMS_VERIFY_OK(images);
        QVERIFY(images->isEmpty());
        auto volumes = await<QList<xloud::Volume>>(
            [&](auto cb) { m_volumes->findVolumes(ctx.spec.effectiveInstanceName() + u"-disk0", cb); });
        XMS_VERIFY_OK(volumes);
        QVERIFY(volumes->isEmpty());
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        auto store = Store::open(m_dir.filePath(u"xms.sqlite"_s));
        XMS_VERIFY_OK(store);
        m_jobs.emplace(*store);
        // A 1 GiB disk: data at both ends, a hole between (as a sparse staging image is). 384 MiB of data,
        // so an upload lasts long enough to be cancelled in the middle.
        m_disk = m_dir.filePath(u"disk-0.raw"_s);
        QFile f(m_disk);
        QVERIFY(f.open(QIODevice::WriteOnly));
        for (int i = 0; i < 96; ++i)
            f.write(QByteArray(4 << 20, char('a' + i % 26)));
        QVERIFY(f.resize(kSize));
        QVERIFY(f.seek(kSize - (1 << 20)));
        f.write(QByteArray(1 << 20, 'y'));
        f.close();
        m_session = new xloud::Session(labCloud(u"writevolume-check"_s), labPassword(), this);
        m_images = new xloud::ImageClient(m_session, m_session->cloud().project, this);
        m_volumes = new xloud::BlockStorageClient(m_session, m_session->cloud().project, this);
    }

    void cancelMidUpload()
    {
        auto ctx = context();
        WriteVolumeStageRunner stage;
        QSignalSpy finished(&stage, &StageRunner::finished);
        bool cancelled = false;
        connect(&stage, &StageRunner::progress, this, [&](int, qint64 done, qint64 total) {
            if (!cancelled && done > 0 && done < total / 2) {
                cancelled = true;
                stage.cancel();
            }
        });
        stage.start(ctx.get());
        QVERIFY(finished.wait(300000));
        QVERIFY(cancelled);
        const auto status = finished.first().first().value<Status>();
        QVERIFY(!status.has_value());
        QCOMPARE(status.error().code, u"job.cancelled"_s);
        cleanupAndVerify(*ctx);
    }

    void cancelWhileTheVolumeIsCreated()
    {
        auto ctx = context();
        WriteVolumeStageRunner stage;
        QSignalSpy finished(&stage, &StageRunner::finished);
        connect(&stage, &StageRunner::event, this, [&](EventLevel, const QString& name) {
            if (name == u"write.image_uploaded")
                stage.cancel(); // the image is uploaded; Cinder is about to copy it into the volume
        });
        stage.start(ctx.get());
        QVERIFY(finished.wait(600000));
        QCOMPARE(finished.first().first().value<Status>().error().code, u"job.cancelled"_s);
        cleanupAndVerify(*ctx);
    }

    void finishedWriteThenCleanup()
    {
        auto ctx = context();
        WriteVolumeStageRunner stage;
        QSignalSpy finished(&stage, &StageRunner::finished);
        Emitted emitted;
        emitted.watch(stage, this);
        stage.start(ctx.get());
        QVERIFY(finished.wait(600000));
        const QJsonObject uploaded = emitted.data.value(u"write.image_uploaded"_s);
        const QJsonObject verified = emitted.data.value(u"write.image_verified"_s);
        const QStringList& names = emitted.names;
        const auto status = finished.first().first().value<Status>();
        QVERIFY2(status.has_value(), why(status).constData());
        // Only the data went over the wire: 385 MiB of a 1 GiB disk, plus qcow2's tables.
        QCOMPARE(uploaded.value(u"disk_format").toString(), u"qcow2"_s);
        struct stat st
        {
        };
        QCOMPARE(::stat(QFile::encodeName(m_disk).constData(), &st), 0);
        const double allocated = double(st.st_blocks) * 512;
        const double sent = uploaded.value(u"bytes").toDouble();
        QVERIFY2(sent >= 385.0 * (1 << 20) && sent <= 1.05 * allocated,
                 qPrintable(u"sent %1 bytes for %2 allocated"_s.arg(sent).arg(allocated)));
        QCOMPARE(qint64(uploaded.value(u"disk_bytes").toDouble()), kSize);
        // Integrity: Glance's own os_hash_value (read back after the upload) equals what XMS computed while
        // sending — and an independent sha512 of the same qcow2 bytes — and the raw SHA-256 is `sha256sum`'s.
        QVERIFY2(names.contains(u"write.image_verified"_s), qPrintable(names.join(u' ')));
        QVERIFY(!names.contains(u"write.image_unverified"_s));
        QCOMPARE(verified.value(u"os_hash_algo").toString(), u"sha512"_s);
        QCOMPARE(verified.value(u"os_hash_value").toString(), uploaded.value(u"hash_value").toString());
        QCOMPARE(uploaded.value(u"hash_algo").toString(), u"sha512"_s);
        auto stream = Qcow2Stream::open(m_disk);
        XMS_VERIFY_OK(stream);
        QCryptographicHash sha512(QCryptographicHash::Sha512);
        QByteArray chunk(4 << 20, Qt::Uninitialized);
        for (quint64 at = 0; at < (*stream)->size();) {
            auto n = (*stream)->readAt(at, chunk.data(), size_t(chunk.size()));
            XMS_VERIFY_OK(n);
            sha512.addData(QByteArrayView(chunk.constData(), qsizetype(*n)));
            at += *n;
        }
        QCOMPARE(uploaded.value(u"hash_value").toString(), QString::fromLatin1(sha512.result().toHex()));
        QProcess sum;
        sum.start(u"sha256sum"_s, {m_disk});
        QVERIFY(sum.waitForFinished(120000) && sum.exitCode() == 0);
        QCOMPARE(uploaded.value(u"raw_sha256").toString(), QString::fromLatin1(sum.readAllStandardOutput().left(64)));
        QCOMPARE(verified.value(u"raw_sha256").toString(), uploaded.value(u"raw_sha256").toString());
        QCOMPARE(ctx->volumeIds.size(), 1);
        auto volume = await<xloud::Volume>([&](auto cb) { m_volumes->volume(ctx->volumeIds.first(), cb); });
        XMS_VERIFY_OK(volume);
        QCOMPARE(volume->status, u"available"_s);
        QCOMPARE(volume->sizeGiB, 1);
        QCOMPARE(volume->imageMetadata.value(u"hw_disk_bus"_s), u"virtio"_s);
        QCOMPARE(volume->metadata.value(u"xms_job"_s), ctx->jobId);
        // Cinder converted the qcow2 back: the volume's bytes are the staging file's, holes as zeros.
        const QString volumeFile
            = QString::fromUtf8(requireEnv("XMS_LAB_DIR")) + u"/cloud/cinder/volumes/volume-" + volume->id;
        QCOMPARE(QFileInfo(volumeFile).size(), kSize);
        QProcess cmp;
        cmp.start(u"cmp"_s, {m_disk, volumeFile});
        QVERIFY(cmp.waitForFinished(120000));
        QVERIFY2(cmp.exitStatus() == QProcess::NormalExit && cmp.exitCode() == 0,
                 QByteArray(cmp.readAllStandardOutput() + cmp.readAllStandardError()).constData());
        // The temporary image is already gone; the volume goes with the cleanup a later failure runs.
        cleanupAndVerify(*ctx);
    }

    // One byte damaged between XMS and Glance (the lab's TLS proxy as a middlebox): Glance's os_hash_value
    // no longer equals XMS's, the stage fails before any volume is made from the image, says so with both
    // values, and cleanup removes the image.
    void corruptedInTransitFailsTheStage()
    {
        auto ctx = context();
        ctx->cloud = labTlsCloud(u"writevolume-tls"_s);
        auto stream = Qcow2Stream::open(m_disk);
        XMS_VERIFY_OK(stream);
        LabFaults faults;
        Fault corrupt;
        corrupt.service = u"glance"_s;
        corrupt.method = u"PUT"_s;
        corrupt.path = u"/file$"_s;
        corrupt.action = u"corrupt"_s;
        corrupt.nth = 1;
        corrupt.offset = qint64((*stream)->size()) - 100; // in the last data cluster
        QVERIFY(faults.add(corrupt) > 0);
        WriteVolumeStageRunner stage;
        QSignalSpy finished(&stage, &StageRunner::finished);
        Emitted emitted;
        emitted.watch(stage, this);
        stage.start(ctx.get());
        QVERIFY(finished.wait(600000));
        const QJsonObject mismatch = emitted.data.value(u"write.checksum_mismatch"_s);
        const QStringList& names = emitted.names;
        const auto status = finished.first().first().value<Status>();
        QVERIFY(!status.has_value());
        QCOMPARE(status.error().code, u"write.checksum_mismatch"_s);
        QVERIFY2(status.error().message.contains(u"corrupted"), qPrintable(status.error().message));
        QCOMPARE(mismatch.value(u"os_hash_algo").toString(), u"sha512"_s);
        QCOMPARE(mismatch.value(u"os_hash_value").toString().size(), 128);
        QVERIFY(mismatch.value(u"os_hash_value") != mismatch.value(u"hash_value"));
        QVERIFY2(!names.contains(u"write.volume_created"_s), qPrintable(names.join(u' ')));
        cleanupAndVerify(*ctx);
    }

    void secondDiskUploadsWhileTheFirstVolumeIsCreated()
    {
        // A small second disk: its upload is done while Cinder still copies the first disk's 385 MiB
        // into its volume — which one-disk-at-a-time writing cannot do.
        const QString small = m_dir.filePath(u"disk-1.raw"_s);
        QFile f(small);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(1 << 20, 'z'));
        QVERIFY(f.resize(kSize));
        f.close();
        auto ctx = context();
        vsphere::ExportedDisk staged;
        staged.path = small;
        ctx->exported.disks.append(staged);
        ctx->vm.disks.append(ctx->vm.disks.first());
        WriteVolumeStageRunner stage;
        QSignalSpy finished(&stage, &StageRunner::finished);
        QStringList order;
        connect(&stage, &StageRunner::event, this,
                [&](EventLevel, const QString& name, const Text&, const QJsonObject& data) {
                    if (name == u"write.image_uploaded" || name == u"write.volume_created")
                        order.append(name.mid(6) + QString::number(data.value(u"disk").toInt()));
                });
        stage.start(ctx.get());
        QVERIFY(finished.wait(600000));
        const auto status = finished.first().first().value<Status>();
        QVERIFY2(status.has_value(), why(status).constData());
        QCOMPARE(order.first(), u"image_uploaded0"_s);
        QVERIFY2(order.indexOf(u"image_uploaded1"_s) < order.indexOf(u"volume_created0"_s),
                 qPrintable(order.join(u' ')));
        // Volumes in disk order, whatever order they became available in.
        QCOMPARE(ctx->volumeIds.size(), 2);
        for (int i = 0; i < 2; ++i) {
            auto volume = await<xloud::Volume>([&](auto cb) { m_volumes->volume(ctx->volumeIds.at(i), cb); });
            XMS_VERIFY_OK(volume);
            QCOMPARE(volume->metadata.value(u"xms_disk"_s), QString::number(i));
        }
        cleanupAndVerify(*ctx);
        auto second = await<QList<xloud::Volume>>(
            [&](auto cb) { m_volumes->findVolumes(ctx->spec.effectiveInstanceName() + u"-disk1", cb); });
        XMS_VERIFY_OK(second);
        QVERIFY(second->isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestWriteVolume)
#include "tst_writevolume.moc"
