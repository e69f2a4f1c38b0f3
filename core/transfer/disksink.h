#pragma once

#include "common/error.h"

#include <QtGlobal>
#include <cstddef>

namespace xms {

// Where decoded disk bytes go. A stream decoder calls setCapacity() once the disk's size is known
// (from a VMDK header, or at the end of a raw stream), write() for each decoded run (any order,
// within the capacity), then finish() when the stream was complete — or abort() on any error.
// One sink takes one disk; it is used from one thread.
class DiskSink
{
public:
    virtual ~DiskSink() = default;

    virtual Status setCapacity(quint64 bytes) = 0;
    virtual Status write(quint64 offset, const char* data, size_t size) = 0;
    // The disk is complete: make it durable and visible under its final name.
    virtual Status finish() = 0;
    // Discard everything written so far. Safe to call more than once and after a failed finish().
    virtual void abort() = 0;
};

} // namespace xms
