#pragma once

#include "testutil.h"
#include "transfer/streamdecoder.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

// Helpers shared by the transfer tests: real tools (qemu-img, openssl, python) and real files.
namespace xms::test {

// Runs a program to completion; returns its stderr (and exit code) on failure, an empty string on success.
QString run(const QString& program, const QStringList& args, QByteArray* out = nullptr, int timeoutMs = 600000);
QString script(const QString& name); // a helper script next to this file

quint64 allocatedBytes(const QString& path); // st_blocks × 512
quint64 fileSize(const QString& path);

struct Block
{
    quint64 offset;
    quint64 size;
    bool text = false; // compressible text instead of random bytes
};
// A sparse raw disk of `size` bytes: holes except for the given blocks.
bool writeRawDisk(const QString& path, quint64 size, const QList<Block>& blocks, quint32 seed);

// Feeds bytes to a decoder in chunks of random size, log-uniform between 1 byte and 1 MiB.
Status feedChunked(QByteArrayView data, StreamDecoder& decoder, quint32 seed);
Status feedFile(const QString& path, StreamDecoder& decoder, quint32 seed);

// An independent walk over a streamOptimized VMDK's markers, for tests that patch or cut streams.
struct Marker
{
    qsizetype offset; // of the marker in the stream
    quint64 value; // grain LBA, or sector count of metadata
    quint32 size; // compressed size; 0 for metadata
    quint32 type; // metadata type (0 EOS, 1 GT, 2 GD, 3 footer)
};
QList<Marker> walkMarkers(const QByteArray& vmdk);

} // namespace xms::test

namespace xms::test {

// Keeps the disk in memory (tests with small disks only) and checks the DiskSink contract.
class MemorySink final : public DiskSink
{
public:
    Status setCapacity(quint64 bytes) override;
    Status write(quint64 offset, const char* data, size_t size) override;
    Status finish() override;
    void abort() override;

    QByteArray disk;
    bool finished = false;
    bool aborted = false;
    bool capacitySet = false;
};

} // namespace xms::test
