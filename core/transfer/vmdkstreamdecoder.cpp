#include "vmdkstreamdecoder.h"

#include "common/errorcodes.h"

#include <cstring>

namespace xms {

namespace {

constexpr quint32 kMarkerEos = 0;
constexpr quint32 kMarkerGrainTable = 1;
constexpr quint32 kMarkerGrainDirectory = 2;
constexpr quint32 kMarkerFooter = 3;
constexpr size_t kGrainMarkerHead = 12; // lba u64, size u32; the zlib data follows directly
constexpr size_t kGrainSlack = 4096;
constexpr quint64 kMaxMetadataSectors = quint64(1) << 32;

template<typename T> T le(const char* p)
{
    T v = 0;
    for (size_t i = 0; i < sizeof(T); ++i)
        v |= T(T(static_cast<unsigned char>(p[i])) << (8 * i));
    return v;
}

} // namespace

VmdkStreamDecoder::VmdkStreamDecoder(DiskSink& sink)
    : StreamDecoder(sink)
{
    m_zReady = inflateInit(&m_z) == Z_OK;
}

VmdkStreamDecoder::~VmdkStreamDecoder()
{
    if (m_zReady)
        inflateEnd(&m_z);
}

void VmdkStreamDecoder::advance(const char*& data, size_t& size, size_t n)
{
    data += n;
    size -= n;
    m_offset += n;
}

// Gathers a small structure that may arrive split across feeds; true once `want` bytes are there.
bool VmdkStreamDecoder::collect(const char*& data, size_t& size, size_t want)
{
    const size_t n = qMin(size, want - m_have);
    std::memcpy(m_sector + m_have, data, n);
    m_have += n;
    advance(data, size, n);
    return m_have == want;
}

void VmdkStreamDecoder::skipThen(quint64 bytes, State next)
{
    m_skip = bytes;
    m_afterSkip = next;
    m_state = bytes ? State::Skip : next;
}

Status VmdkStreamDecoder::doFeed(const char* data, size_t size)
{
    while (size) {
        switch (m_state) {
        case State::Header:
            if (collect(data, size, VmdkHeader::kSize)) {
                if (auto s = onHeader(); !s)
                    return s;
            }
            break;
        case State::Overhead: {
            const size_t n = size_t(qMin<quint64>(size, m_skip));
            m_index->feed(m_offset, data, n);
            advance(data, size, n);
            m_skip -= n;
            if (!m_skip)
                m_state = State::Marker;
            break;
        }
        case State::Skip: {
            const size_t n = size_t(qMin<quint64>(size, m_skip));
            advance(data, size, n);
            m_skip -= n;
            if (!m_skip)
                m_state = m_afterSkip;
            break;
        }
        case State::Marker:
            if (m_have == 0)
                m_markerOffset = m_offset;
            if (collect(data, size, kGrainMarkerHead)) {
                if (auto s = onMarker(); !s)
                    return s;
            }
            break;
        case State::MetadataMarker:
            if (collect(data, size, VmdkHeader::kSize)) {
                if (auto s = onMetadataMarker(); !s)
                    return s;
            }
            break;
        case State::Footer:
            if (collect(data, size, VmdkHeader::kSize)) {
                if (auto s = onFooter(); !s)
                    return s;
            }
            break;
        case State::Grain:
            if (auto s = feedGrain(data, size); !s)
                return s;
            break;
        case State::AfterEos:
            for (size_t i = 0; i < size; ++i) {
                if (data[i])
                    return corrupt(tr("data follows the end-of-stream marker"));
            }
            advance(data, size, size);
            break;
        }
    }
    return {};
}

Status VmdkStreamDecoder::onHeader()
{
    m_have = 0;
    auto header = VmdkHeader::parseStreamOptimized(m_sector);
    if (!header)
        return std::unexpected(header.error());
    m_header = *header;
    if (!m_zReady)
        return fail(errc::kTransferInternal, tr("Could not initialise zlib."));
    if (auto s = m_sink.setCapacity(m_header.capacityBytes()); !s)
        return s;
    m_progress.capacity = m_header.capacityBytes();
    m_grainCapacity = size_t(m_header.grainBytes()) + kGrainSlack;
    m_grain.reset(new char[m_grainCapacity]);
    m_index.emplace(m_header);
    skipThen(m_header.overHead * VmdkHeader::kSectorSize - VmdkHeader::kSize, State::Marker);
    if (m_state == State::Skip)
        m_state = State::Overhead;
    return {};
}

Status VmdkStreamDecoder::onMarker()
{
    const quint64 lba = le<quint64>(m_sector);
    const quint32 compressed = le<quint32>(m_sector + 8);
    if (compressed == 0) {
        m_metaSectors = lba; // a metadata marker: the rest of its sector says which kind
        m_state = State::MetadataMarker;
        return {};
    }
    m_have = 0;
    if (lba >= m_header.capacity)
        return corrupt(
            tr("a grain at sector %1 lies past the disk's capacity of %2 sectors").arg(lba).arg(m_header.capacity));
    // zlib never expands a grain by more than a few bytes per 16 KiB; a bigger size field is a lie.
    if (compressed > compressBound(uLong(m_header.grainBytes())) + 1024)
        return corrupt(tr("the grain at sector %1 claims %2 compressed bytes, more than a %3-byte grain can take")
                           .arg(lba)
                           .arg(compressed)
                           .arg(m_header.grainBytes()));
    if (inflateReset(&m_z) != Z_OK)
        return fail(errc::kTransferInternal, tr("Could not reset zlib."));
    m_z.next_out = reinterpret_cast<Bytef*>(m_grain.get());
    m_z.avail_out = uInt(m_grainCapacity);
    m_grainLba = lba;
    m_grainCompressed = compressed;
    m_grainLeft = compressed;
    m_state = State::Grain;
    return {};
}

Status VmdkStreamDecoder::onMetadataMarker()
{
    m_have = 0;
    const quint32 type = le<quint32>(m_sector + 12);
    if (m_metaSectors > kMaxMetadataSectors)
        return corrupt(tr("a metadata marker claims %1 sectors").arg(m_metaSectors));
    switch (type) {
    case kMarkerEos:
        if (m_metaSectors != 0)
            return corrupt(tr("the end-of-stream marker claims %1 sectors").arg(m_metaSectors));
        m_state = State::AfterEos;
        m_progress.position = m_progress.capacity;
        return {};
    case kMarkerGrainTable:
    case kMarkerGrainDirectory:
        skipThen(m_metaSectors * VmdkHeader::kSectorSize, State::Marker);
        return {};
    case kMarkerFooter:
        if (m_metaSectors == 0)
            return corrupt(tr("the footer marker is empty"));
        m_state = State::Footer;
        return {};
    default:
        return corrupt(tr("unknown metadata marker type %1").arg(type));
    }
}

Status VmdkStreamDecoder::onFooter()
{
    m_have = 0;
    auto footer = VmdkHeader::parseStreamOptimized(m_sector);
    if (!footer)
        return corrupt(tr("the footer is not a valid header (%1)").arg(footer.error().message));
    if (footer->capacity != m_header.capacity || footer->grainSize != m_header.grainSize)
        return corrupt(tr("the footer (capacity %1, grain %2) disagrees with the header (capacity %3, grain %4)")
                           .arg(footer->capacity)
                           .arg(footer->grainSize)
                           .arg(m_header.capacity)
                           .arg(m_header.grainSize));
    skipThen((m_metaSectors - 1) * VmdkHeader::kSectorSize, State::Marker);
    return {};
}

// Feeds the grain's compressed bytes straight from the caller's buffer into zlib (no copy).
Status VmdkStreamDecoder::feedGrain(const char*& data, size_t& size)
{
    const size_t n = qMin<size_t>(size, m_grainLeft);
    m_z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data));
    m_z.avail_in = uInt(n);
    const int rc = inflate(&m_z, Z_NO_FLUSH);
    const size_t used = n - m_z.avail_in;
    advance(data, size, used);
    m_grainLeft -= quint32(used);
    if (rc == Z_STREAM_END) {
        if (m_grainLeft)
            return corrupt(tr("the grain at sector %1 ends %2 bytes before its marker's size of %3")
                               .arg(m_grainLba)
                               .arg(m_grainLeft)
                               .arg(m_grainCompressed));
        return finishGrain();
    }
    if (rc != Z_OK && rc != Z_BUF_ERROR)
        return corrupt(tr("the compressed data of the grain at sector %1 is damaged (zlib: %2)")
                           .arg(m_grainLba)
                           .arg(QString::fromLatin1(m_z.msg ? m_z.msg : "error")));
    if (m_z.total_out > m_header.grainBytes())
        return corrupt(tr("the grain at sector %1 inflates past the grain size of %2 bytes")
                           .arg(m_grainLba)
                           .arg(m_header.grainBytes()));
    if (!m_grainLeft)
        return corrupt(tr("the compressed data of the grain at sector %1 is longer than its marker's size of %2")
                           .arg(m_grainLba)
                           .arg(m_grainCompressed));
    return {};
}

Status VmdkStreamDecoder::finishGrain()
{
    const quint64 produced = m_z.total_out;
    const quint64 offset = m_grainLba * VmdkHeader::kSectorSize;
    if (produced > m_header.grainBytes())
        return corrupt(tr("the grain at sector %1 inflates past the grain size of %2 bytes")
                           .arg(m_grainLba)
                           .arg(m_header.grainBytes()));
    if (produced > m_header.capacityBytes() - offset)
        return corrupt(tr("the grain at sector %1 runs past the disk's capacity of %2 sectors")
                           .arg(m_grainLba)
                           .arg(m_header.capacity));
    if (auto s = m_sink.write(offset, m_grain.get(), size_t(produced)); !s)
        return s;
    m_progress.bytesWritten += produced;
    ++m_grains;
    m_lastGrainMarker = qMax(m_lastGrainMarker, m_markerOffset);
    m_progress.position = qMax(m_progress.position, offset + produced);
    // Markers start on sector boundaries; the grain's last sector is padded.
    const quint64 used = kGrainMarkerHead + m_grainCompressed;
    skipThen((VmdkHeader::kSectorSize - used % VmdkHeader::kSectorSize) % VmdkHeader::kSectorSize, State::Marker);
    return {};
}

Status VmdkStreamDecoder::doFinish()
{
    if (m_state == State::AfterEos)
        return {};
    // No end-of-stream marker: complete only if the directory up front lists exactly what arrived.
    const bool atMarker = m_state == State::Marker && m_have == 0;
    if (atMarker && m_index && m_index->isComplete() && m_index->grainCount() == m_grains
        && m_index->lastGrainOffset() == (m_grains ? m_lastGrainMarker : 0))
        return {};
    return truncated();
}

std::unexpected<Error> VmdkStreamDecoder::corrupt(const QString& why) const
{
    return fail(errc::kTransferVmdkCorrupt, tr("The VMDK stream is corrupt: %1. Export the disk again.").arg(why),
                QStringLiteral("stream offset %1 (marker at %2)").arg(m_offset).arg(m_markerOffset));
}

} // namespace xms
