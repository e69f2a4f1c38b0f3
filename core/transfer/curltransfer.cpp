#include "curltransfer.h"

#include "common/errorcodes.h"
#include "common/logging.h"
#include "transfer/curltls.h"
#include "transfer/transfererrors.h"

#include <cstring>
#include <memory>
#include <mutex>

namespace xms {

namespace {

constexpr qsizetype kErrorBodyLimit = 4096;
constexpr qsizetype kResponseBodyLimit = 1 << 20;
constexpr long kDownloadBuffer = 512 * 1024; // libcurl's maximum: fewer, larger pieces for the decoder
constexpr long kUploadBuffer = 2 * 1024 * 1024; // libcurl's maximum
constexpr int kPollMs = 100; // how often a cancel is noticed even when no data flows

void globalInit()
{
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

struct EasyDeleter
{
    void operator()(CURL* e) const { curl_easy_cleanup(e); }
};
struct ListDeleter
{
    void operator()(curl_slist* l) const { curl_slist_free_all(l); }
};

} // namespace

// The state of one perform(); libcurl's callbacks get a pointer to it.
struct CurlTransfer::Call
{
    const TransferOptions& options;
    QUrl url;
    QByteArray method;
    const DataCallback* onData = nullptr; // GET
    const UploadSource* source = nullptr; // upload body
    quint64 fileSize = 0;
    quint64 fileRead = 0; // payload bytes handed to libcurl (its own count includes chunk framing)
    CURL* easy = nullptr;
    CurlTls tls;
    QByteArray contentType; // upload
    bool chunked = false;
    std::optional<Error> callbackError;
    HttpResponse response;
    QByteArray errorBody;
    TransferProgress progress;
    std::chrono::steady_clock::time_point lastReport;

    Call(const TransferOptions& o, QUrl u, QByteArray m)
        : options(o)
        , url(std::move(u))
        , method(std::move(m))
        , tls(o.tls)
    {
    }
    ~Call() { }
    bool cancelled() const { return options.cancel && options.cancel->load(std::memory_order_relaxed); }
    long status() const
    {
        long s = 0;
        curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &s);
        return s;
    }
    void report(bool force)
    {
        const auto now = std::chrono::steady_clock::now();
        if (options.onProgress && (force || now - lastReport >= options.progressInterval)) {
            lastReport = now;
            options.onProgress(progress);
        }
    }

    static size_t onWrite(char* data, size_t, size_t size, void* self);
    static size_t onHeader(char* data, size_t, size_t size, void* self);
    static size_t onRead(char* buffer, size_t itemSize, size_t count, void* self);
    static int onSeek(void* self, curl_off_t offset, int origin);
    static int onXferInfo(void* self, curl_off_t dlTotal, curl_off_t dlNow, curl_off_t ulTotal, curl_off_t ulNow);
};

size_t CurlTransfer::Call::onWrite(char* data, size_t, size_t size, void* self)
{
    auto* c = static_cast<Call*>(self);
    if (c->cancelled())
        return 0;
    const long status = c->status();
    if (status < 200 || status >= 300) { // an error page: keep the start of it for the message
        c->errorBody.append(data, qMin(qsizetype(size), kErrorBodyLimit - c->errorBody.size()));
        return size;
    }
    if (!c->onData) {
        c->response.body.append(data, qMin(qsizetype(size), kResponseBodyLimit - c->response.body.size()));
        return size;
    }
    if (c->options.resumeFrom && status != 206) {
        c->callbackError = Error::make(errc::kTransferRangeUnsupported,
                                       tr("The server cannot resume this download; start it from the beginning."),
                                       QStringLiteral("HTTP %1 to a Range request").arg(status));
        return 0;
    }
    if (auto s = (*c->onData)(data, size); !s) {
        c->callbackError = s.error();
        return 0;
    }
    return size;
}

size_t CurlTransfer::Call::onHeader(char* data, size_t, size_t size, void* self)
{
    auto* c = static_cast<Call*>(self);
    const QByteArray line = QByteArray(data, qsizetype(size)).trimmed();
    if (line.startsWith("HTTP/")) {
        c->response.headers.clear(); // a new response (after 100 Continue or a redirect)
    } else if (const qsizetype colon = line.indexOf(':'); colon > 0) {
        c->response.headers.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
    }
    return size;
}

size_t CurlTransfer::Call::onRead(char* buffer, size_t itemSize, size_t count, void* self)
{
    auto* c = static_cast<Call*>(self);
    if (c->cancelled())
        return CURL_READFUNC_ABORT;
    Result<size_t> n = c->source->readAt(c->fileRead, buffer, itemSize * count);
    if (!n) {
        c->callbackError = n.error();
        return CURL_READFUNC_ABORT;
    }
    c->fileRead += *n;
    return *n;
}

int CurlTransfer::Call::onSeek(void* self, curl_off_t offset, int origin)
{
    auto* c = static_cast<Call*>(self);
    if (origin != SEEK_SET || offset < 0 || quint64(offset) > c->fileSize)
        return CURL_SEEKFUNC_CANTSEEK;
    c->fileRead = quint64(offset); // libcurl rewinds to resend (after a redirect or an auth challenge)
    return CURL_SEEKFUNC_OK;
}

int CurlTransfer::Call::onXferInfo(void* self, curl_off_t dlTotal, curl_off_t dlNow, curl_off_t ulTotal,
                                   curl_off_t ulNow)
{
    auto* c = static_cast<Call*>(self);
    if (c->cancelled())
        return 1;
    c->progress.downloaded = quint64(dlNow);
    c->progress.downloadTotal = quint64(dlTotal);
    c->progress.uploaded = c->source ? qMin(quint64(ulNow), c->fileSize) : quint64(ulNow);
    c->progress.uploadTotal = c->source ? c->fileSize : quint64(ulTotal);
    c->report(false);
    return 0;
}

CurlTransfer::CurlTransfer(TransferOptions options)
    : m_options(std::move(options))
{
    globalInit();
}

Result<HttpResponse> CurlTransfer::get(const QUrl& url, const DataCallback& onData)
{
    Call call(m_options, url, "GET");
    call.onData = &onData;
    return perform(call);
}

Result<HttpResponse> CurlTransfer::upload(const QUrl& url, const Upload& upload)
{
    std::unique_ptr<UploadSource> file;
    const UploadSource* source = upload.source.get();
    if (!source) {
        auto opened = FileUploadSource::open(upload.filePath);
        if (!opened)
            return std::unexpected(opened.error());
        file = std::move(*opened);
        source = file.get();
    }
    Call call(m_options, url, upload.method == Method::Put ? "PUT" : "POST");
    call.source = source;
    call.fileSize = source->size();
    call.contentType = upload.contentType;
    call.chunked = upload.chunked;
    return perform(call);
}

Result<HttpResponse> CurlTransfer::perform(Call& c)
{
    m_presentedSha1.clear();
    m_presentedSha256.clear();
    m_lastStatus = 0;
    // A session cookie is a login: it never travels in clear (an http URL, or a redirect to one).
    if (!c.options.cookie.isEmpty() && c.url.scheme() != u"https")
        return fail(errc::kTlsPlainHttp,
                    tr("Refused to send the session cookie to %1 over plain http. The server must offer this "
                       "transfer over https.")
                        .arg(transfererror::displayUrl(c.url)));
    std::unique_ptr<CURL, EasyDeleter> easy(curl_easy_init());
    if (!easy)
        return fail(errc::kTransferInternal, tr("Could not start a transfer (libcurl)."));
    CURL* e = easy.get();
    c.easy = e;
    char errbuf[CURL_ERROR_SIZE] = {};
    const QByteArray encodedUrl = c.url.toEncoded();
    curl_easy_setopt(e, CURLOPT_URL, encodedUrl.constData());
    curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, c.options.cookie.isEmpty() ? "http,https" : "https");
    curl_easy_setopt(e, CURLOPT_REDIR_PROTOCOLS_STR, c.options.cookie.isEmpty() ? "http,https" : "https");
    curl_easy_setopt(e, CURLOPT_ERRORBUFFER, errbuf);
    curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(e, CURLOPT_TCP_KEEPALIVE, 1L);
    curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT, long(c.options.connectTimeout.count()));
    curl_easy_setopt(e, CURLOPT_LOW_SPEED_LIMIT, c.options.lowSpeedLimit);
    curl_easy_setopt(e, CURLOPT_LOW_SPEED_TIME, long(c.options.lowSpeedTime.count()));
    curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, c.options.followRedirects ? 1L : 0L);
    curl_easy_setopt(e, CURLOPT_BUFFERSIZE, kDownloadBuffer);
    curl_easy_setopt(e, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(e, CURLOPT_XFERINFOFUNCTION, &Call::onXferInfo);
    curl_easy_setopt(e, CURLOPT_XFERINFODATA, &c);
    curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, &Call::onWrite);
    curl_easy_setopt(e, CURLOPT_WRITEDATA, &c);
    curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, &Call::onHeader);
    curl_easy_setopt(e, CURLOPT_HEADERDATA, &c);
    if (c.options.proxy)
        curl_easy_setopt(e, CURLOPT_PROXY, c.options.proxy->constData());
    if (!c.options.cookie.isEmpty())
        curl_easy_setopt(e, CURLOPT_COOKIE, c.options.cookie.constData());
    if (auto s = c.tls.apply(e); !s)
        return std::unexpected(s.error());

    curl_slist* rawHeaders = nullptr;
    for (const QByteArray& h : c.options.headers)
        rawHeaders = curl_slist_append(rawHeaders, h.constData());
    if (c.source) {
        rawHeaders = curl_slist_append(rawHeaders, QByteArray("Content-Type: " + c.contentType).constData());
        if (c.chunked)
            rawHeaders = curl_slist_append(rawHeaders, "Transfer-Encoding: chunked");
        curl_easy_setopt(e, CURLOPT_READFUNCTION, &Call::onRead);
        curl_easy_setopt(e, CURLOPT_READDATA, &c);
        curl_easy_setopt(e, CURLOPT_SEEKFUNCTION, &Call::onSeek);
        curl_easy_setopt(e, CURLOPT_SEEKDATA, &c);
        curl_easy_setopt(e, CURLOPT_UPLOAD_BUFFERSIZE, kUploadBuffer);
        const curl_off_t size = c.chunked ? curl_off_t(-1) : curl_off_t(c.fileSize);
        if (c.method == "PUT") {
            curl_easy_setopt(e, CURLOPT_UPLOAD, 1L);
            curl_easy_setopt(e, CURLOPT_INFILESIZE_LARGE, size);
        } else {
            curl_easy_setopt(e, CURLOPT_POST, 1L);
            curl_easy_setopt(e, CURLOPT_POSTFIELDSIZE_LARGE, size);
        }
        c.progress.uploadTotal = c.fileSize;
    } else if (c.options.resumeFrom) {
        curl_easy_setopt(e, CURLOPT_RESUME_FROM_LARGE, curl_off_t(c.options.resumeFrom));
    }
    std::unique_ptr<curl_slist, ListDeleter> headers(rawHeaders);
    curl_easy_setopt(e, CURLOPT_HTTPHEADER, headers.get());

    qCDebug(lcTransfer).noquote() << c.method << transfererror::displayUrl(c.url);
    const auto code = CURLcode(run(c));
    curl_easy_getinfo(e, CURLINFO_RESPONSE_CODE, &c.response.status);
    curl_off_t down = 0, up = 0;
    curl_easy_getinfo(e, CURLINFO_SIZE_DOWNLOAD_T, &down);
    curl_easy_getinfo(e, CURLINFO_SIZE_UPLOAD_T, &up);
    curl_easy_getinfo(e, CURLINFO_TOTAL_TIME, &c.response.seconds);
    c.response.bytesDownloaded = quint64(down);
    c.response.bytesUploaded = c.source ? c.fileRead : quint64(up);
    m_lastStatus = c.response.status;
    m_presentedSha1 = c.tls.presentedSha1();
    m_presentedSha256 = c.tls.presentedSha256();
    c.progress.downloaded = quint64(down);
    c.progress.uploaded = c.response.bytesUploaded;
    c.report(true);

    const quint64 done = c.response.bytesDownloaded + c.response.bytesUploaded;
    const QString curlMessage = QString::fromLocal8Bit(errbuf[0] ? errbuf : curl_easy_strerror(code)).trimmed();
    const long status = c.response.status;
    std::optional<Error> error;
    if (code != CURLE_OK && c.cancelled())
        error = transfererror::cancelled(c.url, done);
    else if (c.callbackError)
        error = *c.callbackError;
    else if (code != CURLE_OK && (status < 300 || c.errorBody.isEmpty()))
        error = transfererror::fromCurl(code, curlMessage, c.url, done, c.tls, c.options.lowSpeedLimit,
                                        long(c.options.lowSpeedTime.count()));
    else if (status < 200 || status >= 300)
        error = transfererror::fromHttpStatus(status, c.url, c.errorBody);
    else if (c.onData && c.options.resumeFrom && status != 206)
        error = Error::make(errc::kTransferRangeUnsupported,
                            tr("The server cannot resume this download; start it from the beginning."),
                            QStringLiteral("HTTP %1 to a Range request").arg(status));
    if (error) {
        qCWarning(lcTransfer).noquote() << c.method << transfererror::displayUrl(c.url) << "failed:" << error->code
                                        << error->toString();
        return std::unexpected(*error);
    }
    qCInfo(lcTransfer).noquote() << c.method << transfererror::displayUrl(c.url) << "HTTP" << status << "—" << done
                                 << "bytes in" << c.response.seconds << "s";
    return std::move(c.response);
}

// Drives the transfer through a multi handle so that a cancel is seen within kPollMs even when the
// peer sends nothing (the easy interface only calls back about once a second then).
int CurlTransfer::run(Call& c)
{
    CURLM* multi = curl_multi_init();
    if (!multi)
        return int(CURLE_OUT_OF_MEMORY);
    curl_multi_add_handle(multi, c.easy);
    CURLcode result = CURLE_ABORTED_BY_CALLBACK;
    for (;;) {
        int running = 0;
        if (curl_multi_perform(multi, &running) != CURLM_OK) {
            result = CURLE_FAILED_INIT;
            break;
        }
        int left = 0;
        bool finished = false;
        while (CURLMsg* msg = curl_multi_info_read(multi, &left)) {
            if (msg->msg == CURLMSG_DONE) {
                result = msg->data.result;
                finished = true;
            }
        }
        if (finished || !running || c.cancelled())
            break;
        curl_multi_poll(multi, nullptr, 0, kPollMs, nullptr);
    }
    curl_multi_remove_handle(multi, c.easy);
    curl_multi_cleanup(multi);
    return int(result);
}

QByteArray HttpResponse::header(QByteArrayView name) const
{
    for (const auto& [key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

} // namespace xms
