#include "xloud/blockstorageclient.h"
#include "xloud/imageclient.h"
#include "xloud/session.h"
#include "xloudlab.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace xms;
using namespace Qt::StringLiterals;
using namespace xms::xloud;
using namespace xms::test;

namespace {
constexpr qint64 GiB = 1024LL * 1024 * 1024;
constexpr qint64 MiB = 1024LL * 1024;

QByteArray sha512Of(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash h(QCryptographicHash::Sha512);
    h.addData(&f);
    return h.result().toHex();
}
} // namespace

// The Write Volume path against the lab: a 1 GiB sparse raw image streamed to Glance with progress, a
// Cinder volume created from it (type, zone, image properties into volume_image_metadata, the bytes
// intact), the volume actions Finalize uses, and the errors of a bad request or an exhausted quota.
class TestXloudImageVolume : public QObject
{
    Q_OBJECT

    std::unique_ptr<Session> m_session;
    std::unique_ptr<ImageClient> m_images;
    std::unique_ptr<BlockStorageClient> m_volumes;
    QTemporaryDir m_dir;
    QString m_file;
    QByteArray m_sha512;
    QStringList m_imageIds; // the ledger: everything created here is deleted in cleanupTestCase
    QStringList m_volumeIds;
    QString m_imageId;
    QString m_volumeId;

private slots:
    void initTestCase()
    {
        requireEnv("XMS_LAB_DIR");
        m_session = std::make_unique<Session>(labCloud(), labPassword());
        m_images = std::make_unique<ImageClient>(m_session.get(), u"infra"_s);
        m_volumes = std::make_unique<BlockStorageClient>(m_session.get(), u"infra"_s);
        // 1 GiB, sparse, with random data at the start, in the middle and at the very end so that a
        // truncated, shifted or zero-filled copy is noticed.
        QVERIFY(m_dir.isValid());
        m_file = m_dir.filePath(u"disk.raw"_s);
        QFile f(m_file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QVERIFY(f.resize(GiB));
        for (qint64 offset : {qint64(0), 300 * MiB + 4096, GiB - MiB}) {
            QByteArray chunk(MiB, Qt::Uninitialized);
            QRandomGenerator::global()->fillRange(reinterpret_cast<quint32*>(chunk.data()), chunk.size() / 4);
            QVERIFY(f.seek(offset));
            QCOMPARE(f.write(chunk), MiB);
        }
        f.close();
        m_sha512 = sha512Of(m_file);
        QVERIFY(!m_sha512.isEmpty());
    }

    void importMethodsAreDiscovered()
    {
        const auto methods = await<QStringList>([&](auto cb) { m_images->importMethods(cb); });
        XMS_VERIFY_OK(methods);
        QVERIFY2(methods->contains(u"glance-direct"_s), qPrintable(methods->join(u", ")));
    }

    void uploadCanBeCancelled()
    {
        ImageSpec spec;
        spec.name = uniqueName(u"cancelled"_s);
        const auto image = await<Image>([&](auto cb) { m_images->createImage(spec, cb); });
        XMS_VERIFY_OK(image);
        m_imageIds.append(image->id);
        UploadOptions options;
        options.cancel = std::make_shared<std::atomic_bool>(false);
        quint64 sentWhenCancelled = 0;
        options.onProgress = [&](const UploadProgress& p) {
            if (p.sent > 0 && !options.cancel->load()) {
                sentWhenCancelled = p.sent;
                options.cancel->store(true);
            }
        };
        const auto up = await<UploadResult>([&](auto cb) { m_images->upload(image->id, m_file, options, cb); }, 120000);
        QVERIFY(!up);
        QCOMPARE(up.error().code, u"transfer.cancelled"_s);
        QVERIFY(sentWhenCancelled < quint64(GiB));
        const auto after = await<Image>([&](auto cb) { m_images->image(image->id, cb); });
        XMS_VERIFY_OK(after);
        QVERIFY2(after->status != u"active", qPrintable(after->status)); // Glance did not take a partial image
        XMS_VERIFY_OK(awaitStatus([&](auto cb) { m_images->deleteImage(image->id, cb); }));
        m_imageIds.removeAll(image->id);
    }

    void imageUploadWithProgress()
    {
        ImageSpec spec;
        spec.name = uniqueName(u"image"_s);
        spec.diskFormat = u"raw"_s;
        spec.properties = {{u"hw_disk_bus"_s, u"scsi"_s},    {u"hw_scsi_model"_s, u"virtio-scsi"_s},
                           {u"hw_vif_model"_s, u"virtio"_s}, {u"hw_firmware_type"_s, u"bios"_s},
                           {u"hw_machine_type"_s, u"q35"_s}, {u"os_type"_s, u"linux"_s},
                           {u"os_distro"_s, u"debian"_s}};
        const auto image = await<Image>([&](auto cb) { m_images->createImage(spec, cb); });
        XMS_VERIFY_OK(image);
        QVERIFY(!image->id.isEmpty()); // in the ledger before a byte is sent
        m_imageIds.append(image->id);
        m_imageId = image->id;
        QCOMPARE(image->status, u"queued"_s);
        QCOMPARE(image->properties.value(u"hw_disk_bus"_s), u"scsi"_s);
        const auto byName = await<QList<Image>>([&](auto cb) { m_images->findImages(spec.name, cb); });
        XMS_VERIFY_OK(byName);
        QCOMPARE(byName->size(), 1);
        QCOMPARE(byName->first().id, image->id);

        QList<UploadProgress> progress;
        UploadOptions options;
        options.onProgress = [&](const UploadProgress& p) { progress.append(p); };
        QElapsedTimer clock;
        clock.start();
        const auto up = await<UploadResult>([&](auto cb) { m_images->upload(image->id, m_file, options, cb); }, 600000);
        XMS_VERIFY_OK(up);
        const double seconds = clock.elapsed() / 1000.0;
        QCOMPARE(qint64(up->bytes), GiB);
        qInfo("uploaded 1 GiB in %.1f s (%.0f MiB/s), %lld progress reports", seconds, 1024 / seconds,
              qlonglong(progress.size()));
        QVERIFY2(progress.size() >= 2, "progress is reported while the upload runs, not only at the end");
        for (qsizetype i = 1; i < progress.size(); ++i)
            QVERIFY(progress[i].sent >= progress[i - 1].sent);
        QCOMPARE(qint64(progress.last().sent), GiB);
        QCOMPARE(qint64(progress.last().total), GiB);

        const auto active = await<Image>([&](auto cb) {
            m_images->waitActive(image->id, cb, WaitOptions {500, 2000, 300000});
        });
        XMS_VERIFY_OK(active);
        QCOMPARE(active->size, GiB);
        QCOMPARE(active->hashAlgo, u"sha512"_s);
        QCOMPARE(active->hashValue.toLatin1(), m_sha512); // Glance received exactly our bytes
    }

    void volumeFromImage()
    {
        QVERIFY(!m_imageId.isEmpty());
        VolumeSpec spec;
        spec.name = uniqueName(u"volume"_s);
        spec.sizeGiB = 1;
        spec.volumeType = u"ssd"_s;
        spec.availabilityZone = u"nova"_s;
        spec.imageId = m_imageId;
        spec.metadata = {{u"xms_job"_s, u"lab-test"_s}};
        const auto created = await<Volume>([&](auto cb) { m_volumes->createVolume(spec, cb); });
        XMS_VERIFY_OK(created);
        QVERIFY(!created->id.isEmpty());
        m_volumeIds.append(created->id);
        m_volumeId = created->id;
        QCOMPARE(created->status, u"creating"_s);
        const auto byName = await<QList<Volume>>([&](auto cb) { m_volumes->findVolumes(spec.name, cb); });
        XMS_VERIFY_OK(byName);
        QCOMPARE(byName->size(), 1);
        QCOMPARE(byName->first().id, created->id);

        // Watch the states it passes through (creating → downloading → available). Shared, not on the
        // stack: a status request may still be in flight when this function returns.
        auto seen = std::make_shared<QStringList>();
        auto* watcher = new QTimer(m_volumes.get());
        connect(watcher, &QTimer::timeout, m_volumes.get(), [this, seen, id = created->id] {
            m_volumes->volume(id, [seen](Result<Volume> v) {
                if (v && !seen->contains(v->status))
                    seen->append(v->status);
            });
        });
        watcher->start(300);
        const auto ready = await<Volume>(
            [&](auto cb) {
                m_volumes->waitAvailable(created->id, cb, WaitOptions {500, 2000, 600000});
            },
            600000);
        delete watcher;
        XMS_VERIFY_OK(ready);
        qInfo("volume states seen: %s", qPrintable(seen->join(u" → ")));
        QCOMPARE(ready->status, u"available"_s);
        QCOMPARE(ready->volumeType, u"ssd"_s);
        QCOMPARE(ready->availabilityZone, u"nova"_s);
        QCOMPARE(ready->sizeGiB, 1);
        QVERIFY(ready->bootable); // Cinder marks a volume from an image bootable
        QCOMPARE(ready->metadata.value(u"xms_job"_s), u"lab-test"_s);
        for (const char* key : {"hw_disk_bus", "hw_scsi_model", "hw_vif_model", "hw_firmware_type", "hw_machine_type",
                                "os_type", "os_distro"})
            QVERIFY2(ready->imageMetadata.contains(QLatin1StringView(key)), key);
        QCOMPARE(ready->imageMetadata.value(u"hw_disk_bus"_s), u"scsi"_s);
        QCOMPARE(ready->imageMetadata.value(u"image_id"_s), m_imageId);

        // The bytes: the lab's volume is a sparse file named after the volume (tests/lab/cloud/README.md).
        const QString backing = qEnvironmentVariable("XMS_LAB_DIR") + u"/cloud/cinder/volumes/volume-"_s + ready->id;
        QVERIFY2(QFile::exists(backing), qPrintable(backing));
        QCOMPARE(QFileInfo(backing).size(), GiB);
        QCOMPARE(sha512Of(backing), m_sha512);
    }

    void finalizeActions()
    {
        QVERIFY(!m_volumeId.isEmpty());
        XMS_VERIFY_OK(awaitStatus([&](auto cb) { m_volumes->setBootable(m_volumeId, false, cb); }));
        const auto off = await<Volume>([&](auto cb) { m_volumes->volume(m_volumeId, cb); });
        XMS_VERIFY_OK(off);
        QVERIFY(!off->bootable);
        XMS_VERIFY_OK(awaitStatus([&](auto cb) { m_volumes->setBootable(m_volumeId, true, cb); }));
        XMS_VERIFY_OK(awaitStatus([&](auto cb) {
            m_volumes->setImageMetadata(m_volumeId, {{u"hw_qemu_guest_agent"_s, u"yes"_s}}, cb);
        }));
        const auto v = await<Volume>([&](auto cb) { m_volumes->volume(m_volumeId, cb); });
        XMS_VERIFY_OK(v);
        QVERIFY(v->bootable);
        QCOMPARE(v->imageMetadata.value(u"hw_qemu_guest_agent"_s), u"yes"_s);
        QCOMPARE(v->imageMetadata.value(u"hw_disk_bus"_s), u"scsi"_s); // added to, not replaced
    }

    void createErrors_data()
    {
        QTest::addColumn<int>("size");
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("zone");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("over the gigabytes quota") << 500 << ""
                                                  << ""
                                                  << "xloud.quota_exceeded"
                                                  << "'gigabytes'";
        QTest::newRow("over the ssd quota") << 150 << "ssd"
                                            << ""
                                            << "xloud.quota_exceeded"
                                            << "'gigabytes_ssd'";
        QTest::newRow("unknown type") << 1 << "platinum"
                                      << ""
                                      << "xloud.volume_type.not_found"
                                      << "platinum";
        QTest::newRow("unknown zone") << 1 << ""
                                      << "mars"
                                      << "xloud.availability_zone.not_found"
                                      << "mars";
    }
    void createErrors()
    {
        QFETCH(int, size);
        QFETCH(QString, type);
        QFETCH(QString, zone);
        QFETCH(QString, code);
        QFETCH(QString, mentions);
        VolumeSpec spec;
        spec.name = uniqueName(u"bad"_s);
        spec.sizeGiB = size;
        spec.volumeType = type;
        spec.availabilityZone = zone;
        const auto r = await<Volume>([&](auto cb) { m_volumes->createVolume(spec, cb); });
        if (r)
            m_volumeIds.append(r->id);
        QVERIFY(!r);
        QCOMPARE(r.error().code, code);
        QVERIFY2(r.error().message.contains(mentions), qPrintable(r.error().message));
    }

    void quotaUsageCountsTheVolume()
    {
        const auto q = await<QList<QuotaItem>>([&](auto cb) { m_volumes->quotaUsage(cb); });
        XMS_VERIFY_OK(q);
        QHash<QString, QuotaItem> byName;
        for (const QuotaItem& i : *q)
            byName.insert(i.name, i);
        QCOMPARE(byName.value(u"gigabytes"_s).limit, 200);
        QCOMPARE(byName.value(u"gigabytes_ssd"_s).limit, 120);
        QVERIFY(byName.value(u"volumes_ssd"_s).inUse >= 1);
    }

    void deleteAndWaitGone()
    {
        QVERIFY(!m_volumeId.isEmpty());
        XMS_VERIFY_OK(awaitStatus([&](auto cb) { m_volumes->deleteVolume(m_volumeId, cb); }));
        XMS_VERIFY_OK(awaitStatus(
            [&](auto cb) {
                m_volumes->waitDeleted(m_volumeId, cb, WaitOptions {500, 2000, 120000});
            },
            150000));
        m_volumeIds.removeAll(m_volumeId);
        XMS_VERIFY_OK(awaitStatus([&](auto cb) { m_images->deleteImage(m_imageId, cb); }));
        const auto gone = await<Image>([&](auto cb) { m_images->image(m_imageId, cb); });
        QVERIFY(!gone);
        QCOMPARE(gone.error().code, u"xloud.image.not_found"_s);
        m_imageIds.removeAll(m_imageId);
    }

    void cleanupTestCase()
    {
        for (const QString& id : std::as_const(m_volumeIds)) {
            (void)awaitStatus([&](auto cb) { m_volumes->deleteVolume(id, cb); });
            (void)awaitStatus(
                [&](auto cb) {
                    m_volumes->waitDeleted(id, cb, WaitOptions {500, 2000, 120000});
                },
                150000);
        }
        for (const QString& id : std::as_const(m_imageIds))
            (void)awaitStatus([&](auto cb) { m_images->deleteImage(id, cb); });
    }
};

QTEST_GUILESS_MAIN(TestXloudImageVolume)
#include "tst_xloudimagevolume.moc"
