#include "uploadsource.h"

#include "common/errorcodes.h"

#include <QFile>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace xms {

Result<size_t> preadFully(int fd, quint64 offset, char* buffer, size_t size, const QString& path)
{
    size_t done = 0;
    while (done < size) {
        const ssize_t n = ::pread(fd, buffer + done, size - done, off_t(offset + done));
        if (n > 0) {
            done += size_t(n);
        } else if (n == 0) {
            break;
        } else if (errno != EINTR) {
            return fail(errc::kTransferFileRead,
                        FileUploadSource::tr("Could not read %1 for the upload. Check the staging disk.").arg(path),
                        QString::fromLocal8Bit(std::strerror(errno)));
        }
    }
    return done;
}

Result<int> openForUpload(const QString& path, quint64* size)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    struct stat st
    {
    };
    if (fd < 0 || ::fstat(fd, &st) != 0) {
        const int err = errno;
        if (fd >= 0)
            ::close(fd);
        return fail(
            errc::kTransferFileRead,
            FileUploadSource::tr("Could not open %1 for upload. Check that it exists and is readable.").arg(path),
            QString::fromLocal8Bit(std::strerror(err)));
    }
    *size = quint64(st.st_size);
    return fd;
}

Result<std::unique_ptr<FileUploadSource>> FileUploadSource::open(const QString& path)
{
    quint64 size = 0;
    auto fd = openForUpload(path, &size);
    if (!fd)
        return std::unexpected(fd.error());
    return std::unique_ptr<FileUploadSource>(new FileUploadSource(path, *fd, size));
}

FileUploadSource::FileUploadSource(QString path, int fd, quint64 size)
    : m_path(std::move(path))
    , m_fd(fd)
    , m_size(size)
{
}

FileUploadSource::~FileUploadSource()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

Result<size_t> FileUploadSource::readAt(quint64 offset, char* buffer, size_t max) const
{
    if (offset >= m_size)
        return size_t(0);
    return preadFully(m_fd, offset, buffer, size_t(std::min<quint64>(max, m_size - offset)), m_path);
}

} // namespace xms
