#include "vmdkgrainindex.h"

#include <QtEndian>
#include <algorithm>
#include <cstring>

namespace xms {

VmdkGrainIndex::VmdkGrainIndex(const VmdkHeader& h)
{
    if (h.gdOffset == VmdkHeader::kGdAtEnd || h.numGTEsPerGT != 512)
        return;
    const quint64 grains = (h.capacity + h.grainSize - 1) / h.grainSize;
    const quint64 tables = (grains + 511) / 512;
    m_overheadEnd = h.overHead * VmdkHeader::kSectorSize;
    m_gdStart = h.gdOffset * VmdkHeader::kSectorSize;
    // Only a directory that lies in the overhead, after the header, arrives before the grains.
    if (tables > kMaxTables || h.gdOffset == 0 || m_gdStart > m_overheadEnd || tables * 4 > m_overheadEnd - m_gdStart)
        return;
    m_gd.resize(size_t(tables * 4));
    m_usable = true;
    if (m_gd.empty())
        parseDirectory();
}

void VmdkGrainIndex::feed(quint64 offset, const char* data, size_t size)
{
    if (!m_usable)
        return;
    const quint64 end = offset + size;
    if (!m_gdParsed) {
        const quint64 lo = qMax(offset, m_gdStart);
        const quint64 hi = qMin(end, m_gdStart + m_gd.size());
        if (lo < hi) {
            std::memcpy(m_gd.data() + (lo - m_gdStart), data + (lo - offset), size_t(hi - lo));
            m_gdFilled += size_t(hi - lo);
        }
        if (m_gdFilled < m_gd.size())
            return;
        parseDirectory();
    }
    while (m_usable && m_next < m_tables.size()) {
        const quint64 start = quint64(m_tables[m_next]) * VmdkHeader::kSectorSize;
        const quint64 lo = qMax(offset, start + m_tableFilled);
        const quint64 hi = qMin(end, start + kTableBytes);
        if (lo >= hi)
            return;
        std::memcpy(m_table + (lo - start), data + (lo - offset), size_t(hi - lo));
        m_tableFilled += size_t(hi - lo);
        if (m_tableFilled < kTableBytes)
            return;
        parseTable();
    }
}

void VmdkGrainIndex::parseDirectory()
{
    m_gdParsed = true;
    const quint64 gdEnd = m_gdStart + m_gd.size();
    for (size_t i = 0; i < m_gd.size(); i += 4) {
        if (const quint32 sector = qFromLittleEndian<quint32>(m_gd.data() + i))
            m_tables.push_back(sector);
    }
    std::sort(m_tables.begin(), m_tables.end());
    m_tables.erase(std::unique(m_tables.begin(), m_tables.end()), m_tables.end());
    // Tables must follow the directory inside the overhead, without overlapping: else nothing is known.
    for (size_t i = 0; i < m_tables.size(); ++i) {
        const quint64 start = quint64(m_tables[i]) * VmdkHeader::kSectorSize;
        const bool overlaps = i + 1 < m_tables.size() && start + kTableBytes > quint64(m_tables[i + 1]) * 512;
        if (start < gdEnd || start + kTableBytes > m_overheadEnd || overlaps)
            m_usable = false;
    }
    m_gd = {};
}

void VmdkGrainIndex::parseTable()
{
    for (size_t i = 0; i < kTableBytes; i += 4) {
        // 0 is an unallocated grain, 1 a zeroed one (no data in the stream either).
        const quint32 sector = qFromLittleEndian<quint32>(m_table + i);
        if (sector > 1) {
            ++m_grainCount;
            m_lastGrainSector = qMax<quint64>(m_lastGrainSector, sector);
        }
    }
    m_tableFilled = 0;
    ++m_next;
}

} // namespace xms
