#pragma once

#include "common/error.h"

#include <QCoreApplication>
#include <QString>
#include <memory>

namespace xms {

// The body of an upload: a fixed number of bytes read by position, so libcurl can rewind and resend
// (after a redirect or an auth challenge) and so several readers never share a file offset. Read on the
// transfer's thread only.
class UploadSource
{
public:
    virtual ~UploadSource() = default;
    virtual quint64 size() const = 0;
    // Fills up to `max` bytes from `offset` (fewer only at the end); 0 at or past size().
    virtual Result<size_t> readAt(quint64 offset, char* buffer, size_t max) const = 0;
    // What the body is, for messages ("disk0.raw", "disk0.raw as qcow2").
    virtual QString description() const = 0;
};

// A file sent as it is.
class FileUploadSource final : public UploadSource
{
    Q_DECLARE_TR_FUNCTIONS(FileUploadSource)

public:
    static Result<std::unique_ptr<FileUploadSource>> open(const QString& path);
    ~FileUploadSource() override;
    FileUploadSource(const FileUploadSource&) = delete;
    FileUploadSource& operator=(const FileUploadSource&) = delete;

    quint64 size() const override { return m_size; }
    Result<size_t> readAt(quint64 offset, char* buffer, size_t max) const override;
    QString description() const override { return m_path; }

private:
    FileUploadSource(QString path, int fd, quint64 size);

    QString m_path;
    int m_fd = -1;
    quint64 m_size = 0;
};

// Opens `path` read-only for an upload and reports its size; an error says what to check.
Result<int> openForUpload(const QString& path, quint64* size);
// pread until `size` bytes or end of file; an error names the file.
Result<size_t> preadFully(int fd, quint64 offset, char* buffer, size_t size, const QString& path);

} // namespace xms
