#pragma once

#include "common/error.h"
#include "transfer/curltls.h"

#include <QUrl>
#include <curl/curl.h>

namespace xms::transfererror {

// Turns what went wrong in a libcurl transfer into an Error whose message says what to do.
// Codes: transfer.host_unknown, transfer.connection_refused, transfer.timeout, transfer.stalled,
// transfer.interrupted, transfer.failed, tls.untrusted, tls.pin_mismatch, tls.handshake_failed.
Error fromCurl(CURLcode code, const QString& curlMessage, const QUrl& url, quint64 bytesDone, const CurlTls& tls,
               long lowSpeedLimit, long lowSpeedSeconds);
// transfer.http_error (any 4xx/5xx, 3xx when redirects are not followed), with a body excerpt as detail.
Error fromHttpStatus(long status, const QUrl& url, const QByteArray& body);
Error cancelled(const QUrl& url, quint64 bytesDone);
// What to put in logs and messages: no query, no user info.
QString displayUrl(const QUrl& url);

} // namespace xms::transfererror
