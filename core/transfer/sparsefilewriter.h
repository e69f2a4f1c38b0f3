#pragma once

#include "transfer/disksink.h"

#include <QCoreApplication>
#include <QString>
#include <future>
#include <memory>
#include <optional>

namespace xms {

// The local staging image of one disk: a sparse raw file. All-zero 4 KiB blocks are never written, so
// empty regions stay holes; writes are coalesced in 4 MiB buffers, each stored by a background task
// while the next one fills (an error surfaces at a later write() or at finish()). Data goes to "<path>.part" until
// finish() sets the size to the capacity, fsyncs and renames it to <path>; abort() (or destroying an
// unfinished writer) removes the partial file.
class SparseFileWriter final : public DiskSink
{
    Q_DECLARE_TR_FUNCTIONS(SparseFileWriter)

public:
    // Creates "<path>.part" (mode 0600, replacing a stale one).
    static Result<std::unique_ptr<SparseFileWriter>> create(const QString& path);
    ~SparseFileWriter() override;
    SparseFileWriter(const SparseFileWriter&) = delete;
    SparseFileWriter& operator=(const SparseFileWriter&) = delete;

    Status setCapacity(quint64 bytes) override;
    Status write(quint64 offset, const char* data, size_t size) override;
    Status finish() override;
    void abort() override;

    QString path() const { return m_path; }
    QString partialPath() const { return m_path + u".part"; }
    quint64 capacity() const { return m_capacity.value_or(0); }
    bool isFinished() const { return m_finished; }
    quint64 bytesWritten() const { return m_bytesWritten; } // handed to write(), zeros included
    quint64 bytesStored() const { return m_bytesStored; } // non-zero blocks written; final after finish()
    quint64 allocatedBytes() const { return m_allocated; } // st_blocks × 512, known after finish()

    static constexpr size_t kBlockSize = 4096; // granularity of hole detection
    static constexpr size_t kBufferSize = 4 << 20;

private:
    SparseFileWriter(QString path, int fd);
    Status flush();
    Status waitForStore();
    Status store(quint64 offset, const char* data, size_t size);
    Status storeRun(quint64 offset, const char* data, size_t size, bool zero);
    Status writeAll(quint64 offset, const char* data, size_t size);
    Status punchHole(quint64 offset, quint64 size);
    Error ioError(const QString& what, int err) const;
    void closeFd();

    QString m_path;
    int m_fd = -1;
    bool m_finished = false;
    bool m_partialExists = true; // "<path>.part" is ours to remove until it is renamed
    std::optional<quint64> m_capacity;
    std::unique_ptr<char[]> m_buf; // being filled
    std::unique_ptr<char[]> m_storing; // being stored by m_store
    std::future<Status> m_store;
    std::optional<Error> m_failed;
    quint64 m_bufOffset = 0; // disk offset of m_buf[0]
    size_t m_bufLen = 0;
    quint64 m_highWater = 0; // the file is all holes from here on: zero blocks past it need no work
    quint64 m_bytesWritten = 0;
    quint64 m_bytesStored = 0;
    quint64 m_allocated = 0;
};

} // namespace xms
