#pragma once

#include "transfer/streamdecoder.h"

#include <QByteArray>

namespace xms {

// Picks the decoder from the stream's first sector ("KDMV" → VmdkStreamDecoder, other known container
// formats refused, anything else RawStreamDecoder), then passes everything through to it.
class AutoStreamDecoder final : public StreamDecoder
{
public:
    explicit AutoStreamDecoder(DiskSink& sink, std::optional<quint64> expectedRawSize = {});
    QString formatName() const override;
    // The chosen decoder's format, once the first sector has arrived.
    std::optional<DiskStreamFormat> format() const { return m_format; }

protected:
    Status doFeed(const char* data, size_t size) override;
    Status doFinish() override;
    bool logsFailures() const override { return !m_inner; }

private:
    Status start(); // detect from m_head and hand it to the chosen decoder
    void syncProgress();

    std::optional<quint64> m_expectedRawSize;
    QByteArray m_head;
    std::optional<DiskStreamFormat> m_format;
    std::unique_ptr<StreamDecoder> m_inner;
};

} // namespace xms
