#include "sparsefilewriter.h"

#include "common/errorcodes.h"
#include "common/logging.h"

#include <QFile>
#include <QFileInfo>
#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace xms {

namespace {

// Word-wise OR with an early exit: the compiler vectorises it and it runs at memory speed.
bool isZero(const char* p, size_t n)
{
    while (n >= 64) {
        quint64 w[8];
        std::memcpy(w, p, sizeof w);
        if ((w[0] | w[1] | w[2] | w[3] | w[4] | w[5] | w[6] | w[7]) != 0)
            return false;
        p += 64;
        n -= 64;
    }
    for (; n; --n, ++p) {
        if (*p)
            return false;
    }
    return true;
}

} // namespace

Result<std::unique_ptr<SparseFileWriter>> SparseFileWriter::create(const QString& path)
{
    const QByteArray part = QFile::encodeName(path + u".part");
    const int fd = ::open(part.constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) {
        const int err = errno;
        return fail(errc::kStagingOpenFailed,
                    tr("Could not create the staging image %1. Check that its directory exists and is writable.")
                        .arg(path + u".part"),
                    QString::fromLocal8Bit(std::strerror(err)));
    }
    return std::unique_ptr<SparseFileWriter>(new SparseFileWriter(path, fd));
}

SparseFileWriter::SparseFileWriter(QString path, int fd)
    : m_path(std::move(path))
    , m_fd(fd)
    , m_buf(new char[kBufferSize])
    , m_storing(new char[kBufferSize])
{
}

SparseFileWriter::~SparseFileWriter()
{
    abort();
}

Status SparseFileWriter::setCapacity(quint64 bytes)
{
    if (auto s = waitForStore(); !s)
        return s;
    const quint64 end = qMax(m_highWater, m_bufLen ? m_bufOffset + m_bufLen : 0);
    if (end > bytes)
        return fail(errc::kTransferOutOfBounds,
                    tr("The disk stream wrote past the disk's size. The export is corrupt; export the disk again."),
                    QStringLiteral("capacity %1, data up to %2").arg(bytes).arg(end));
    m_capacity = bytes;
    return {};
}

Status SparseFileWriter::write(quint64 offset, const char* data, size_t size)
{
    if (m_failed)
        return std::unexpected(*m_failed);
    if (m_fd < 0)
        return fail(errc::kStagingClosed, tr("The staging image is already closed."), m_path);
    if (m_capacity && (offset > *m_capacity || size > *m_capacity - offset))
        return fail(errc::kTransferOutOfBounds,
                    tr("The disk stream wrote past the disk's size. The export is corrupt; export the disk again."),
                    QStringLiteral("write of %1 bytes at %2, capacity %3").arg(size).arg(offset).arg(*m_capacity));
    m_bytesWritten += size;
    while (size) {
        if (m_bufLen && (offset != m_bufOffset + m_bufLen || m_bufLen == kBufferSize)) {
            if (auto s = flush(); !s)
                return s;
        }
        if (!m_bufLen)
            m_bufOffset = offset;
        const size_t n = qMin(size, kBufferSize - m_bufLen);
        std::memcpy(m_buf.get() + m_bufLen, data, n);
        m_bufLen += n;
        data += n;
        offset += n;
        size -= n;
    }
    return {};
}

// Hands the full buffer to a background store and keeps filling the other one, so that inflating
// the next grains overlaps with the kernel accepting (and throttling) the previous writes.
Status SparseFileWriter::flush()
{
    if (!m_bufLen)
        return {};
    if (auto s = waitForStore(); !s)
        return s;
    std::swap(m_buf, m_storing);
    const quint64 offset = m_bufOffset;
    const size_t len = m_bufLen;
    m_bufLen = 0;
    m_store = std::async(std::launch::async, [this, offset, len] { return store(offset, m_storing.get(), len); });
    return {};
}

Status SparseFileWriter::waitForStore()
{
    if (m_store.valid()) {
        if (auto s = m_store.get(); !s)
            m_failed = s.error();
    }
    if (m_failed)
        return std::unexpected(*m_failed);
    return {};
}

// Splits [offset, offset+size) at 4 KiB file boundaries into runs of zero and non-zero blocks.
Status SparseFileWriter::store(quint64 offset, const char* data, size_t size)
{
    size_t runStart = 0;
    bool runZero = false;
    size_t pos = 0;
    while (pos < size) {
        const quint64 abs = offset + pos;
        const size_t blockLen = size_t(qMin<quint64>(size - pos, kBlockSize - abs % kBlockSize));
        const bool zero = isZero(data + pos, blockLen);
        if (pos == 0) {
            runZero = zero;
        } else if (zero != runZero) {
            if (auto s = storeRun(offset + runStart, data + runStart, pos - runStart, runZero); !s)
                return s;
            runStart = pos;
            runZero = zero;
        }
        pos += blockLen;
    }
    if (auto s = storeRun(offset + runStart, data + runStart, size - runStart, runZero); !s)
        return s;
    m_highWater = qMax(m_highWater, offset + size);
    // Start writeback now rather than leaving it all to the final fsync (and to dirty-page throttling).
    ::sync_file_range(m_fd, off_t(offset), off_t(size), SYNC_FILE_RANGE_WRITE);
    return {};
}

Status SparseFileWriter::storeRun(quint64 offset, const char* data, size_t size, bool zero)
{
    if (!zero)
        return writeAll(offset, data, size);
    // Zeros past the high-water mark land on holes already; below it they may overwrite earlier data
    // (a stream may repeat a grain), so that range is punched out.
    if (offset >= m_highWater)
        return {};
    return punchHole(offset, qMin<quint64>(size, m_highWater - offset));
}

Status SparseFileWriter::writeAll(quint64 offset, const char* data, size_t size)
{
    while (size) {
        const ssize_t n = ::pwrite(m_fd, data, size, off_t(offset));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return std::unexpected(ioError(tr("write"), errno));
        }
        data += n;
        offset += quint64(n);
        size -= size_t(n);
        m_bytesStored += quint64(n);
    }
    return {};
}

Status SparseFileWriter::punchHole(quint64 offset, quint64 size)
{
    if (::fallocate(m_fd, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE, off_t(offset), off_t(size)) == 0)
        return {};
    if (errno != EOPNOTSUPP)
        return std::unexpected(ioError(tr("punch hole"), errno));
    // A filesystem without hole punching gets explicit zeros: correct, just not sparse.
    static const char zeros[64 * 1024] = {};
    while (size) {
        const size_t n = size_t(qMin<quint64>(size, sizeof zeros));
        if (auto s = writeAll(offset, zeros, n); !s)
            return s;
        offset += n;
        size -= n;
    }
    return {};
}

Status SparseFileWriter::finish()
{
    if (m_finished)
        return {};
    auto done = [this]() -> Status {
        if (m_fd < 0)
            return fail(errc::kStagingClosed, tr("The staging image is already closed."), m_path);
        if (!m_capacity)
            return fail(errc::kTransferInternal, tr("The disk's size is unknown."), m_path);
        if (auto s = flush(); !s)
            return s;
        if (auto s = waitForStore(); !s)
            return s;
        if (::ftruncate(m_fd, off_t(*m_capacity)) != 0)
            return std::unexpected(ioError(tr("set the size of"), errno));
        if (::fsync(m_fd) != 0)
            return std::unexpected(ioError(tr("flush"), errno));
        struct stat st
        {
        };
        if (::fstat(m_fd, &st) == 0)
            m_allocated = quint64(st.st_blocks) * 512;
        closeFd();
        const QByteArray part = QFile::encodeName(partialPath());
        const QByteArray final = QFile::encodeName(m_path);
        if (::rename(part.constData(), final.constData()) != 0)
            return std::unexpected(ioError(tr("rename"), errno));
        m_partialExists = false;
        // The rename is durable only once the directory is synced.
        const QByteArray dir = QFile::encodeName(QFileInfo(m_path).absolutePath());
        if (const int dfd = ::open(dir.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dfd >= 0) {
            ::fsync(dfd);
            ::close(dfd);
        }
        return {};
    }();
    if (!done) {
        abort();
        return done;
    }
    m_finished = true;
    qCInfo(lcTransfer) << "staging image complete:" << m_path << "capacity" << *m_capacity << "stored" << m_bytesStored
                       << "allocated" << m_allocated;
    return {};
}

void SparseFileWriter::abort()
{
    if (m_finished)
        return;
    m_bufLen = 0;
    if (m_store.valid())
        m_store.wait(); // the background store must not write to a closed (or reused) descriptor
    closeFd();
    if (m_partialExists) {
        m_partialExists = false;
        ::unlink(QFile::encodeName(partialPath()).constData());
        qCInfo(lcTransfer) << "staging image discarded:" << partialPath();
    }
}

void SparseFileWriter::closeFd()
{
    if (m_fd >= 0)
        ::close(m_fd);
    m_fd = -1;
}

Error SparseFileWriter::ioError(const QString& what, int err) const
{
    const QString detail
        = QStringLiteral("%1 %2: %3").arg(what, partialPath(), QString::fromLocal8Bit(std::strerror(err)));
    if (err == ENOSPC || err == EDQUOT)
        return Error::make(errc::kStagingNoSpace,
                           tr("The staging disk is full while writing %1. Free space there (or choose another "
                              "staging directory) and run the job again.")
                               .arg(m_path),
                           detail);
    return Error::make(errc::kStagingWriteFailed,
                       tr("Could not write the staging image %1. Check the disk and its permissions.").arg(m_path),
                       detail);
}

} // namespace xms
