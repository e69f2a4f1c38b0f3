#pragma once

#include "common/error.h"
#include "transfer/transferoptions.h"
#include "transfer/uploadsource.h"

#include <QCoreApplication>
#include <QUrl>
#include <functional>

namespace xms {

// One bulk HTTP(S) transfer with libcurl, run synchronously on the calling (worker) thread: a GET
// streamed into a callback (a StreamDecoder) or a PUT/POST streamed from a file or an UploadSource (a
// Glance image upload). TLS follows options.tls; cancel, progress, low-speed limits, cookie and headers as in
// TransferOptions. HTTP statuses ≥ 300 become "transfer.http_error"; see transfererror for the codes.
// An object can run several transfers one after the other, never two at once.
class CurlTransfer
{
    Q_DECLARE_TR_FUNCTIONS(CurlTransfer)

public:
    // Gets each piece of the body as it arrives; an error stops the transfer and is returned as is.
    using DataCallback = std::function<Status(const char* data, size_t size)>;

    enum class Method { Put, Post };
    struct Upload
    {
        QString filePath; // sent as it is, unless source is set
        Method method = Method::Put;
        QByteArray contentType = "application/octet-stream";
        bool chunked = false; // Transfer-Encoding: chunked instead of Content-Length
        std::shared_ptr<const UploadSource> source {}; // the body, read on the transfer's thread
    };

    explicit CurlTransfer(TransferOptions options = {});

    Result<HttpResponse> get(const QUrl& url, const DataCallback& onData);
    Result<HttpResponse> upload(const QUrl& url, const Upload& upload);

    TransferOptions& options() { return m_options; }
    const TransferOptions& options() const { return m_options; }
    // The leaf certificate of the last transfer's server (lower-case hex; empty for http or no handshake),
    // recorded even when it was refused — what the UI offers to pin.
    QByteArray presentedSha1() const { return m_presentedSha1; }
    QByteArray presentedSha256() const { return m_presentedSha256; }
    long lastStatus() const { return m_lastStatus; } // HTTP status of the last transfer, 0 if none

private:
    struct Call;
    Result<HttpResponse> perform(Call& call);
    static int run(Call& call); // a CURLcode

    TransferOptions m_options;
    QByteArray m_presentedSha1;
    QByteArray m_presentedSha256;
    long m_lastStatus = 0;
};

} // namespace xms
