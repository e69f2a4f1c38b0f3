#include "rawstreamdecoder.h"

#include "common/errorcodes.h"

namespace xms {

RawStreamDecoder::RawStreamDecoder(DiskSink& sink, std::optional<quint64> expectedSize)
    : StreamDecoder(sink)
    , m_expected(expectedSize)
{
    m_progress.capacity = expectedSize.value_or(0);
}

Status RawStreamDecoder::doFeed(const char* data, size_t size)
{
    if (m_expected && !m_capacitySet) {
        if (auto s = m_sink.setCapacity(*m_expected); !s)
            return s;
        m_capacitySet = true;
    }
    const quint64 offset = m_progress.bytesWritten;
    if (m_expected && size > *m_expected - offset)
        return fail(
            errc::kTransferStreamTooLong,
            tr("The disk stream is longer than the disk's size of %1 bytes. Export the disk again.").arg(*m_expected));
    if (auto s = m_sink.write(offset, data, size); !s)
        return s;
    m_progress.bytesWritten += size;
    m_progress.position = m_progress.bytesWritten;
    return {};
}

Status RawStreamDecoder::doFinish()
{
    // Nothing at all is an interrupted export, never a disk of size 0.
    if (m_progress.bytesWritten == 0)
        return truncated();
    if (m_expected) {
        if (m_progress.bytesWritten != *m_expected)
            return truncated();
        if (!m_capacitySet)
            return m_sink.setCapacity(*m_expected);
        return {};
    }
    m_progress.capacity = m_progress.bytesWritten;
    return m_sink.setCapacity(m_progress.bytesWritten);
}

} // namespace xms
