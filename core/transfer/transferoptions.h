#pragma once

#include "common/tlspolicy.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <atomic>
#include <chrono>
#include <functional>
#include <optional>

namespace xms {

struct TransferProgress
{
    quint64 downloaded = 0;
    quint64 downloadTotal = 0; // 0 while unknown (no Content-Length)
    quint64 uploaded = 0;
    quint64 uploadTotal = 0;
};

// Everything about how one bulk transfer talks to its peer. Header values and the cookie are secrets
// (tokens, session ids): they are sent, never logged.
struct TransferOptions
{
    TlsPolicy tls {};
    QList<QByteArray> headers {}; // raw "Name: value" lines, e.g. "X-Auth-Token: …"
    QByteArray cookie {}; // "name=value[; name2=value2]", e.g. the vSphere session "vmware_soap_session=…"
    quint64 resumeFrom = 0; // GET only: "Range: bytes=N-"; the server must answer 206
    bool followRedirects = false;
    std::chrono::seconds connectTimeout {30};
    // A transfer slower than lowSpeedLimit bytes/s for lowSpeedTime fails as stalled.
    long lowSpeedLimit = 1;
    std::chrono::seconds lowSpeedTime {120};
    // Checked at least every 100 ms: a set flag ends the transfer with "transfer.cancelled".
    const std::atomic_bool* cancel = nullptr;
    // Called on the transfer's thread at most every progressInterval, and once at the end.
    std::function<void(const TransferProgress&)> onProgress {};
    std::chrono::milliseconds progressInterval {250};
    // Unset: libcurl's defaults (http_proxy, https_proxy, no_proxy). Empty: never use a proxy.
    std::optional<QByteArray> proxy {};
};

struct HttpResponse
{
    long status = 0;
    QList<QPair<QByteArray, QByteArray>> headers; // of the final response, names as sent
    QByteArray body; // uploads: the response body (up to 1 MiB); downloads: empty (it went to the callback)
    quint64 bytesDownloaded = 0;
    quint64 bytesUploaded = 0;
    double seconds = 0;

    QByteArray header(QByteArrayView name) const; // first value, name case-insensitive; empty if absent
};

} // namespace xms
