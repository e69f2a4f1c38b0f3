#include "transfer/sparsefilewriter.h"
#include "transfertestutil.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>
#include <random>
#include <sys/resource.h>
#include <sys/stat.h>

using namespace xms;
using namespace xms::test;
using namespace Qt::StringLiterals;

class TestSparseFileWriter : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

    QByteArray readAll(const QString& path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void zeroBlocksStayHoles()
    {
        const QString path = m_dir.filePath(u"holes.img"_s);
        auto w = SparseFileWriter::create(path);
        XMS_VERIFY_OK(w);
        const quint64 capacity = quint64(1) << 30;
        XMS_VERIFY_OK((*w)->setCapacity(capacity));
        const QByteArray zeros(8 << 20, '\0');
        XMS_VERIFY_OK((*w)->write(0, zeros.constData(), size_t(zeros.size()))); // explicit zeros: no data
        const QByteArray data(4096, 'x');
        XMS_VERIFY_OK((*w)->write(100 << 20, data.constData(), size_t(data.size())));
        XMS_VERIFY_OK((*w)->write(capacity - 512, data.constData(), 512));
        QVERIFY(QFile::exists(path + u".part"));
        QVERIFY(!QFile::exists(path));
        XMS_VERIFY_OK((*w)->finish());

        QVERIFY(!QFile::exists(path + u".part"));
        QCOMPARE(fileSize(path), capacity);
        QCOMPARE((*w)->bytesWritten(), quint64(zeros.size() + data.size() + 512));
        QCOMPARE((*w)->bytesStored(), quint64(data.size() + 512));
        QVERIFY2(allocatedBytes(path) <= 64 * 1024, qPrintable(QString::number(allocatedBytes(path))));
        QCOMPARE((*w)->allocatedBytes(), allocatedBytes(path));
        struct stat st
        {
        };
        QCOMPARE(::stat(QFile::encodeName(path).constData(), &st), 0);
        QCOMPARE(st.st_mode & 0777, 0600u); // disk images hold the guest's data
    }

    // Many small, unaligned, partly zero writes in random order give exactly the bytes written.
    void randomWritesAreExact()
    {
        const QString path = m_dir.filePath(u"random.img"_s);
        const qsizetype capacity = 24 << 20;
        QByteArray expected(capacity, '\0');
        auto w = SparseFileWriter::create(path);
        XMS_VERIFY_OK(w);
        XMS_VERIFY_OK((*w)->setCapacity(quint64(capacity)));
        std::mt19937 rng(42);
        for (int i = 0; i < 3000; ++i) {
            const qsizetype len = 1 + qsizetype(rng() % (i % 10 == 0 ? 6000000u : 20000u));
            const qsizetype off = qsizetype(rng() % quint32(capacity - len));
            QByteArray chunk(len, '\0');
            if (rng() % 3) { // a third stays zero: it may overwrite earlier data and must read back as zero
                for (qsizetype j = 0; j < len; j += 1 + qsizetype(rng() % 700))
                    chunk[j] = char(1 + rng() % 255);
            }
            std::memcpy(expected.data() + off, chunk.constData(), size_t(len));
            XMS_VERIFY_OK((*w)->write(quint64(off), chunk.constData(), size_t(len)));
            if (i % 7 == 0) { // and contiguous follow-ups, which are coalesced
                const qsizetype more = qMin<qsizetype>(capacity - off - len, 3000);
                XMS_VERIFY_OK((*w)->write(quint64(off + len), expected.constData() + off + len, size_t(more)));
            }
        }
        XMS_VERIFY_OK((*w)->finish());
        QVERIFY(readAll(path) == expected);
    }

    void writePastCapacityFails()
    {
        auto w = SparseFileWriter::create(m_dir.filePath(u"bounds.img"_s));
        XMS_VERIFY_OK(w);
        XMS_VERIFY_OK((*w)->setCapacity(1 << 20));
        const QByteArray data(1024, 'x');
        XMS_VERIFY_OK((*w)->write((1 << 20) - 1024, data.constData(), 1024));
        auto st = (*w)->write((1 << 20) - 1023, data.constData(), 1024);
        QVERIFY(!st.has_value());
        QCOMPARE(st.error().code, u"transfer.out_of_bounds"_s);
        QVERIFY(!(*w)->setCapacity(1000).has_value()); // cannot shrink below what was written
    }

    void abortRemovesThePartialFile()
    {
        const QString path = m_dir.filePath(u"aborted.img"_s);
        {
            auto w = SparseFileWriter::create(path);
            XMS_VERIFY_OK(w);
            XMS_VERIFY_OK((*w)->write(0, "data", 4));
            (*w)->abort();
            QVERIFY(!QFile::exists(path + u".part"));
            QVERIFY(!(*w)->write(0, "data", 4).has_value());
            QVERIFY(!(*w)->finish().has_value());
        }
        {
            auto w = SparseFileWriter::create(path);
            XMS_VERIFY_OK(w);
            XMS_VERIFY_OK((*w)->write(0, "data", 4));
            QVERIFY(QFile::exists(path + u".part"));
        } // destroyed unfinished
        QVERIFY(!QFile::exists(path + u".part"));
        QVERIFY(!QFile::exists(path));
    }

    void finishWithoutCapacityFails()
    {
        const QString path = m_dir.filePath(u"nocap.img"_s);
        auto w = SparseFileWriter::create(path);
        XMS_VERIFY_OK(w);
        QVERIFY(!(*w)->finish().has_value());
        QVERIFY(!QFile::exists(path + u".part"));
    }

    void missingDirectoryIsAClearError()
    {
        auto w = SparseFileWriter::create(m_dir.filePath(u"no/such/dir/x.img"_s));
        QVERIFY(!w.has_value());
        QCOMPARE(w.error().code, u"staging.open_failed"_s);
    }

    // A write the filesystem refuses (here: the file size limit) is an error and leaves nothing behind.
    void failedWriteIsReported()
    {
        const QString path = m_dir.filePath(u"limited.img"_s);
        auto w = SparseFileWriter::create(path);
        XMS_VERIFY_OK(w);
        XMS_VERIFY_OK((*w)->setCapacity(64 << 20));
        rlimit old {};
        QCOMPARE(::getrlimit(RLIMIT_FSIZE, &old), 0);
        auto previous = std::signal(SIGXFSZ, SIG_IGN);
        rlimit limited = old;
        limited.rlim_cur = 1 << 20;
        QCOMPARE(::setrlimit(RLIMIT_FSIZE, &limited), 0);
        const QByteArray data(8 << 20, 'x');
        auto st = (*w)->write(0, data.constData(), size_t(data.size()));
        if (st) // stores run in the background: the error may only surface at finish()
            st = (*w)->finish();
        ::setrlimit(RLIMIT_FSIZE, &old);
        std::signal(SIGXFSZ, previous);
        QVERIFY(!st.has_value());
        QCOMPARE(st.error().code, u"staging.write_failed"_s);
        QVERIFY(st.error().detail.contains(u"File too large"_s));
        (*w)->abort();
        QVERIFY(!QFile::exists(path + u".part"));
        QVERIFY(!(*w)->write(0, "x", 1).has_value()); // the writer stays failed
    }
};

QTEST_GUILESS_MAIN(TestSparseFileWriter)
#include "tst_sparsefilewriter.moc"
