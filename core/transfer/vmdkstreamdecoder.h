#pragma once

#include "transfer/streamdecoder.h"
#include "transfer/vmdkgrainindex.h"
#include "transfer/vmdkheader.h"

#include <memory>
#include <zlib.h>

namespace xms {

// VMware streamOptimized VMDK, as vSphere's ExportVm and "qemu-img convert -o subformat=streamOptimized"
// produce it: a sparse header, the descriptor (skipped), then from overHead on a sequence of
// sector-aligned markers — grain markers (LBA, compressed size, zlib data) and metadata markers (grain
// table, grain directory, footer: skipped; the footer must agree with the header) up to the
// end-of-stream marker. Each grain is inflated into a one-grain buffer and written at LBA × 512.
// Only zero bytes may follow the end-of-stream marker. A stream without that marker (qemu-img writes
// none) is complete only when the grain directory it carries up front says so (VmdkGrainIndex).
class VmdkStreamDecoder final : public StreamDecoder
{
public:
    explicit VmdkStreamDecoder(DiskSink& sink);
    ~VmdkStreamDecoder() override;
    QString formatName() const override { return QStringLiteral("vmdk-stream"); }

protected:
    Status doFeed(const char* data, size_t size) override;
    Status doFinish() override;

private:
    enum class State { Header, Overhead, Skip, Marker, MetadataMarker, Footer, Grain, AfterEos };

    void advance(const char*& data, size_t& size, size_t n);
    bool collect(const char*& data, size_t& size, size_t want);
    void skipThen(quint64 bytes, State next);
    Status onHeader();
    Status onMarker();
    Status onMetadataMarker();
    Status onFooter();
    Status feedGrain(const char*& data, size_t& size);
    Status finishGrain();
    std::unexpected<Error> corrupt(const QString& why) const;

    State m_state = State::Header;
    quint64 m_offset = 0; // stream offset of the next byte to decode (for error details)
    quint64 m_markerOffset = 0; // where the current marker started
    char m_sector[VmdkHeader::kSize] = {};
    size_t m_have = 0; // bytes collected in m_sector
    quint64 m_skip = 0;
    State m_afterSkip = State::Marker;
    quint64 m_metaSectors = 0; // of the metadata marker being read

    VmdkHeader m_header;
    std::optional<VmdkGrainIndex> m_index;
    quint64 m_grains = 0; // grains decoded
    quint64 m_lastGrainMarker = 0; // stream offset of the furthest grain marker decoded
    z_stream m_z {};
    bool m_zReady = false;
    std::unique_ptr<char[]> m_grain; // one grain plus slack to notice a grain that inflates too far
    size_t m_grainCapacity = 0;
    quint64 m_grainLba = 0;
    quint32 m_grainCompressed = 0; // size field of the current grain marker
    quint32 m_grainLeft = 0; // compressed bytes of the current grain not yet fed to zlib
};

} // namespace xms
