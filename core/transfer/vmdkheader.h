#pragma once

#include "common/error.h"

#include <QtGlobal>

namespace xms {

// The 512-byte SparseExtentHeader that starts a VMDK sparse extent (and, as the footer, ends a
// streamOptimized one). Sizes and offsets are in 512-byte sectors, as on disk (little-endian).
struct VmdkHeader
{
    static constexpr size_t kSize = 512;
    static constexpr quint64 kSectorSize = 512;
    static constexpr quint64 kGdAtEnd = ~quint64(0); // the grain directory follows the grains (footer)
    static constexpr quint32 kFlagCompressed = 1u << 16;
    static constexpr quint32 kFlagMarkers = 1u << 17;
    static constexpr quint16 kCompressDeflate = 1;
    static constexpr quint64 kMaxGrainSectors = 2048; // 1 MiB: bounds the decoder's one-grain buffer
    static constexpr quint64 kMaxCapacitySectors = quint64(1) << 40; // 512 TiB, far above VMDK's 62 TiB

    quint32 version = 0;
    quint32 flags = 0;
    quint64 capacity = 0;
    quint64 grainSize = 0;
    quint64 descriptorOffset = 0;
    quint64 descriptorSize = 0;
    quint32 numGTEsPerGT = 0;
    quint64 rgdOffset = 0;
    quint64 gdOffset = 0;
    quint64 overHead = 0;
    quint16 compressAlgorithm = 0;

    static bool hasMagic(const char* data, size_t size); // starts with "KDMV"
    // Parses and checks that the one-pass decoder can read this extent: a streamOptimized VMDK
    // (compressed grains with markers, deflate) with sane sizes.
    static Result<VmdkHeader> parseStreamOptimized(const char* sector);

    quint64 capacityBytes() const { return capacity * kSectorSize; }
    quint64 grainBytes() const { return grainSize * kSectorSize; }
};

} // namespace xms
