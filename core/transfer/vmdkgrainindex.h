#pragma once

#include "transfer/vmdkheader.h"

#include <QList>
#include <vector>

namespace xms {

// qemu-img writes streamOptimized VMDKs with the grain directory and tables *before* the grains (the
// header's gdOffset points into the overhead) and ends them without an end-of-stream marker. Reading
// that directory while the overhead streams by tells how many grains the stream must carry and where
// the last one starts, so such a stream is accepted only when it really is complete. vSphere's streams
// (gdOffset = GD_AT_END) never use this: they must end with the end-of-stream marker.
class VmdkGrainIndex
{
public:
    explicit VmdkGrainIndex(const VmdkHeader& header);

    // Bytes of the overhead region, at their stream offset, in stream order.
    void feed(quint64 offset, const char* data, size_t size);
    // The directory and every table it names were read and are consistent.
    bool isComplete() const { return m_usable && m_gdParsed && m_next == m_tables.size(); }
    quint64 grainCount() const { return m_grainCount; }
    quint64 lastGrainOffset() const { return m_lastGrainSector * VmdkHeader::kSectorSize; } // its marker

    static constexpr quint64 kTableBytes = 512 * 4; // numGTEsPerGT × 4-byte entries
    static constexpr quint64 kMaxTables = quint64(1) << 20; // a 4 MiB directory: 32 TiB with 64 KiB grains

private:
    void parseDirectory();
    void parseTable();

    bool m_usable = false;
    quint64 m_overheadEnd = 0;
    quint64 m_gdStart = 0;
    std::vector<char> m_gd;
    size_t m_gdFilled = 0;
    bool m_gdParsed = false;
    std::vector<quint32> m_tables; // sectors of the grain tables, sorted
    size_t m_next = 0; // the table being read
    char m_table[kTableBytes] = {};
    size_t m_tableFilled = 0;
    quint64 m_grainCount = 0;
    quint64 m_lastGrainSector = 0;
};

} // namespace xms
