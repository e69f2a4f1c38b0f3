#pragma once

#include "common/error.h"
#include "common/tlspolicy.h"
#include "transfer/streamdecoder.h"

#include <QUrl>
#include <atomic>
#include <functional>

namespace xms::vsphere {

// One exported disk: a lease URL streamed by libcurl straight through the one-pass decoder into a sparse
// staging image (no intermediate VMDK). Blocking: runs on a worker thread. A dropped connection is
// resumed with a Range request from the exact stream offset the decoder reached (the decoder is
// push-based, so the continuation simply feeds on), as long as each attempt makes progress.
class DiskDownload
{
public:
    struct Job
    {
        QUrl url;
        TlsPolicy tls; // pinned to the lease's sslThumbprint when it has one
        QByteArray cookie; // the vSphere session cookie
        QString path; // final staging image; "<path>.part" while it is written
        quint64 capacity = 0; // the disk's size (a raw stream must have exactly this length)
        int maxResumes = 20;
    };
    struct Outcome
    {
        QString path;
        QString format; // "vmdk-stream" or "raw"
        quint64 capacity = 0;
        quint64 bytesReceived = 0;
        quint64 bytesWritten = 0;
        int resumes = 0;
    };
    using Progress = std::function<void(const DecodeProgress&)>; // on the worker thread

    // On failure or cancel the partial file is gone. Cancel: error "transfer.cancelled".
    static Result<Outcome> run(const Job& job, const std::atomic_bool* cancel, const Progress& onProgress);
    // The errors a Range request may cure: the connection broke or stalled mid-stream.
    static bool isResumable(const Error& error);
};

} // namespace xms::vsphere
