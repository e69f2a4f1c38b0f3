#include "transfertestutil.h"

#include <QFile>
#include <QProcess>
#include <QtEndian>
#include <cstring>
#include <random>
#include <sys/stat.h>

namespace xms::test {

QString run(const QString& program, const QStringList& args, QByteArray* out, int timeoutMs)
{
    QProcess p;
    p.start(program, args);
    if (!p.waitForStarted())
        return program + u": could not start";
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        return program + u": timed out";
    }
    if (out)
        *out = p.readAllStandardOutput();
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        return QStringLiteral("%1 %2 exited %3: %4")
            .arg(program, args.join(u' '))
            .arg(p.exitCode())
            .arg(QString::fromLocal8Bit(p.readAllStandardError()));
    return {};
}

QString script(const QString& name)
{
    return QStringLiteral(XMS_SOURCE_DIR "/tests/unit/transfer/") + name;
}

quint64 allocatedBytes(const QString& path)
{
    struct stat st
    {
    };
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? quint64(st.st_blocks) * 512 : 0;
}

quint64 fileSize(const QString& path)
{
    return quint64(QFile(path).size());
}

bool writeRawDisk(const QString& path, quint64 size, const QList<Block>& blocks, quint32 seed)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || !f.resize(qint64(size)))
        return false;
    std::mt19937_64 rng(seed);
    const QByteArray words = "vmdk grain sector stream export lease volume image glance cinder nova ";
    for (const Block& b : blocks) {
        QByteArray data(qsizetype(b.size), Qt::Uninitialized);
        for (qsizetype i = 0; i < data.size();) {
            if (b.text) {
                const qsizetype start = qsizetype(rng() % quint64(words.size()));
                const qsizetype n = qMin(words.size() - start, data.size() - i);
                std::memcpy(data.data() + i, words.constData() + start, size_t(n));
                i += n;
            } else {
                const quint64 r = rng();
                const qsizetype n = qMin<qsizetype>(8, data.size() - i);
                std::memcpy(data.data() + i, &r, size_t(n));
                i += n;
            }
        }
        if (!f.seek(qint64(b.offset)) || f.write(data) != data.size())
            return false;
    }
    return true;
}

Status feedChunked(QByteArrayView data, StreamDecoder& decoder, quint32 seed)
{
    std::mt19937 rng(seed);
    std::uniform_int_distribution<int> exponent(0, 20);
    qsizetype pos = 0;
    while (pos < data.size()) {
        const qsizetype top = qsizetype(1) << exponent(rng);
        const qsizetype n = qMin(data.size() - pos, 1 + qsizetype(rng() % quint32(top)));
        if (auto s = decoder.feed(data.data() + pos, size_t(n)); !s)
            return s;
        pos += n;
    }
    return {};
}

Status feedFile(const QString& path, StreamDecoder& decoder, quint32 seed)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return fail(QStringLiteral("test.io"), path + u": cannot open");
    // Read in 8 MiB pieces so a large stream is never held whole.
    while (!f.atEnd()) {
        const QByteArray piece = f.read(8 << 20);
        if (auto s = feedChunked(piece, decoder, seed++); !s)
            return s;
    }
    return {};
}

QList<Marker> walkMarkers(const QByteArray& vmdk)
{
    QList<Marker> markers;
    if (vmdk.size() < 512)
        return markers;
    qsizetype pos = qsizetype(qFromLittleEndian<quint64>(vmdk.constData() + 64)) * 512;
    while (pos + 512 <= vmdk.size()) {
        Marker m {pos, qFromLittleEndian<quint64>(vmdk.constData() + pos),
                  qFromLittleEndian<quint32>(vmdk.constData() + pos + 8), 0};
        if (m.size) {
            pos += (12 + qsizetype(m.size) + 511) / 512 * 512;
        } else {
            m.type = qFromLittleEndian<quint32>(vmdk.constData() + pos + 12);
            pos += 512 + qsizetype(m.value) * 512;
        }
        markers.append(m);
        if (!m.size && m.type == 0)
            break;
    }
    return markers;
}

} // namespace xms::test

namespace xms::test {

Status MemorySink::setCapacity(quint64 bytes)
{
    if (bytes > (quint64(1) << 30) || (!disk.isEmpty() && bytes < quint64(disk.size()) && !capacitySet))
        return fail(QStringLiteral("test.bad_capacity"), QStringLiteral("capacity too big or below the data"));
    disk.resize(qsizetype(bytes), '\0');
    capacitySet = true;
    return {};
}

// Before the capacity is known (raw streams) the disk grows with the writes.
Status MemorySink::write(quint64 offset, const char* data, size_t size)
{
    if (finished || aborted)
        return fail(QStringLiteral("test.bad_write"), QStringLiteral("write after the end"));
    if (!capacitySet && offset + size <= (quint64(1) << 30) && offset + size > quint64(disk.size()))
        disk.resize(qsizetype(offset + size), '\0');
    if (offset > quint64(disk.size()) || size > quint64(disk.size()) - offset)
        return fail(QStringLiteral("test.bad_write"), QStringLiteral("write outside the disk"));
    std::memcpy(disk.data() + offset, data, size);
    return {};
}

Status MemorySink::finish()
{
    if (aborted || !capacitySet)
        return fail(QStringLiteral("test.bad_finish"), QStringLiteral("finish after abort or without capacity"));
    finished = true;
    return {};
}

void MemorySink::abort()
{
    if (!finished)
        aborted = true;
}

} // namespace xms::test
