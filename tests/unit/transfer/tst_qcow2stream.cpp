// Qcow2Stream against qemu-img, the tool Block Storage converts with: every image it makes must pass
// `qemu-img check`, read back byte for byte as the raw file (`qemu-img compare`), and carry only the
// clusters that hold data.
#include "transfer/qcow2stream.h"
#include "transfertestutil.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <random>

using namespace xms;
using namespace xms::test;
using namespace Qt::StringLiterals;

class TestQcow2Stream : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

    // The stream written out in chunks of random size, as libcurl would ask for it.
    QString writeOut(const Qcow2Stream& s, const QString& name, quint32 seed)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            return {};
        std::mt19937 rng(seed);
        std::uniform_int_distribution<int> chunk(1, 3 << 20);
        QByteArray buffer(3 << 20, '\0');
        for (quint64 at = 0; at < s.size();) {
            auto n = s.readAt(at, buffer.data(), size_t(chunk(rng)));
            if (!n || *n == 0)
                return {};
            f.write(buffer.constData(), qint64(*n));
            at += *n;
        }
        return path;
    }

    // qemu-img's verdict on the image: check, compare with the raw file, virtual size.
    void verifyWithQemuImg(const QString& raw, const QString& qcow2)
    {
        QByteArray out;
        QString err = run(u"qemu-img"_s, {u"check"_s, u"-f"_s, u"qcow2"_s, qcow2}, &out);
        QVERIFY2(err.isEmpty(), qPrintable(err + QString::fromUtf8(out)));
        err = run(u"qemu-img"_s, {u"compare"_s, u"-f"_s, u"raw"_s, u"-F"_s, u"qcow2"_s, raw, qcow2}, &out);
        QVERIFY2(err.isEmpty(), qPrintable(err + QString::fromUtf8(out)));
        err = run(u"qemu-img"_s, {u"info"_s, u"--output=json"_s, u"-f"_s, u"qcow2"_s, qcow2}, &out);
        QVERIFY2(err.isEmpty(), qPrintable(err));
        const QJsonObject info = QJsonDocument::fromJson(out).object();
        QCOMPARE(info.value(u"format").toString(), u"qcow2"_s);
        QCOMPARE(quint64(info.value(u"virtual-size").toDouble()), (fileSize(raw) + 511) / 512 * 512);
        QVERIFY2(!info.contains(u"backing-filename"), "no backing file");
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void imagesReadBackAsTheRawDisk_data()
    {
        QTest::addColumn<quint64>("size");
        QTest::addColumn<QList<Block>>("blocks");
        QTest::addColumn<int>("clusterBits");
        constexpr quint64 MiB = 1 << 20;
        QTest::newRow("all holes") << 1024 * MiB << QList<Block>() << 16;
        QTest::newRow("scattered, 64 KiB clusters")
            << 1536 * MiB
            << QList<Block> {{0, 1 * MiB}, {7 * MiB + 123, 5000}, {511 * MiB, 2 * MiB}, {1200 * MiB, 3 * MiB, true}}
            << 16;
        QTest::newRow("data in the last, partial cluster")
            << 64 * MiB + 1536 << QList<Block> {{64 * MiB + 10, 1500}, {4096, 4096}} << 16;
        QTest::newRow("4 KiB clusters (the default)")
            << 700 * MiB << QList<Block> {{0, 5000}, {2 * MiB - 4096, 8192}, {699 * MiB, MiB}} << 0;
        QTest::newRow("fully written") << 3 * MiB + 512 << QList<Block> {{0, 3 * MiB + 512}} << 16;
        // 512-byte clusters: 64 entries per table, 256 refcounts per block — several L1, refcount-table
        // and refcount-block clusters from a few MiB.
        QTest::newRow("multi-cluster tables")
            << 64 * MiB << QList<Block> {{0, 300 * 1024}, {5 * MiB, 700 * 1024}, {63 * MiB, MiB}} << 9;
        QTest::newRow("2 MiB clusters") << 40 * MiB << QList<Block> {{3 * MiB, 100}, {39 * MiB, 4 * 1024}} << 21;
    }

    void imagesReadBackAsTheRawDisk()
    {
        QFETCH(quint64, size);
        QFETCH(QList<Block>, blocks);
        QFETCH(int, clusterBits);
        const QString raw = m_dir.filePath(QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'_') + u".raw");
        QVERIFY(writeRawDisk(raw, size, blocks, 7));
        QVERIFY(QFile::resize(raw, qint64(size))); // a block may end past the size it was given
        auto s = Qcow2Stream::open(raw, clusterBits);
        XMS_VERIFY_OK(s);
        QCOMPARE((*s)->virtualSize(), size);
        const QString qcow2 = writeOut(**s, QFileInfo(raw).completeBaseName() + u".qcow2", 11);
        QVERIFY(!qcow2.isEmpty());
        QCOMPARE(fileSize(qcow2), (*s)->size());
        verifyWithQemuImg(raw, qcow2);

        // Only data travels: the data clusters are the clusters the blocks touch, nothing else.
        const quint64 cluster = (*s)->clusterSize();
        QSet<quint64> touched;
        for (const Block& b : blocks)
            for (quint64 c = b.offset / cluster; c <= (b.offset + b.size - 1) / cluster; ++c)
                touched.insert(c);
        if (clusterBits == 0 || clusterBits >= 12) // below the file system's block, one allocates several
            QCOMPARE((*s)->dataClusters(), quint64(touched.size()));
        QVERIFY((*s)->dataBytes() >= quint64(touched.size()) * cluster);
        if (clusterBits == 0 || clusterBits >= 12) // a 512-byte cluster's table maps only 32 KiB
            QVERIFY2((*s)->size() - (*s)->dataBytes() <= std::max<quint64>(size / 256, 8 * cluster),
                     "metadata is a small fraction");
    }

    void sendsAboutTheAllocatedBytes()
    {
        // A 2 GiB disk with 256 MiB written in 4 KiB-aligned runs: what goes over the wire is the data
        // (cluster rounding and tables within 5 %), not the 2 GiB a raw upload sends.
        QList<Block> blocks;
        std::mt19937 rng(3);
        for (int i = 0; i < 256; ++i)
            blocks.append({quint64(i) * (8 << 20) + quint64(rng() % 64) * 4096, 1 << 20});
        const QString raw = m_dir.filePath(u"quarter.raw"_s);
        QVERIFY(writeRawDisk(raw, quint64(2) << 30, blocks, 5));
        auto s = Qcow2Stream::open(raw);
        XMS_VERIFY_OK(s);
        const quint64 allocated = allocatedBytes(raw);
        qInfo("raw %llu, allocated %llu, qcow2 stream %llu", fileSize(raw), allocated, (*s)->size());
        QVERIFY2(double((*s)->size()) <= 1.05 * double(allocated) + 4 * 65536.0,
                 qPrintable(u"sent %1 for %2 allocated"_s.arg((*s)->size()).arg(allocated)));
        const QString qcow2 = writeOut(**s, u"quarter.qcow2"_s, 2);
        verifyWithQemuImg(raw, qcow2);
    }

    void readsAtAnyOffsetAsInOrder()
    {
        // libcurl rewinds to resend: a read from any offset gives the bytes a forward pass gives there.
        const QString raw = m_dir.filePath(u"seek.raw"_s);
        QVERIFY(writeRawDisk(raw, 8 << 20, {{0, 70000}, {3 << 20, 200000}}, 9));
        auto s = Qcow2Stream::open(raw, 12);
        XMS_VERIFY_OK(s);
        const QString whole = writeOut(**s, u"seek.qcow2"_s, 1);
        QFile f(whole);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray all = f.readAll();
        std::mt19937 rng(4);
        for (int i = 0; i < 200; ++i) {
            const quint64 at = rng() % (*s)->size();
            const size_t n = rng() % 20000 + 1;
            QByteArray got(qsizetype(n), '\0');
            auto r = (*s)->readAt(at, got.data(), n);
            XMS_VERIFY_OK(r);
            QCOMPARE(*r, size_t(std::min<quint64>(n, (*s)->size() - at)));
            QCOMPARE(got.left(qsizetype(*r)), all.mid(qsizetype(at), qsizetype(*r)));
        }
        char byte = 0;
        auto end = (*s)->readAt((*s)->size(), &byte, 1);
        XMS_VERIFY_OK(end);
        QCOMPARE(*end, size_t(0));
    }

    void emptyFileIsAValidImage()
    {
        const QString raw = m_dir.filePath(u"empty.raw"_s);
        QVERIFY(writeRawDisk(raw, 0, {}, 1));
        auto s = Qcow2Stream::open(raw);
        XMS_VERIFY_OK(s);
        QCOMPARE((*s)->dataClusters(), quint64(0));
        verifyWithQemuImg(raw, writeOut(**s, u"empty.qcow2"_s, 1));
    }

    void missingFileSaysWhich()
    {
        auto s = Qcow2Stream::open(m_dir.filePath(u"nope.raw"_s));
        QVERIFY(!s);
        QCOMPARE(s.error().code, u"transfer.file_read"_s);
        QVERIFY2(s.error().message.contains(u"nope.raw"), qPrintable(s.error().message));
    }
};

QTEST_GUILESS_MAIN(TestQcow2Stream)
#include "tst_qcow2stream.moc"
