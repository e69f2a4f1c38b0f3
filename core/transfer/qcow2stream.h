#pragma once

#include "transfer/uploadsource.h"

#include <QCoreApplication>
#include <optional>
#include <vector>

namespace xms {

// A sparse raw staging image sent as a qcow2 image made on the fly, in one forward pass: only the clusters
// that hold data travel, so a 2 GiB disk with 1 GiB used sends about 1 GiB where raw sends 2 (Block
// Storage converts it back to raw when it creates the volume, byte for byte).
//
// The layout is planned up front from the file's allocation map (SEEK_DATA/SEEK_HOLE), which is what lets
// every table be written before the data it points at: header, L1 table, refcount table, refcount
// blocks, the L2 tables that map something, then the data clusters in guest order. Metadata is computed
// from a bitmap when it is read, never held: memory is one bit per cluster (at most 16 MiB).
// The image is qcow2 version 3, 4 KiB clusters (the file system's block: no rounding waste) for disks up
// to 512 GiB, 16-bit refcounts, no backing file, no compression.
class Qcow2Stream final : public UploadSource
{
    Q_DECLARE_TR_FUNCTIONS(Qcow2Stream)

public:
    // Plans the image of the raw file at `path`. The file must not change while the stream is read.
    // clusterBits 9–21 (512 B – 2 MiB), or 0: 4 KiB, more for disks over 512 GiB (see open()). Tests use
    // small clusters to reach multi-cluster tables cheaply.
    static Result<std::unique_ptr<Qcow2Stream>> open(const QString& path, int clusterBits = 0);
    ~Qcow2Stream() override;
    Qcow2Stream(const Qcow2Stream&) = delete;
    Qcow2Stream& operator=(const Qcow2Stream&) = delete;

    quint64 size() const override { return m_hostClusters * m_cluster; }
    Result<size_t> readAt(quint64 offset, char* buffer, size_t max) const override;
    QString description() const override;

    quint64 virtualSize() const { return m_virtualSize; } // the raw file's size in whole sectors
    quint64 fileSize() const { return m_fileSize; } // the raw file's size in bytes
    // Where byte `offset` of the image lies on the guest disk (byte offset in the raw file), or nullopt
    // when it is metadata or past the end. Data comes in guest order, so the answers rise with offset.
    std::optional<quint64> guestOffset(quint64 offset) const;
    quint64 dataClusters() const { return m_dataClusters; }
    quint64 dataBytes() const { return m_dataClusters * m_cluster; } // of size(): the rest is metadata
    quint64 clusterSize() const { return m_cluster; }

private:
    Qcow2Stream(QString path, int fd, quint64 fileSize, int clusterBits);
    Status mapAllocation();
    void planLayout();
    bool allocated(quint64 guestCluster) const;
    quint64 select(quint64 k) const; // the guest cluster of the k-th allocated one
    void metadataCluster(quint64 hostCluster, char* out) const;
    Result<size_t> readData(quint64 dataCluster, quint64 within, char* buffer, size_t max) const;

    QString m_path;
    int m_fd = -1;
    int m_clusterBits;
    quint64 m_cluster; // bytes
    quint64 m_entries; // 64-bit entries per table cluster (L1, L2, refcount table)
    quint64 m_refcounts; // 16-bit refcounts per refcount block
    quint64 m_words; // bitmap words per L2 table
    quint64 m_fileSize = 0;
    quint64 m_virtualSize = 0;
    quint64 m_guestClusters = 0;
    std::vector<quint64> m_bits; // one per guest cluster: it holds data
    std::vector<quint64> m_tableRank; // per L2 table: allocated clusters before it
    std::vector<quint64> m_tableHost; // per L2 table: its host cluster, 0 when it maps nothing
    std::vector<quint64> m_usedTables; // L2 tables that map something, in order
    quint64 m_dataClusters = 0;
    // Layout, in host clusters: header at 0, then each region starting where the previous ends.
    quint64 m_l1Start = 1, m_l1Clusters = 0;
    quint64 m_rtStart = 0, m_rtClusters = 0;
    quint64 m_rbStart = 0, m_rbClusters = 0;
    quint64 m_l2Start = 0, m_dataStart = 0, m_hostClusters = 0;
};

} // namespace xms
