#include "diskdownload.h"

#include "common/errorcodes.h"
#include "common/logging.h"
#include "common/text.h"
#include "transfer/curltransfer.h"
#include "transfer/sparsefilewriter.h"

namespace xms::vsphere {

bool DiskDownload::isResumable(const Error& e)
{
    return e.is(errc::kTransferInterrupted) || e.is(errc::kTransferStalled) || e.is(errc::kTransferTimeout);
}

Result<DiskDownload::Outcome> DiskDownload::run(const Job& job, const std::atomic_bool* cancel,
                                                const Progress& onProgress)
{
    // The download carries the vCenter session cookie: never over plain http, whatever the lease says.
    if (job.url.scheme() != u"https")
        return fail(errc::kTlsPlainHttp,
                    Text::translate("xms::vsphere",
                                    "vSphere offered the disk at %1, a plain http URL. XMS downloads disks only over "
                                    "https, so the vCenter session cookie is never sent in clear; check the host's "
                                    "NFC/HTTPS configuration.")
                        .toString()
                        .arg(job.url.toString(QUrl::RemoveUserInfo | QUrl::RemoveQuery)));
    auto writer = SparseFileWriter::create(job.path);
    if (!writer)
        return std::unexpected(writer.error());
    const std::unique_ptr<StreamDecoder> decoder
        = StreamDecoder::create(**writer, job.capacity ? std::optional(job.capacity) : std::nullopt);

    TransferOptions options;
    options.tls = job.tls;
    options.cookie = job.cookie;
    options.cancel = cancel;
    options.onProgress = [&](const TransferProgress&) {
        if (onProgress)
            onProgress(decoder->progress());
    };
    CurlTransfer curl(std::move(options));
    Outcome out;
    for (;;) {
        const quint64 before = decoder->progress().bytesReceived;
        curl.options().resumeFrom = before;
        Result<HttpResponse> r
            = curl.get(job.url, [&](const char* data, size_t size) { return decoder->feed(data, size); });
        if (r)
            break;
        const bool progressed = decoder->progress().bytesReceived > before;
        if (isResumable(r.error()) && progressed && out.resumes < job.maxResumes && !(cancel && cancel->load())) {
            ++out.resumes;
            qCInfo(lcTransfer) << "resuming" << job.url.path() << "at byte" << decoder->progress().bytesReceived
                               << "after:" << r.error().toString();
            continue;
        }
        decoder->abort();
        return std::unexpected(r.error());
    }
    if (Status s = decoder->finish(); !s)
        return std::unexpected(s.error()); // the decoder aborted the sink: no partial file stays
    if (onProgress)
        onProgress(decoder->progress());
    out.path = job.path;
    out.format = decoder->formatName();
    out.capacity = decoder->progress().capacity;
    out.bytesReceived = decoder->progress().bytesReceived;
    out.bytesWritten = decoder->progress().bytesWritten;
    return out;
}

} // namespace xms::vsphere
