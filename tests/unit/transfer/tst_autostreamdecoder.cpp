#include "transfer/autostreamdecoder.h"
#include "transfer/rawstreamdecoder.h"
#include "transfer/sparsefilewriter.h"
#include "transfertestutil.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace xms;
using namespace xms::test;
using namespace Qt::StringLiterals;

// Format detection and raw (flat) streams, with real images made by qemu-img.
class TestAutoStreamDecoder : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

    QString path(const QString& name) const { return m_dir.filePath(name); }
    QByteArray readAll(const QString& p)
    {
        QFile f(p);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }
    // Decodes a file through StreamDecoder::create(); returns the result and leaves the image at `out`.
    Status decodeFile(const QString& in, const QString& out, std::optional<quint64> expected = {},
                      QString* format = nullptr)
    {
        auto writer = SparseFileWriter::create(out);
        if (!writer)
            return std::unexpected(writer.error());
        auto decoder = StreamDecoder::create(**writer, expected);
        auto st = feedFile(in, *decoder, 5);
        if (st)
            st = decoder->finish();
        if (format)
            *format = decoder->formatName();
        return st;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(writeRawDisk(path(u"disk.raw"_s), 20 << 20,
                             {{0, 512}, {1 << 20, 300000, true}, {(20 << 20) - 4096, 4096}}, 3));
    }

    void rawStreamIsCopiedSparse_data()
    {
        QTest::addColumn<bool>("knownSize");
        QTest::newRow("size known") << true;
        QTest::newRow("size unknown") << false;
    }
    void rawStreamIsCopiedSparse()
    {
        QFETCH(bool, knownSize);
        const QString out = path(u"raw-%1.img"_s.arg(knownSize));
        QString format;
        XMS_VERIFY_OK(
            decodeFile(path(u"disk.raw"_s), out, knownSize ? std::optional<quint64>(20 << 20) : std::nullopt, &format));
        QCOMPARE(format, u"raw"_s);
        QCOMPARE(sha256OfFile(out), sha256OfFile(path(u"disk.raw"_s)));
        QVERIFY(allocatedBytes(out) < 1 << 20);
    }

    void rawStreamOfWrongLengthFails_data()
    {
        QTest::addColumn<qsizetype>("length");
        QTest::addColumn<quint64>("expected");
        QTest::addColumn<QString>("code");
        QTest::newRow("short") << qsizetype(5000) << quint64(8192) << u"transfer.stream_truncated"_s;
        QTest::newRow("long") << qsizetype(9000) << quint64(8192) << u"transfer.stream_too_long"_s;
        QTest::newRow("empty, size known") << qsizetype(0) << quint64(8192) << u"transfer.stream_truncated"_s;
        QTest::newRow("empty, size unknown") << qsizetype(0) << quint64(0) << u"transfer.stream_truncated"_s;
    }
    void rawStreamOfWrongLengthFails()
    {
        QFETCH(qsizetype, length);
        QFETCH(quint64, expected);
        QFETCH(QString, code);
        const QString out = path(u"wrong.img"_s);
        auto writer = SparseFileWriter::create(out);
        XMS_VERIFY_OK(writer);
        RawStreamDecoder decoder(**writer, expected ? std::optional<quint64>(expected) : std::nullopt);
        const QByteArray data(length, 'd');
        auto st = decoder.feed(data);
        if (st)
            st = decoder.finish();
        QVERIFY(!st.has_value());
        QCOMPARE(st.error().code, code);
        if (code == u"transfer.stream_truncated")
            QVERIFY(st.error().message.contains(u"ended early after %1 bytes"_s.arg(length)));
        QVERIFY(!QFile::exists(out) && !QFile::exists(out + u".part"));
    }

    // Real images of other formats are refused instead of being copied as if they were raw disks.
    void otherFormatsAreRefused_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<QString>("options");
        QTest::addColumn<QString>("says");
        QTest::newRow("qcow2") << u"qcow2"_s << QString() << u"qcow2"_s;
        QTest::newRow("monolithicSparse VMDK") << u"vmdk"_s << u"subformat=monolithicSparse"_s << u"hosted sparse"_s;
        QTest::newRow("VMDK descriptor") << u"vmdk"_s << u"subformat=monolithicFlat"_s << u"descriptor"_s;
        QTest::newRow("VHDX") << u"vhdx"_s << QString() << u"VHDX"_s;
        QTest::newRow("VHD (dynamic)") << u"vpc"_s << QString() << u"VHD"_s;
        QTest::newRow("VDI") << u"vdi"_s << QString() << u"VDI"_s;
    }
    void otherFormatsAreRefused()
    {
        QFETCH(QString, format);
        QFETCH(QString, options);
        QFETCH(QString, says);
        const QString image = path(u"other.%1"_s.arg(QString::number(qHash(options + format))));
        QStringList args {u"convert"_s, u"-O"_s, format};
        if (!options.isEmpty())
            args << u"-o"_s << options;
        const QString err = run(u"qemu-img"_s, args << path(u"disk.raw"_s) << image);
        QVERIFY2(err.isEmpty(), qPrintable(err));
        const QString out = path(u"refused.img"_s);
        auto st = decodeFile(image, out);
        QVERIFY(!st.has_value());
        QCOMPARE(st.error().code, u"transfer.format_unsupported"_s);
        QVERIFY2(st.error().message.contains(says), qPrintable(st.error().message));
        QVERIFY(!QFile::exists(out) && !QFile::exists(out + u".part"));
    }

    void detect_data()
    {
        QTest::addColumn<QByteArray>("head");
        QTest::addColumn<bool>("vmdk");
        QByteArray mbr(512, '\0');
        mbr[510] = char(0x55);
        mbr[511] = char(0xaa);
        QTest::newRow("MBR") << mbr << false;
        QTest::newRow("zeros") << QByteArray(512, '\0') << false;
        QTest::newRow("short raw") << QByteArray("hello") << false;
        QTest::newRow("KDMV") << QByteArray("KDMV").append(508, '\0') << true;
        QTest::newRow("KDMV only") << QByteArray("KDMV") << true;
    }
    void detect()
    {
        QFETCH(QByteArray, head);
        QFETCH(bool, vmdk);
        auto f = StreamDecoder::detect(head);
        XMS_VERIFY_OK(f);
        QCOMPARE(*f == DiskStreamFormat::VmdkStream, vmdk);
    }

    // The decision waits for the first sector even when it arrives a byte at a time.
    void detectionSurvivesTinyFeeds()
    {
        const QString vmdk = path(u"tiny.vmdk"_s);
        QVERIFY(
            run(u"qemu-img"_s,
                {u"convert"_s, u"-O"_s, u"vmdk"_s, u"-o"_s, u"subformat=streamOptimized"_s, path(u"disk.raw"_s), vmdk})
                .isEmpty());
        const QByteArray stream = readAll(vmdk);
        MemorySink sink;
        AutoStreamDecoder decoder(sink);
        for (int i = 0; i < 600; ++i)
            XMS_VERIFY_OK(decoder.feed(stream.constData() + i, 1));
        QCOMPARE(decoder.format(), std::optional(DiskStreamFormat::VmdkStream));
        XMS_VERIFY_OK(decoder.feed(stream.constData() + 600, size_t(stream.size() - 600)));
        XMS_VERIFY_OK(decoder.finish());
        QVERIFY(sink.disk == readAll(path(u"disk.raw"_s)));
        QCOMPARE(decoder.progress().bytesReceived, quint64(stream.size()));
        QCOMPARE(decoder.progress().position, quint64(20 << 20));
    }
};

QTEST_GUILESS_MAIN(TestAutoStreamDecoder)
#include "tst_autostreamdecoder.moc"
