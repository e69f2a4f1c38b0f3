#include "autostreamdecoder.h"

#include "transfer/rawstreamdecoder.h"
#include "transfer/vmdkheader.h"
#include "transfer/vmdkstreamdecoder.h"

namespace xms {

AutoStreamDecoder::AutoStreamDecoder(DiskSink& sink, std::optional<quint64> expectedRawSize)
    : StreamDecoder(sink)
    , m_expectedRawSize(expectedRawSize)
{
}

QString AutoStreamDecoder::formatName() const
{
    return m_inner ? m_inner->formatName() : QStringLiteral("auto");
}

Status AutoStreamDecoder::doFeed(const char* data, size_t size)
{
    if (!m_inner) {
        const size_t take = qMin(size, size_t(VmdkHeader::kSize) - size_t(m_head.size()));
        m_head.append(data, qsizetype(take));
        data += take;
        size -= take;
        if (m_head.size() < qsizetype(VmdkHeader::kSize))
            return {};
        if (auto s = start(); !s)
            return s;
    }
    auto s = size ? m_inner->feed(data, size) : Status {};
    syncProgress();
    return s;
}

Status AutoStreamDecoder::doFinish()
{
    if (!m_inner) {
        if (auto s = start(); !s)
            return s;
    }
    auto s = m_inner->finish();
    syncProgress();
    return s;
}

Status AutoStreamDecoder::start()
{
    auto format = detect(m_head);
    if (!format)
        return std::unexpected(format.error());
    m_format = *format;
    if (*format == DiskStreamFormat::VmdkStream)
        m_inner = std::make_unique<VmdkStreamDecoder>(m_sink);
    else
        m_inner = std::make_unique<RawStreamDecoder>(m_sink, m_expectedRawSize);
    const QByteArray head = std::exchange(m_head, {});
    auto s = head.isEmpty() ? Status {} : m_inner->feed(head.constData(), size_t(head.size()));
    syncProgress();
    return s;
}

void AutoStreamDecoder::syncProgress()
{
    // The inner decoder counts the same bytes; only the not-yet-passed head is ours alone.
    m_progress = m_inner->progress();
}

} // namespace xms
