#include "streamdecoder.h"

#include "common/errorcodes.h"
#include "common/logging.h"
#include "transfer/autostreamdecoder.h"
#include "transfer/vmdkheader.h"

#include <cstring>

namespace xms {

Status StreamDecoder::feed(const char* data, size_t size)
{
    if (m_error)
        return std::unexpected(*m_error);
    if (m_finished)
        return failWith(Error::make(errc::kTransferInternal, tr("Data arrived after the disk was complete.")));
    m_progress.bytesReceived += size;
    if (auto s = doFeed(data, size); !s)
        return failWith(s.error());
    return {};
}

Status StreamDecoder::finish()
{
    if (m_error)
        return std::unexpected(*m_error);
    if (m_finished)
        return {};
    if (auto s = doFinish(); !s)
        return failWith(s.error());
    if (auto s = m_sink.finish(); !s)
        return failWith(s.error());
    m_finished = true;
    m_progress.position = m_progress.capacity;
    return {};
}

void StreamDecoder::abort()
{
    if (!m_finished)
        m_sink.abort();
}

Status StreamDecoder::failWith(Error error)
{
    if (logsFailures())
        qCWarning(lcTransfer).noquote() << formatName() << "decode failed after" << m_progress.bytesReceived
                                        << "bytes:" << error.toString();
    m_sink.abort();
    m_error = error;
    return std::unexpected(std::move(error));
}

std::unexpected<Error> StreamDecoder::truncated() const
{
    return fail(errc::kTransferStreamTruncated,
                tr("The disk stream ended early after %1 bytes; the export was interrupted. Run the export again.")
                    .arg(m_progress.bytesReceived),
                QStringLiteral("%1 stream, %2 of %3 disk bytes decoded")
                    .arg(formatName())
                    .arg(m_progress.position)
                    .arg(m_progress.capacity));
}

Result<DiskStreamFormat> StreamDecoder::detect(QByteArrayView head)
{
    if (VmdkHeader::hasMagic(head.data(), size_t(head.size())))
        return DiskStreamFormat::VmdkStream;
    struct Magic
    {
        qsizetype offset;
        const char* bytes;
        const char* name;
    };
    // Containers that would otherwise be taken for raw disk data and silently produce garbage.
    static constexpr Magic kRefused[] = {
        {0, "QFI\xfb", "qcow2"},
        {0, "COWD", "ESX sparse (COWD)"},
        {0, "# Disk DescriptorFile", "a VMDK descriptor without its data"},
        {0, "vhdxfile", "VHDX"},
        {0, "conectix", "VHD"},
        {64, "\x7f\x10\xda\xbe", "VDI"},
    };
    for (const Magic& m : kRefused) {
        const qsizetype len = qsizetype(std::strlen(m.bytes));
        if (head.size() >= m.offset + len && std::memcmp(head.data() + m.offset, m.bytes, size_t(len)) == 0)
            return fail(errc::kTransferFormatUnsupported,
                        tr("The disk stream is %1, which cannot be imported directly. Send a streamOptimized "
                           "VMDK or a raw disk.")
                            .arg(QLatin1StringView(m.name)));
    }
    return DiskStreamFormat::Raw;
}

std::unique_ptr<StreamDecoder> StreamDecoder::create(DiskSink& sink, std::optional<quint64> expectedRawSize)
{
    return std::make_unique<AutoStreamDecoder>(sink, expectedRawSize);
}

} // namespace xms
