#pragma once

#include "transfer/streamdecoder.h"

namespace xms {

// A flat/raw disk stream: byte i of the stream is byte i of the disk. The sink turns zero blocks into
// holes. With an expected size, a shorter stream is "ended early" and a longer one an error; without
// one the disk is as long as the stream.
class RawStreamDecoder final : public StreamDecoder
{
public:
    explicit RawStreamDecoder(DiskSink& sink, std::optional<quint64> expectedSize = {});
    QString formatName() const override { return QStringLiteral("raw"); }

protected:
    Status doFeed(const char* data, size_t size) override;
    Status doFinish() override;

private:
    std::optional<quint64> m_expected;
    bool m_capacitySet = false;
};

} // namespace xms
