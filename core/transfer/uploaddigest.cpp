#include "uploaddigest.h"

#include "common/errorcodes.h"
#include "transfer/qcow2stream.h"

#include <algorithm>
#include <openssl/evp.h>
#include <vector>

namespace xms {

namespace {

struct MdDeleter
{
    void operator()(EVP_MD_CTX* c) const { EVP_MD_CTX_free(c); }
};
using Md = std::unique_ptr<EVP_MD_CTX, MdDeleter>;

QString hex(EVP_MD_CTX* ctx)
{
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int n = 0;
    EVP_DigestFinal_ex(ctx, out, &n);
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char*>(out), int(n)).toHex());
}

// A hole of the raw disk: the zeros it reads as, digested without reading them.
void digestZeros(EVP_MD_CTX* ctx, quint64 n)
{
    static const std::vector<char> zeros(1 << 20, 0);
    while (n) {
        const size_t z = size_t(std::min<quint64>(n, zeros.size()));
        EVP_DigestUpdate(ctx, zeros.data(), z);
        n -= z;
    }
}

} // namespace

struct UploadDigest::State
{
    const EVP_MD* wireMd = nullptr;
    Md wire {EVP_MD_CTX_new()};
    Md raw {EVP_MD_CTX_new()};
    quint64 at = 0; // the body is digested up to here
    quint64 rawAt = 0; // the raw disk is digested up to here
    QString digest;
    QString rawSha256;
    std::vector<char> scratch; // for catching up after a jump forward
};

Result<std::shared_ptr<UploadDigest>> UploadDigest::of(std::shared_ptr<const UploadSource> body,
                                                       const QString& algorithm)
{
    return make(std::move(body), nullptr, algorithm);
}

Result<std::shared_ptr<UploadDigest>> UploadDigest::ofDisk(std::shared_ptr<const Qcow2Stream> disk,
                                                           const QString& algorithm)
{
    std::shared_ptr<const UploadSource> body = disk;
    return make(std::move(body), std::move(disk), algorithm);
}

Result<std::shared_ptr<UploadDigest>> UploadDigest::make(std::shared_ptr<const UploadSource> body,
                                                         std::shared_ptr<const Qcow2Stream> disk,
                                                         const QString& algorithm)
{
    auto state = std::make_unique<State>();
    state->wireMd = EVP_get_digestbyname(algorithm.toLatin1().constData());
    if (!state->wireMd || !state->wire || !state->raw)
        return fail(errc::kTransferDigest,
                    tr("XMS cannot compute the checksum %1 the image service uses.").arg(algorithm),
                    QStringLiteral("EVP_get_digestbyname(%1) failed").arg(algorithm));
    std::shared_ptr<UploadDigest> d(new UploadDigest(std::move(body), std::move(disk), algorithm, std::move(state)));
    d->restart();
    return d;
}

UploadDigest::UploadDigest(std::shared_ptr<const UploadSource> body, std::shared_ptr<const Qcow2Stream> disk,
                           QString algorithm, std::unique_ptr<State> state)
    : m_body(std::move(body))
    , m_disk(std::move(disk))
    , m_algorithm(std::move(algorithm))
    , m_state(std::move(state))
{
}

UploadDigest::~UploadDigest() = default;

quint64 UploadDigest::size() const
{
    return m_body->size();
}

QString UploadDigest::description() const
{
    return m_body->description();
}

void UploadDigest::restart() const
{
    State& s = *m_state;
    EVP_DigestInit_ex(s.wire.get(), s.wireMd, nullptr);
    EVP_DigestInit_ex(s.raw.get(), EVP_sha256(), nullptr);
    s.at = 0;
    s.rawAt = 0;
    s.digest.clear();
    s.rawSha256.clear();
    finishIfComplete(); // an empty body
}

Result<size_t> UploadDigest::readAt(quint64 offset, char* buffer, size_t max) const
{
    if (offset < m_state->at)
        restart(); // libcurl rewound to send again
    if (Status s = catchUp(offset); !s)
        return std::unexpected(s.error());
    auto n = m_body->readAt(offset, buffer, max);
    if (n && *n)
        consume(offset, buffer, *n);
    return n;
}

Status UploadDigest::catchUp(quint64 to) const
{
    State& s = *m_state;
    if (s.at >= to)
        return {};
    s.scratch.resize(1 << 20);
    while (s.at < to) {
        const size_t want = size_t(std::min<quint64>(s.scratch.size(), to - s.at));
        auto n = m_body->readAt(s.at, s.scratch.data(), want);
        if (!n)
            return std::unexpected(n.error());
        if (*n == 0)
            break;
        consume(s.at, s.scratch.data(), *n);
    }
    return {};
}

void UploadDigest::consume(quint64 offset, const char* data, size_t n) const
{
    State& s = *m_state;
    EVP_DigestUpdate(s.wire.get(), data, n);
    s.at = offset + n;
    if (m_disk) {
        // Piece by piece within one cluster: each maps to one place on the guest disk (or to metadata).
        const quint64 cluster = m_disk->clusterSize();
        const quint64 end = m_disk->fileSize();
        for (size_t done = 0; done < n;) {
            const quint64 at = offset + done;
            const size_t piece = size_t(std::min<quint64>(n - done, cluster - at % cluster));
            if (const std::optional<quint64> guest = m_disk->guestOffset(at); guest && *guest < end) {
                digestZeros(s.raw.get(), *guest - std::min(*guest, s.rawAt)); // the hole before it
                const size_t take = size_t(std::min<quint64>(piece, end - *guest)); // not the padding past the end
                EVP_DigestUpdate(s.raw.get(), data + done, take);
                s.rawAt = *guest + take;
            }
            done += piece;
        }
    }
    finishIfComplete();
}

void UploadDigest::finishIfComplete() const
{
    State& s = *m_state;
    if (s.at != size() || !s.digest.isEmpty())
        return;
    s.digest = hex(s.wire.get());
    if (m_disk) {
        digestZeros(s.raw.get(), m_disk->fileSize() - std::min(m_disk->fileSize(), s.rawAt)); // the trailing hole
        s.rawSha256 = hex(s.raw.get());
    }
}

bool UploadDigest::complete() const
{
    return !m_state->digest.isEmpty();
}

QString UploadDigest::digest() const
{
    return m_state->digest;
}

QString UploadDigest::rawSha256() const
{
    return m_state->rawSha256;
}

quint64 UploadDigest::digestedBytes() const
{
    return m_state->at;
}

} // namespace xms
