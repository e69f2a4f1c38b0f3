#include "qcow2stream.h"

#include "common/errorcodes.h"

#include <QFile>
#include <QtEndian>
#include <algorithm>
#include <bit>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace xms {

namespace {

constexpr quint64 kCopied = quint64(1) << 63; // QCOW_OFLAG_COPIED: refcount is exactly 1
constexpr quint32 kHeaderLength = 104; // version 3 without the compression-type field

quint64 divUp(quint64 a, quint64 b)
{
    return (a + b - 1) / b;
}

void put64(char* at, quint64 v)
{
    qToBigEndian(v, at);
}
void put32(char* at, quint32 v)
{
    qToBigEndian(v, at);
}

} // namespace

Result<std::unique_ptr<Qcow2Stream>> Qcow2Stream::open(const QString& path, int clusterBits)
{
    Q_ASSERT(clusterBits == 0 || (clusterBits >= 9 && clusterBits <= 21));
    quint64 fileSize = 0;
    auto fd = openForUpload(path, &fileSize);
    if (!fd)
        return std::unexpected(fd.error());
    // qcow2 sizes are whole sectors (VMware disks always are); a partial one reads as zeros.
    const quint64 virtualSize = divUp(fileSize, 512) * 512;
    if (clusterBits == 0) {
        // The file system's block (4 KiB) wastes nothing on rounding; bigger disks get bigger clusters so
        // the bitmap stays within 2^27 bits (16 MiB): 4 KiB up to 512 GiB, 8 KiB to 1 TiB …
        clusterBits = 12;
        while (clusterBits < 21 && (virtualSize >> clusterBits) > (quint64(1) << 27))
            ++clusterBits;
    }
    std::unique_ptr<Qcow2Stream> s(new Qcow2Stream(path, *fd, fileSize, clusterBits));
    if (Status mapped = s->mapAllocation(); !mapped)
        return std::unexpected(mapped.error());
    s->planLayout();
    return s;
}

Qcow2Stream::Qcow2Stream(QString path, int fd, quint64 fileSize, int clusterBits)
    : m_path(std::move(path))
    , m_fd(fd)
    , m_clusterBits(clusterBits)
    , m_cluster(quint64(1) << clusterBits)
    , m_entries(m_cluster / 8)
    , m_refcounts(m_cluster * 8 / 16)
    , m_words(m_entries / 64)
    , m_fileSize(fileSize)
    , m_virtualSize(divUp(fileSize, 512) * 512)
    , m_guestClusters(divUp(m_virtualSize, m_cluster))
    , m_bits(divUp(m_guestClusters, m_entries) * m_words, 0)
{
}

Qcow2Stream::~Qcow2Stream()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

QString Qcow2Stream::description() const
{
    return tr("%1 as qcow2").arg(m_path);
}

Status Qcow2Stream::mapAllocation()
{
    const auto mark = [this](quint64 from, quint64 to) { // bytes [from, to)
        for (quint64 c = from / m_cluster; c < divUp(to, m_cluster); ++c)
            m_bits[c / 64] |= quint64(1) << (c % 64);
    };
    struct stat st
    {
    };
    if (::fstat(m_fd, &st) != 0)
        return fail(errc::kTransferFileRead, tr("Could not read %1. Check the staging disk.").arg(m_path),
                    QString::fromLocal8Bit(std::strerror(errno)));
    const off_t end = st.st_size;
    for (off_t pos = 0; pos < end;) {
        const off_t data = ::lseek(m_fd, pos, SEEK_DATA);
        if (data < 0) {
            if (errno == ENXIO) // only a hole from pos to the end
                break;
            if (errno == EINVAL) { // the file system cannot tell: everything is data
                mark(quint64(pos), quint64(end));
                break;
            }
            return fail(errc::kTransferFileRead,
                        tr("Could not map the data of %1. Check the staging disk.").arg(m_path),
                        QString::fromLocal8Bit(std::strerror(errno)));
        }
        off_t hole = ::lseek(m_fd, data, SEEK_HOLE);
        if (hole < 0 || hole > end)
            hole = end;
        mark(quint64(data), quint64(hole));
        pos = hole;
    }
    return {};
}

void Qcow2Stream::planLayout()
{
    const quint64 tables = m_bits.size() / m_words;
    m_tableRank.resize(tables);
    m_tableHost.assign(tables, 0);
    for (quint64 t = 0; t < tables; ++t) {
        m_tableRank[t] = m_dataClusters;
        quint64 count = 0;
        for (quint64 w = t * m_words; w < (t + 1) * m_words; ++w)
            count += quint64(std::popcount(m_bits[w]));
        if (count)
            m_usedTables.push_back(t);
        m_dataClusters += count;
    }
    m_l1Clusters = divUp(tables * 8, m_cluster); // none for an empty disk: a cluster nothing refers to leaks
    // The refcount blocks count every host cluster, themselves included: grow until the sizes agree.
    m_rtClusters = 1;
    m_rbClusters = 1;
    for (;;) {
        m_hostClusters = 1 + m_l1Clusters + m_rtClusters + m_rbClusters + m_usedTables.size() + m_dataClusters;
        const quint64 rb = divUp(m_hostClusters, m_refcounts);
        const quint64 rt = divUp(rb * 8, m_cluster);
        if (rb <= m_rbClusters && rt <= m_rtClusters)
            break;
        m_rbClusters = std::max(rb, m_rbClusters);
        m_rtClusters = std::max(rt, m_rtClusters);
    }
    m_rtStart = m_l1Start + m_l1Clusters;
    m_rbStart = m_rtStart + m_rtClusters;
    m_l2Start = m_rbStart + m_rbClusters;
    for (quint64 j = 0; j < m_usedTables.size(); ++j)
        m_tableHost[m_usedTables[j]] = m_l2Start + j;
    m_dataStart = m_l2Start + m_usedTables.size();
    m_hostClusters = m_dataStart + m_dataClusters;
}

bool Qcow2Stream::allocated(quint64 guestCluster) const
{
    return guestCluster < m_guestClusters && (m_bits[guestCluster / 64] >> (guestCluster % 64) & 1);
}

quint64 Qcow2Stream::select(quint64 k) const
{
    // The last table whose rank is ≤ k holds it: the next one starts past k.
    const auto next = std::upper_bound(m_tableRank.begin(), m_tableRank.end(), k);
    const quint64 t = quint64(next - m_tableRank.begin()) - 1;
    quint64 left = k - m_tableRank[t];
    for (quint64 w = t * m_words;; ++w) {
        quint64 word = m_bits[w];
        const quint64 n = quint64(std::popcount(word));
        if (left >= n) {
            left -= n;
            continue;
        }
        for (; left; --left)
            word &= word - 1; // drop the lowest set bit
        return w * 64 + quint64(std::countr_zero(word));
    }
}

void Qcow2Stream::metadataCluster(quint64 h, char* out) const
{
    std::memset(out, 0, m_cluster);
    if (h == 0) { // header; the zeros after it end the (empty) list of header extensions
        std::memcpy(out, "QFI\xfb", 4);
        put32(out + 4, 3); // version
        put32(out + 20, quint32(m_clusterBits));
        put64(out + 24, m_virtualSize);
        put32(out + 36, quint32(m_tableHost.size())); // l1_size
        put64(out + 40, m_l1Start * m_cluster);
        put64(out + 48, m_rtStart * m_cluster);
        put32(out + 56, quint32(m_rtClusters));
        put32(out + 96, 4); // refcount_order: 16-bit refcounts
        put32(out + 100, kHeaderLength);
    } else if (h < m_rtStart) { // L1 table
        const quint64 first = (h - m_l1Start) * m_entries;
        for (quint64 i = 0; i < m_entries && first + i < m_tableHost.size(); ++i)
            if (const quint64 host = m_tableHost[first + i])
                put64(out + i * 8, host * m_cluster | kCopied);
    } else if (h < m_rbStart) { // refcount table
        const quint64 first = (h - m_rtStart) * m_entries;
        for (quint64 i = 0; i < m_entries && first + i < m_rbClusters; ++i)
            put64(out + i * 8, (m_rbStart + first + i) * m_cluster);
    } else if (h < m_l2Start) { // refcount blocks: every host cluster is used once
        const quint64 first = (h - m_rbStart) * m_refcounts;
        for (quint64 i = 0; i < m_refcounts && first + i < m_hostClusters; ++i)
            qToBigEndian(quint16(1), out + i * 2);
    } else { // an L2 table: the data clusters follow in guest order
        const quint64 t = m_usedTables[h - m_l2Start];
        quint64 next = m_dataStart + m_tableRank[t];
        for (quint64 i = 0; i < m_entries; ++i)
            if (allocated(t * m_entries + i))
                put64(out + i * 8, (next++) * m_cluster | kCopied);
    }
}

std::optional<quint64> Qcow2Stream::guestOffset(quint64 offset) const
{
    const quint64 h = offset / m_cluster;
    if (h < m_dataStart || h >= m_hostClusters)
        return std::nullopt;
    return select(h - m_dataStart) * m_cluster + offset % m_cluster;
}

Result<size_t> Qcow2Stream::readData(quint64 dataCluster, quint64 within, char* buffer, size_t max) const
{
    // One pread for the run of guest clusters that are also adjacent in the image.
    const quint64 guest = select(dataCluster);
    quint64 run = 1;
    while (run * m_cluster - within < max && dataCluster + run < m_dataClusters && allocated(guest + run))
        ++run;
    const size_t want = size_t(std::min<quint64>(max, run * m_cluster - within));
    auto got = preadFully(m_fd, guest * m_cluster + within, buffer, want, m_path);
    if (!got)
        return got;
    std::memset(buffer + *got, 0, want - *got); // the last cluster past the end of the raw file
    return want;
}

Result<size_t> Qcow2Stream::readAt(quint64 offset, char* buffer, size_t max) const
{
    size_t filled = 0;
    std::vector<char> scratch;
    while (filled < max && offset < size()) {
        const quint64 h = offset / m_cluster;
        const quint64 within = offset % m_cluster;
        size_t n = 0;
        if (h < m_dataStart) {
            scratch.resize(m_cluster);
            metadataCluster(h, scratch.data());
            n = size_t(std::min<quint64>(max - filled, m_cluster - within));
            std::memcpy(buffer + filled, scratch.data() + within, n);
        } else {
            auto got = readData(h - m_dataStart, within, buffer + filled, max - filled);
            if (!got)
                return got;
            n = *got;
        }
        filled += n;
        offset += n;
    }
    return filled;
}

} // namespace xms
