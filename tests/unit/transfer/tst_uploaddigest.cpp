// UploadDigest as Write Volume reads it: the digest of the bytes sent equals an independent hash of the
// whole body, and the raw SHA-256 equals `sha256sum` of the staging file (holes as zeros, the last partial
// cluster cut off) — also when libcurl rewinds or skips, and whatever the read sizes.
#include "transfer/qcow2stream.h"
#include "transfer/uploaddigest.h"
#include "transfertestutil.h"

#include <QCryptographicHash>
#include <QTemporaryDir>
#include <QTest>
#include <random>

using namespace xms;
using namespace xms::test;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(xms::test::Block)

class TestUploadDigest : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

    // Every byte of a source, read forward in chunks of random size.
    static QByteArray readAll(const UploadSource& s, quint32 seed)
    {
        QByteArray all;
        std::mt19937 rng(seed);
        QByteArray buffer(1 << 20, '\0');
        for (quint64 at = 0; at < s.size();) {
            auto n = s.readAt(at, buffer.data(), size_t(rng() % buffer.size() + 1));
            if (!n || *n == 0)
                return {};
            all.append(buffer.constData(), qsizetype(*n));
            at += *n;
        }
        return all;
    }

    static QString sha256sum(const QString& path)
    {
        QByteArray out;
        if (!run(u"sha256sum"_s, {path}, &out).isEmpty())
            return {};
        return QString::fromLatin1(out.left(64));
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void digestsTheBodyAndTheRawDisk_data()
    {
        QTest::addColumn<quint64>("size");
        QTest::addColumn<QList<Block>>("blocks");
        QTest::addColumn<int>("clusterBits");
        QTest::newRow("holes between and after")
            << quint64(8 << 20) << QList<Block> {{0, 70000}, {3 << 20, 200000}} << 12;
        QTest::newRow("hole first, data to the end")
            << quint64(4 << 20) << QList<Block> {{(4 << 20) - 5000, 5000}} << 16;
        QTest::newRow("not a whole sector") << quint64((2 << 20) + 777) << QList<Block> {{(2 << 20), 777}} << 9;
        QTest::newRow("all holes") << quint64(1 << 20) << QList<Block> {} << 12;
    }
    void digestsTheBodyAndTheRawDisk()
    {
        QFETCH(quint64, size);
        QFETCH(QList<Block>, blocks);
        QFETCH(int, clusterBits);
        const QString raw = m_dir.filePath(QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'_'));
        QVERIFY(writeRawDisk(raw, size, blocks, 7));
        auto stream = Qcow2Stream::open(raw, clusterBits);
        XMS_VERIFY_OK(stream);
        std::shared_ptr<const Qcow2Stream> disk = std::move(*stream);
        auto d = UploadDigest::ofDisk(disk, u"sha512"_s);
        XMS_VERIFY_OK(d);
        QVERIFY(!(*d)->complete());
        QCOMPARE((*d)->size(), disk->size());
        const QByteArray body = readAll(**d, 3);
        QCOMPARE(quint64(body.size()), disk->size());
        QVERIFY((*d)->complete());
        QCOMPARE((*d)->algorithm(), u"sha512"_s);
        QCOMPARE((*d)->digest(),
                 QString::fromLatin1(QCryptographicHash::hash(body, QCryptographicHash::Sha512).toHex()));
        QCOMPARE((*d)->rawSha256(), sha256sum(raw));
    }

    void rewindsAndSkipsStillDigestTheBodyInOrder()
    {
        const QString raw = m_dir.filePath(u"rewind.raw"_s);
        QVERIFY(writeRawDisk(raw, 6 << 20, {{4096, 300000}, {5 << 20, 100000}}, 11));
        auto stream = Qcow2Stream::open(raw, 12);
        XMS_VERIFY_OK(stream);
        std::shared_ptr<const Qcow2Stream> disk = std::move(*stream);
        auto d = UploadDigest::ofDisk(disk, u"sha256"_s);
        XMS_VERIFY_OK(d);
        QByteArray buffer(200000, '\0');
        // Half the body, then libcurl rewinds (an auth challenge), then it jumps ahead.
        XMS_VERIFY_OK((*d)->readAt(0, buffer.data(), 100000));
        XMS_VERIFY_OK((*d)->readAt(100000, buffer.data(), 100000));
        XMS_VERIFY_OK((*d)->readAt(0, buffer.data(), 5000));
        XMS_VERIFY_OK((*d)->readAt(150000, buffer.data(), 1000));
        QCOMPARE((*d)->digestedBytes(), quint64(151000));
        const QByteArray rest = readAll(**d, 5); // from 0 again: the whole body once more
        QVERIFY((*d)->complete());
        QCOMPARE((*d)->digest(),
                 QString::fromLatin1(QCryptographicHash::hash(rest, QCryptographicHash::Sha256).toHex()));
        QCOMPARE((*d)->rawSha256(), sha256sum(raw));
    }

    void anyBodyAndAnUnknownAlgorithm()
    {
        const QString path = m_dir.filePath(u"plain.bin"_s);
        QVERIFY(writeRawDisk(path, 300000, {{0, 300000}}, 2));
        auto file = FileUploadSource::open(path);
        XMS_VERIFY_OK(file);
        std::shared_ptr<const UploadSource> body = std::move(*file);
        auto d = UploadDigest::of(body, u"md5"_s);
        XMS_VERIFY_OK(d);
        readAll(**d, 1);
        QByteArray out;
        QCOMPARE(run(u"md5sum"_s, {path}, &out), QString());
        QCOMPARE((*d)->digest(), QString::fromLatin1(out.left(32)));
        QVERIFY((*d)->rawSha256().isEmpty()); // not a disk
        auto bad = UploadDigest::of(body, u"no-such-hash"_s);
        QVERIFY(!bad);
        QCOMPARE(bad.error().code, u"transfer.digest"_s);
        QVERIFY(bad.error().message.contains(u"no-such-hash"));
    }
};

QTEST_GUILESS_MAIN(TestUploadDigest)
#include "tst_uploaddigest.moc"
