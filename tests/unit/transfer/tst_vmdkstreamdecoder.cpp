#include "transfer/sparsefilewriter.h"
#include "transfer/vmdkstreamdecoder.h"
#include "transfertestutil.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

using namespace xms;
using namespace xms::test;
using namespace Qt::StringLiterals;

namespace {
// The first metadata marker of a type (1 grain table, 2 directory, 3 footer, 0 end of stream).
qsizetype metaMarker(const QList<Marker>& markers, quint32 type)
{
    for (const Marker& m : markers) {
        if (m.size == 0 && m.type == type)
            return m.offset;
    }
    return -1;
}
} // namespace

// Decodes real streamOptimized VMDKs — made by qemu-img and in vSphere's layout — and compares the
// result byte for byte with qemu-img's own conversion to raw.
class TestVmdkStreamDecoder : public QObject
{
    Q_OBJECT

    struct Shape
    {
        const char* name;
        bool qemu; // qemu-img's writer, else make_stream_vmdk.py (vSphere's layout)
        quint64 size;
        QList<Block> blocks;
        int grainSectors = 128;
    };
    QTemporaryDir m_dir;
    QList<Shape> m_shapes;

    QString path(const QString& name) const { return m_dir.filePath(name); }

    // Raw disk → VMDK → qemu-img's raw reference. Returns an error text or empty.
    QString makeVmdk(const Shape& s, const QString& base)
    {
        if (!writeRawDisk(path(base + u".src"), s.size, s.blocks, 7))
            return QStringLiteral("cannot write the source disk");
        QString err = s.qemu ? run(QStringLiteral("qemu-img"),
                                   {u"convert"_s, u"-O"_s, u"vmdk"_s, u"-o"_s, u"subformat=streamOptimized"_s,
                                    path(base + u".src"), path(base + u".vmdk")})
                             : run(QStringLiteral("/usr/bin/python3"),
                                   {script(u"make_stream_vmdk.py"_s), u"--grain-sectors"_s,
                                    QString::number(s.grainSectors), path(base + u".src"), path(base + u".vmdk")});
        if (err.isEmpty())
            err = run(QStringLiteral("qemu-img"),
                      {u"convert"_s, u"-O"_s, u"raw"_s, path(base + u".vmdk"), path(base + u".ref")});
        return err;
    }

    QByteArray vmwareStream(const QString& base)
    {
        const Shape s {"small", false, 1 << 20, {{0, 300, true}, {200000, 70000, false}, {900000, 5000, true}}};
        if (const QString err = makeVmdk(s, base); !err.isEmpty())
            qWarning() << err;
        QFile f(path(base + u".vmdk"));
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    // Decodes `stream` into a staging file; the error, if any. The files are checked by the caller.
    Status decodeBytes(const QByteArray& stream, const QString& out, quint32 seed)
    {
        auto writer = SparseFileWriter::create(out);
        if (!writer)
            return std::unexpected(writer.error());
        VmdkStreamDecoder decoder(**writer);
        if (auto s = feedChunked(stream, decoder, seed); !s)
            return s;
        return decoder.finish();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(run(u"qemu-img"_s, {u"--version"_s}).isEmpty(), "qemu-img (qemu-utils) is required");
        QList<Block> scattered;
        quint64 off = 123 * 512;
        for (int i = 0; off < 95 * 1024 * 1024; ++i) {
            const quint64 len = 512 * quint64(1 + (i * 7919) % 1000);
            scattered.append({off, len, i % 3 == 0});
            off += len + 512 * quint64(1 + (i * 104729) % 4000);
        }
        const quint64 odd = 10 * 1024 * 1024 + 3 * 512;
        m_shapes = {
            {"qemu 1 MiB one block", true, 1 << 20, {{70000, 4096}}},
            {"qemu 65 KiB + 1 sector", true, 65 * 1024 + 512, {{0, 65 * 1024 + 512}}},
            {"qemu 100 MiB scattered", true, 100 << 20, scattered},
            {"qemu size not grain multiple", true, odd, {{0, 4096, true}, {odd - 2048, 2048}}},
            {"qemu empty disk", true, 16 << 20, {}},
            {"qemu text", true, 8 << 20, {{0, 8 << 20, true}}},
            {"vsphere 10 MiB scattered",
             false,
             10 << 20,
             {{512, 100000}, {3 << 20, 1 << 20, true}, {(10 << 20) - 512, 512}}},
            {"vsphere 4 KiB grains", false, (3 << 20) + 512, {{0, (3 << 20) + 512, true}}, 8},
            {"vsphere 1 MiB grains", false, (5 << 20) + 512, {{4096, 3 << 20}, {5 << 20, 512}}, 2048},
            {"vsphere empty disk", false, 4 << 20, {}},
            {"vsphere several grain tables",
             false,
             80 << 20,
             {{0, 1 << 20}, {33 << 20, 2 << 20, true}, {79 << 20, 1 << 20}}},
        };
    }

    void decodesLikeQemu_data()
    {
        QTest::addColumn<int>("index");
        for (int i = 0; i < m_shapes.size(); ++i)
            QTest::newRow(m_shapes[i].name) << i;
    }
    void decodesLikeQemu()
    {
        QFETCH(int, index);
        const Shape& s = m_shapes[index];
        const QString base = QStringLiteral("shape%1").arg(index);
        const QString err = makeVmdk(s, base);
        QVERIFY2(err.isEmpty(), qPrintable(err));

        const QString out = path(base + u".out");
        auto writer = SparseFileWriter::create(out);
        QVERIFY(writer.has_value());
        auto decoder = StreamDecoder::create(**writer);
        double lastFraction = 0;
        QFile in(path(base + u".vmdk"));
        QVERIFY(in.open(QIODevice::ReadOnly));
        quint32 seed = quint32(index);
        while (!in.atEnd()) {
            XMS_VERIFY_OK(feedChunked(in.read(4 << 20), *decoder, seed++));
            QVERIFY(decoder->progress().fraction() >= lastFraction);
            lastFraction = decoder->progress().fraction();
        }
        XMS_VERIFY_OK(decoder->finish());
        QCOMPARE(decoder->formatName(), u"vmdk-stream"_s);

        QCOMPARE(fileSize(out), s.size);
        QCOMPARE(sha256OfFile(out), sha256OfFile(path(base + u".ref")));
        QCOMPARE(sha256OfFile(out), sha256OfFile(path(base + u".src")));
        QVERIFY(!QFile::exists(out + u".part"));

        const DecodeProgress& p = decoder->progress();
        QCOMPARE(p.bytesReceived, fileSize(path(base + u".vmdk")));
        QCOMPARE(p.capacity, s.size);
        QCOMPARE(p.position, s.size);
        QVERIFY(p.bytesWritten <= s.size);
        QCOMPARE(p.bytesWritten, (*writer)->bytesWritten());
        QVERIFY((*writer)->bytesStored() <= p.bytesWritten);

        // Holes stay holes: the file takes about what its data needs, never the whole disk.
        quint64 data = 0;
        for (const Block& b : s.blocks)
            data += b.size;
        const quint64 allocated = allocatedBytes(out);
        QCOMPARE(allocated, (*writer)->allocatedBytes());
        QVERIFY2(allocated <= data + quint64(s.blocks.size() + 1) * 2 * SparseFileWriter::kBlockSize,
                 qPrintable(QStringLiteral("allocated %1 for %2 data bytes").arg(allocated).arg(data)));
        if (data < s.size / 2)
            QVERIFY(allocated < s.size / 2);
    }

    // Every split of the stream into two feeds gives the same disk (the state machine never assumes
    // a structure arrives whole); so does feeding one byte at a time.
    void anySplitWorks()
    {
        const QByteArray stream = vmwareStream(u"split"_s);
        QVERIFY(!stream.isEmpty());
        MemorySink whole;
        VmdkStreamDecoder reference(whole);
        QVERIFY(reference.feed(stream).has_value());
        QVERIFY(reference.finish().has_value());

        // Every byte of the header and descriptor, every byte around each marker, and a spread elsewhere.
        QList<qsizetype> cuts;
        for (qsizetype i = 0; i <= stream.size(); ++i) {
            if (i < 1100 || i % 257 == 0 || i > stream.size() - 2)
                cuts.append(i);
        }
        for (const Marker& m : walkMarkers(stream)) {
            for (qsizetype d = -16; d < 48; ++d)
                cuts.append(m.offset + d);
            cuts.append(m.offset + 12 + m.size); // end of the deflate data
        }
        for (qsizetype cut : cuts) {
            MemorySink sink;
            VmdkStreamDecoder d(sink);
            QVERIFY(d.feed(stream.constData(), size_t(cut)).has_value());
            QVERIFY(d.feed(stream.constData() + cut, size_t(stream.size() - cut)).has_value());
            QVERIFY2(d.finish().has_value(), qPrintable(QString::number(cut)));
            QVERIFY2(sink.disk == whole.disk, qPrintable(QString::number(cut)));
        }
        MemorySink bytewise;
        VmdkStreamDecoder d(bytewise);
        for (char c : stream)
            QVERIFY(d.feed(&c, 1).has_value());
        QVERIFY(d.finish().has_value());
        QVERIFY(bytewise.disk == whole.disk);
    }

    void truncatedStreamIsAnError_data()
    {
        QTest::addColumn<QString>("where");
        for (const char* w : {"nothing", "mid header", "after header", "mid descriptor", "at first marker",
                              "mid grain marker", "mid deflate data", "in grain padding", "mid grain table",
                              "at footer", "mid footer", "mid end-of-stream marker"})
            QTest::newRow(w) << QString::fromLatin1(w);
    }
    void truncatedStreamIsAnError()
    {
        QFETCH(QString, where);
        const QByteArray stream = vmwareStream(u"trunc"_s);
        const QList<Marker> m = walkMarkers(stream);
        QCOMPARE(m.size(), 8); // 4 grains, grain table, directory, footer, end
        const qsizetype first = m[0].offset;
        const QHash<QString, qsizetype> cuts {
            {u"nothing"_s, 0},
            {u"mid header"_s, 100},
            {u"after header"_s, 512},
            {u"mid descriptor"_s, 700},
            {u"at first marker"_s, first},
            {u"mid grain marker"_s, first + 5},
            {u"mid deflate data"_s, first + 12 + m[0].size / 2},
            {u"in grain padding"_s, m[1].offset - 1},
            {u"mid grain table"_s, metaMarker(m, 1) + 700},
            {u"at footer"_s, metaMarker(m, 3)},
            {u"mid footer"_s, metaMarker(m, 3) + 600},
            {u"mid end-of-stream marker"_s, stream.size() - 1},
        };
        const qsizetype cut = cuts.value(where);
        const QString out = path(u"trunc.out"_s);
        auto st = decodeBytes(stream.left(cut), out, quint32(cut));
        QVERIFY(!st.has_value());
        QCOMPARE(st.error().code, u"transfer.stream_truncated"_s);
        QVERIFY2(st.error().message.contains(QStringLiteral("ended early after %1 bytes").arg(cut)),
                 qPrintable(st.error().message));
        QVERIFY(!QFile::exists(out));
        QVERIFY(!QFile::exists(out + u".part"));
    }

    // qemu-img's streams have no end-of-stream marker: the grain directory they carry decides.
    void truncatedQemuStreamIsAnError_data()
    {
        QTest::addColumn<QString>("where");
        for (const char* w : {"in the grain directory", "end of the overhead", "at a grain boundary",
                              "before the last grain", "mid last grain"})
            QTest::newRow(w) << QString::fromLatin1(w);
    }
    void truncatedQemuStreamIsAnError()
    {
        QFETCH(QString, where);
        const Shape shape {"qemu", true, 4 << 20, {{0, 5000}, {1 << 20, 200000, true}, {3 << 20, 70000}}};
        QVERIFY(makeVmdk(shape, u"qtrunc"_s).isEmpty());
        QFile f(path(u"qtrunc.vmdk"_s));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray stream = f.readAll();
        QList<Marker> grains = walkMarkers(stream);
        grains.removeIf([](const Marker& m) { return m.size == 0; });
        QCOMPARE(grains.size(), 7); // 1 + 4 + 2 grains
        const qsizetype gd = qsizetype(qFromLittleEndian<quint64>(stream.constData() + 56)) * 512;
        const QHash<QString, qsizetype> cuts {
            {u"in the grain directory"_s, gd + 2},         {u"end of the overhead"_s, grains[0].offset},
            {u"at a grain boundary"_s, grains[3].offset},  {u"before the last grain"_s, grains[6].offset},
            {u"mid last grain"_s, grains[6].offset + 100},
        };
        const qsizetype cut = cuts.value(where);
        QVERIFY(cut > 0);
        const QString out = path(u"qtrunc-"_s + QString::number(cut));
        auto st = decodeBytes(stream.left(cut), out, quint32(cut));
        QVERIFY(!st.has_value());
        QCOMPARE(st.error().code, u"transfer.stream_truncated"_s);
        QVERIFY(!QFile::exists(out) && !QFile::exists(out + u".part"));
        // …and the whole stream, with or without qemu's zero padding after the last grain, is complete.
        const qsizetype lastEnd = grains[6].offset + (12 + grains[6].size + 511) / 512 * 512;
        XMS_VERIFY_OK(decodeBytes(stream.left(lastEnd), out, 1));
        QCOMPARE(sha256OfFile(out), sha256OfFile(path(u"qtrunc.ref"_s)));
        XMS_VERIFY_OK(decodeBytes(stream, out, 2));
    }

    void corruptStreamIsAnError_data()
    {
        QTest::addColumn<QString>("damage");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("says");
        const QString corrupt = u"transfer.vmdk_corrupt"_s;
        QTest::newRow("damaged deflate data") << u"deflate"_s << corrupt << u"grain at sector 0"_s;
        QTest::newRow("size field too big") << u"size+"_s << corrupt << u"before its marker's size"_s;
        QTest::newRow("size field too small") << u"size-"_s << corrupt << u"longer than its marker's size"_s;
        QTest::newRow("size field huge") << u"size!"_s << corrupt << u"claims"_s;
        QTest::newRow("grain past capacity") << u"lba"_s << corrupt << u"past the disk's capacity"_s;
        QTest::newRow("grain straddles the end") << u"lba-end"_s << corrupt << u"runs past the disk's capacity"_s;
        QTest::newRow("data after end of stream") << u"tail"_s << corrupt << u"follows the end-of-stream"_s;
        QTest::newRow("footer disagrees") << u"footer"_s << corrupt << u"footer"_s;
        QTest::newRow("unknown marker") << u"marker"_s << corrupt << u"unknown metadata marker type 9"_s;
        QTest::newRow("grain size not a power of two") << u"grain"_s << corrupt << u"grain size"_s;
        QTest::newRow("no markers (hosted sparse)")
            << u"flags"_s << u"transfer.format_unsupported"_s << u"hosted sparse"_s;
    }
    void corruptStreamIsAnError()
    {
        QFETCH(QString, damage);
        QFETCH(QString, code);
        QFETCH(QString, says);
        QByteArray s = vmwareStream(u"corrupt"_s);
        const QList<Marker> m = walkMarkers(s);
        QCOMPARE(m.size(), 8);
        char* grain = s.data() + m[0].offset;
        const quint64 capacitySectors = qFromLittleEndian<quint64>(s.constData() + 12);
        if (damage == u"deflate") {
            for (int i = 0; i < 16; ++i)
                grain[12 + 20 + i] = char(~grain[12 + 20 + i]);
        } else if (damage == u"size+") {
            qToLittleEndian<quint32>(m[0].size + 64, grain + 8);
        } else if (damage == u"size-") {
            qToLittleEndian<quint32>(m[0].size - 8, grain + 8);
        } else if (damage == u"size!") {
            qToLittleEndian<quint32>(0xffffff00u, grain + 8);
        } else if (damage == u"lba") {
            qToLittleEndian<quint64>(capacitySectors, grain);
        } else if (damage == u"lba-end") {
            qToLittleEndian<quint64>(capacitySectors - 8, m[1].offset + s.data()); // a full 64 KiB grain
        } else if (damage == u"tail") {
            s.append("trailing junk");
        } else if (damage == u"footer") {
            qToLittleEndian<quint64>(capacitySectors + 128, s.data() + metaMarker(m, 3) + 512 + 12);
        } else if (damage == u"marker") {
            qToLittleEndian<quint32>(9, s.data() + metaMarker(m, 1) + 12);
        } else if (damage == u"grain") {
            qToLittleEndian<quint64>(3, s.data() + 20);
        } else if (damage == u"flags") {
            qToLittleEndian<quint32>(0x3, s.data() + 8);
        }
        const QString out = path(u"corrupt.out"_s);
        auto st = decodeBytes(s, out, 99);
        QVERIFY(!st.has_value());
        QCOMPARE(st.error().code, code);
        QVERIFY2(st.error().message.contains(says), qPrintable(st.error().message));
        QVERIFY(!QFile::exists(out));
        QVERIFY(!QFile::exists(out + u".part"));
    }

    // After an error the decoder stays failed: more data does not resurrect it.
    void errorIsSticky()
    {
        QByteArray s = vmwareStream(u"sticky"_s);
        MemorySink sink;
        VmdkStreamDecoder d(sink);
        s[0] = 'X';
        QVERIFY(!d.feed(s).has_value());
        QVERIFY(sink.aborted);
        auto again = d.feed("more", 4);
        QVERIFY(!again.has_value());
        QCOMPARE(again.error().code, u"transfer.vmdk_corrupt"_s);
        QVERIFY(!d.finish().has_value());
        QVERIFY(!sink.finished);
    }
};

QTEST_GUILESS_MAIN(TestVmdkStreamDecoder)
#include "tst_vmdkstreamdecoder.moc"
