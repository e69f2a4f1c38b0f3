#pragma once

#include "common/error.h"
#include "transfer/disksink.h"

#include <QByteArrayView>
#include <QCoreApplication>
#include <memory>
#include <optional>

namespace xms {

// Where a one-pass decode stands. The stream may be much smaller than the disk (holes are not sent),
// so use position/capacity for a percentage and bytesReceived for a transfer rate.
struct DecodeProgress
{
    quint64 bytesReceived = 0; // stream bytes fed so far (what came over the wire)
    quint64 bytesWritten = 0; // disk bytes decoded and handed to the sink, zeros included
    quint64 position = 0; // end of the furthest disk byte decoded; equals capacity once complete
    quint64 capacity = 0; // the disk's size; 0 while unknown (a raw stream of unknown length)

    double fraction() const { return capacity ? double(position) / double(capacity) : 0.0; }
};

enum class DiskStreamFormat { Raw, VmdkStream };

// A push-based, one-pass disk stream decoder writing into a DiskSink. Bounded memory (about one grain),
// any split of the input works. On any error the sink is aborted (its partial file removed) and every
// later call returns the same error. Used from one thread.
class StreamDecoder
{
    Q_DECLARE_TR_FUNCTIONS(StreamDecoder)

public:
    explicit StreamDecoder(DiskSink& sink)
        : m_sink(sink)
    {
    }
    virtual ~StreamDecoder() = default;
    StreamDecoder(const StreamDecoder&) = delete;
    StreamDecoder& operator=(const StreamDecoder&) = delete;

    Status feed(const char* data, size_t size);
    Status feed(QByteArrayView data) { return feed(data.data(), size_t(data.size())); }
    // The stream has ended: fails unless it was complete, else finishes the sink (size, fsync, rename).
    Status finish();
    // Give up (cancel, transfer failed): aborts the sink. Harmless after finish() or an error.
    void abort();

    const DecodeProgress& progress() const { return m_progress; }
    bool isFinished() const { return m_finished; }
    virtual QString formatName() const = 0;

    // The format of a stream from its first bytes (up to 512; fewer only when the stream is that short).
    // Known container formats other than streamOptimized VMDK are refused; anything else is raw.
    static Result<DiskStreamFormat> detect(QByteArrayView head);
    // A decoder that detects the format from the first sector (see AutoStreamDecoder). expectedRawSize,
    // when known (Content-Length, the lease's disk capacity), makes a raw stream of another length an error.
    static std::unique_ptr<StreamDecoder> create(DiskSink& sink, std::optional<quint64> expectedRawSize = {});

protected:
    virtual Status doFeed(const char* data, size_t size) = 0;
    virtual Status doFinish() = 0; // completeness checks and the final setCapacity()
    std::unexpected<Error> truncated() const; // "the disk stream ended early after N bytes…"
    virtual bool logsFailures() const { return true; } // false where a wrapped decoder logs them already

    DiskSink& m_sink;
    DecodeProgress m_progress;

private:
    Status failWith(Error error);

    std::optional<Error> m_error;
    bool m_finished = false;
};

} // namespace xms
