#include "vmdkheader.h"

#include "common/errorcodes.h"
#include "common/text.h"

#include <QCoreApplication>
#include <cstring>

namespace xms {

namespace {

template<typename T> T le(const char* p)
{
    T v = 0;
    for (size_t i = 0; i < sizeof(T); ++i)
        v |= T(T(static_cast<unsigned char>(p[i])) << (8 * i));
    return v;
}

std::unexpected<Error> unsupported(const QString& why, const QString& detail)
{
    return fail(
        errc::kTransferFormatUnsupported,
        Text::translate("xms",
                        "The disk stream is a VMDK this importer cannot read in one pass: %1. Export the disk from "
                        "vSphere (it sends streamOptimized VMDK) or convert it with "
                        "\"qemu-img convert -O vmdk -o subformat=streamOptimized\".")
            .toString()
            .arg(why),
        detail);
}

std::unexpected<Error> corrupt(const QString& why, const QString& detail)
{
    return fail(errc::kTransferVmdkCorrupt,
                Text::translate("xms", "The VMDK stream is corrupt: %1. Export the disk again.").toString().arg(why),
                detail);
}

} // namespace

bool VmdkHeader::hasMagic(const char* data, size_t size)
{
    return size >= 4 && std::memcmp(data, "KDMV", 4) == 0;
}

Result<VmdkHeader> VmdkHeader::parseStreamOptimized(const char* p)
{
    if (!hasMagic(p, kSize))
        return corrupt(Text::translate("xms::VmdkHeader", "the sparse header has no KDMV magic").toString(), {});
    VmdkHeader h;
    h.version = le<quint32>(p + 4);
    h.flags = le<quint32>(p + 8);
    h.capacity = le<quint64>(p + 12);
    h.grainSize = le<quint64>(p + 20);
    h.descriptorOffset = le<quint64>(p + 28);
    h.descriptorSize = le<quint64>(p + 36);
    h.numGTEsPerGT = le<quint32>(p + 44);
    h.rgdOffset = le<quint64>(p + 48);
    h.gdOffset = le<quint64>(p + 56);
    h.overHead = le<quint64>(p + 64);
    h.compressAlgorithm = le<quint16>(p + 77);
    const QString detail = QStringLiteral("version %1, flags 0x%2, capacity %3 sectors, grain %4 sectors, overhead %5")
                               .arg(h.version)
                               .arg(h.flags, 0, 16)
                               .arg(h.capacity)
                               .arg(h.grainSize)
                               .arg(h.overHead);

    if (h.version < 1 || h.version > 3)
        return unsupported(Text::translate("xms::VmdkHeader", "sparse format version %1").toString().arg(h.version),
                           detail);
    // Without markers a sparse VMDK (monolithicSparse, "hosted sparse") keeps its grain tables apart
    // from the grains and needs random access, so it is refused rather than half-read.
    if (!(h.flags & kFlagMarkers) || !(h.flags & kFlagCompressed))
        return unsupported(Text::translate("xms::VmdkHeader", "a hosted sparse VMDK without stream markers").toString(),
                           detail);
    if (h.compressAlgorithm != kCompressDeflate)
        return unsupported(
            Text::translate("xms::VmdkHeader", "compression algorithm %1").toString().arg(h.compressAlgorithm), detail);
    if (h.grainSize == 0 || h.grainSize > kMaxGrainSectors || (h.grainSize & (h.grainSize - 1)))
        return corrupt(Text::translate("xms::VmdkHeader", "grain size of %1 sectors").toString().arg(h.grainSize),
                       detail);
    if (h.capacity > kMaxCapacitySectors)
        return corrupt(Text::translate("xms::VmdkHeader", "capacity of %1 sectors").toString().arg(h.capacity), detail);
    // The first marker starts at overHead; the descriptor sits between the header and it.
    if (h.overHead == 0 || h.overHead > kMaxCapacitySectors)
        return corrupt(Text::translate("xms::VmdkHeader", "metadata overhead of %1 sectors").toString().arg(h.overHead),
                       detail);
    if (h.descriptorOffset && (h.descriptorOffset > h.overHead || h.descriptorSize > h.overHead - h.descriptorOffset))
        return corrupt(Text::translate("xms::VmdkHeader", "the descriptor overlaps the data").toString(), detail);
    return h;
}

} // namespace xms
