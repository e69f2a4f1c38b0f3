// libFuzzer entry point for the disk stream decoders (streamOptimized VMDK, raw, detection).
// Built with -fsanitize=fuzzer,address by tests/fuzz (XMS_FUZZ=ON, clang) and, without a fuzzer, into
// the unit test tst_fuzzvmdkreplay, which replays a generated corpus — so this file always compiles.
#include "transfer/streamdecoder.h"

#include <QLoggingCategory>
#include <cstdint>
#include <cstdlib>
#include <mutex>

namespace {

// Keeps nothing, checks the DiskSink contract the decoders promise, and reads every byte handed to it
// (so the sanitizer sees any out-of-bounds buffer).
class CheckingSink final : public xms::DiskSink
{
public:
    xms::Status setCapacity(quint64 bytes) override
    {
        check(!m_finished && !m_aborted);
        m_capacity = bytes;
        m_hasCapacity = true;
        return {};
    }
    xms::Status write(quint64 offset, const char* data, size_t size) override
    {
        check(!m_finished && !m_aborted);
        check(!m_hasCapacity || (offset <= m_capacity && size <= m_capacity - offset));
        for (size_t i = 0; i < size; ++i)
            m_sum = m_sum * 31 + static_cast<unsigned char>(data[i]);
        return {};
    }
    xms::Status finish() override
    {
        check(!m_aborted && m_hasCapacity);
        m_finished = true;
        return {};
    }
    void abort() override
    {
        if (!m_finished)
            m_aborted = true;
    }

    bool finished() const { return m_finished; }
    bool aborted() const { return m_aborted; }
    quint64 capacity() const { return m_capacity; }

    static void check(bool ok)
    {
        if (!ok)
            std::abort(); // a broken contract is a finding
    }

private:
    quint64 m_capacity = 0;
    bool m_hasCapacity = false;
    bool m_finished = false;
    bool m_aborted = false;
    quint64 m_sum = 0;
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    static std::once_flag quiet;
    std::call_once(quiet, [] { QLoggingCategory::setFilterRules(QStringLiteral("xms.*=false")); });

    CheckingSink sink;
    auto decoder = xms::StreamDecoder::create(sink);
    // Feed in uneven pieces so that structures straddle feeds, as they do on the wire.
    static constexpr size_t kPieces[] = {1, 3, 13, 64, 509, 4096, 65536};
    const char* p = reinterpret_cast<const char*>(data);
    size_t left = size;
    xms::Status st;
    for (size_t i = 0; left && st; ++i) {
        const size_t n = std::min(left, kPieces[i % std::size(kPieces)]);
        st = decoder->feed(p, n);
        p += n;
        left -= n;
    }
    if (st)
        st = decoder->finish();

    // Success means a finished sink; failure means an aborted one, never both.
    CheckingSink::check(st.has_value() == sink.finished());
    CheckingSink::check(st.has_value() != sink.aborted());
    const xms::DecodeProgress& progress = decoder->progress();
    CheckingSink::check(progress.bytesReceived <= size);
    CheckingSink::check(!st || (progress.position == progress.capacity && progress.capacity == sink.capacity()));
    CheckingSink::check(st || !st.error().code.isEmpty());
    return 0;
}
