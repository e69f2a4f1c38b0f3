#pragma once

#include "transfer/uploadsource.h"

#include <QCoreApplication>
#include <memory>

namespace xms {

class Qcow2Stream;

// An upload body that digests what libcurl reads from it, on the transfer's thread, in one pass: the bytes
// sent (with the algorithm the image service checks, Glance's os_hash_algo) and, for a raw disk sent as
// qcow2, the SHA-256 of the raw disk itself — its holes hashed as the zeros they read as, without reading
// them — which is what `sha256sum` of the staging file prints. Memory stays flat.
//
// libcurl may rewind and send again (a redirect, an auth challenge): a read before the digested part
// starts over, a read past it catches up first, so the digests are always those of the body in order.
// The digests are ready once the whole body was read (complete()); read them after the transfer ended.
class UploadDigest final : public UploadSource
{
    Q_DECLARE_TR_FUNCTIONS(UploadDigest)

public:
    // algorithm: an OpenSSL digest name ("sha512", "sha256", "md5" …); "transfer.digest" when unknown.
    static Result<std::shared_ptr<UploadDigest>> of(std::shared_ptr<const UploadSource> body, const QString& algorithm);
    // The same, and the raw disk's SHA-256 (rawSha256()).
    static Result<std::shared_ptr<UploadDigest>> ofDisk(std::shared_ptr<const Qcow2Stream> disk,
                                                        const QString& algorithm);
    ~UploadDigest() override;
    UploadDigest(const UploadDigest&) = delete;
    UploadDigest& operator=(const UploadDigest&) = delete;

    quint64 size() const override;
    Result<size_t> readAt(quint64 offset, char* buffer, size_t max) const override;
    QString description() const override;

    QString algorithm() const { return m_algorithm; }
    bool complete() const;
    // Lower-case hex, empty until complete().
    QString digest() const;
    QString rawSha256() const; // empty for a body that is not a disk
    quint64 digestedBytes() const;

private:
    struct State;
    static Result<std::shared_ptr<UploadDigest>>
    make(std::shared_ptr<const UploadSource> body, std::shared_ptr<const Qcow2Stream> disk, const QString& algorithm);
    UploadDigest(std::shared_ptr<const UploadSource> body, std::shared_ptr<const Qcow2Stream> disk, QString algorithm,
                 std::unique_ptr<State> state);
    void restart() const;
    void consume(quint64 offset, const char* data, size_t n) const;
    Status catchUp(quint64 to) const;
    void finishIfComplete() const;

    std::shared_ptr<const UploadSource> m_body;
    std::shared_ptr<const Qcow2Stream> m_disk; // the same object as m_body when the body is a disk
    QString m_algorithm;
    std::unique_ptr<State> m_state; // changed by the const reads: they run on the transfer's thread only
};

} // namespace xms
