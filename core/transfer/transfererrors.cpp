#include "transfererrors.h"

#include "common/errorcodes.h"
#include "common/text.h"

#include <QCoreApplication>

namespace xms::transfererror {

namespace {

QString hostPort(const QUrl& url)
{
    return url.host() + u':' + QString::number(url.port(url.scheme() == u"http" ? 80 : 443));
}

Error tlsError(const QUrl& url, const QString& curlMessage, const CurlTls& tls)
{
    const QString fingerprints
        = QStringLiteral("presented certificate SHA-1 %1, SHA-256 %2")
              .arg(fingerprint::pretty(tls.presentedSha1()), fingerprint::pretty(tls.presentedSha256()));
    if (tls.pinMismatch()) {
        const QByteArray& pin = tls.policy().pinSha256.isEmpty() ? tls.policy().pinSha1 : tls.policy().pinSha256;
        const QByteArray& seen = tls.policy().pinSha256.isEmpty() ? tls.presentedSha1() : tls.presentedSha256();
        return Error::make(
            errc::kTlsPinMismatch,
            Text::translate("xms::transfererror",
                            "The certificate of %1 changed: it presents %2 but %3 is pinned. If the change is "
                            "expected (a renewed certificate), pin the new fingerprint; otherwise do not "
                            "connect.")
                .toString()
                .arg(url.host(), fingerprint::pretty(seen), fingerprint::pretty(pin)),
            fingerprints + u"; " + curlMessage);
    }
    const QString reason = tls.verifyError().isEmpty() ? curlMessage : tls.verifyError();
    return Error::make(
        errc::kTlsUntrusted,
        Text::translate("xms::transfererror",
                        "The certificate of %1 is not trusted (%2). Its SHA-256 fingerprint is %3: pin it if "
                        "you trust this server, or give the CA file that signed it.")
            .toString()
            .arg(url.host(), reason, fingerprint::pretty(tls.presentedSha256())),
        fingerprints + u"; " + curlMessage);
}

} // namespace

QString displayUrl(const QUrl& url)
{
    return url.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment);
}

Error fromCurl(CURLcode code, const QString& curlMessage, const QUrl& url, quint64 bytesDone, const CurlTls& tls,
               long lowSpeedLimit, long lowSpeedSeconds)
{
    const QString detail = QStringLiteral("%1 (curl %2) — %3").arg(curlMessage).arg(int(code)).arg(displayUrl(url));
    if (tls.pinMismatch() || !tls.verifyError().isEmpty())
        return tlsError(url, curlMessage, tls);
    switch (code) {
    case CURLE_PEER_FAILED_VERIFICATION:
        return tlsError(url, curlMessage, tls);
    case CURLE_COULDNT_RESOLVE_HOST:
        return Error::make(
            errc::kTransferHostUnknown,
            Text::translate("xms::transfererror", "The host %1 is unknown. Check the address and the DNS settings.")
                .toString()
                .arg(url.host()),
            detail);
    case CURLE_COULDNT_CONNECT:
        return Error::make(
            errc::kTransferConnectionRefused,
            Text::translate("xms::transfererror",
                            "Could not connect to %1 (connection refused or unreachable). Check that the "
                            "server is running and the address and port are right.")
                .toString()
                .arg(hostPort(url)),
            detail);
    case CURLE_OPERATION_TIMEDOUT:
        if (bytesDone == 0 && curlMessage.contains(u"onnect"))
            return Error::make(errc::kTransferTimeout,
                               Text::translate("xms::transfererror",
                                               "Connecting to %1 timed out. Check the network path to the server.")
                                   .toString()
                                   .arg(hostPort(url)),
                               detail);
        return Error::make(
            errc::kTransferStalled,
            Text::translate("xms::transfererror",
                            "The transfer with %1 stalled (under %2 bytes/s for %3 s) after %4 bytes. Check "
                            "the network and try again.")
                .toString()
                .arg(url.host())
                .arg(lowSpeedLimit)
                .arg(lowSpeedSeconds)
                .arg(bytesDone),
            detail);
    case CURLE_SSL_CONNECT_ERROR:
        return Error::make(
            errc::kTlsHandshakeFailed,
            Text::translate("xms::transfererror",
                            "The secure connection to %1 could not be set up. Check that the port speaks "
                            "HTTPS.")
                .toString()
                .arg(hostPort(url)),
            detail);
    case CURLE_PARTIAL_FILE:
    case CURLE_RECV_ERROR:
    case CURLE_SEND_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
        return Error::make(
            errc::kTransferInterrupted,
            Text::translate("xms::transfererror", "The connection to %1 dropped after %2 bytes. Try again.")
                .toString()
                .arg(url.host())
                .arg(bytesDone),
            detail);
    default:
        return Error::make(errc::kTransferFailed,
                           Text::translate("xms::transfererror", "The transfer with %1 failed: %2.")
                               .toString()
                               .arg(url.host(), curlMessage),
                           detail);
    }
}

Error fromHttpStatus(long status, const QUrl& url, const QByteArray& body)
{
    QString hint;
    switch (status) {
    case 401:
        hint = Text::translate("xms::transfererror", "The session or token is not valid (any more); log in again.")
                   .toString();
        break;
    case 403:
        hint = Text::translate("xms::transfererror", "The account is not allowed to do this.").toString();
        break;
    case 404:
        hint = Text::translate("xms::transfererror", "It does not exist (an export lease or image may have expired).")
                   .toString();
        break;
    case 413:
        hint = Text::translate("xms::transfererror", "The server refuses data this large; check its size limits.")
                   .toString();
        break;
    default:
        if (status >= 500)
            hint = Text::translate("xms::transfererror", "The server failed; check its logs and try again.").toString();
        else if (status >= 300 && status < 400)
            hint = Text::translate("xms::transfererror", "The server redirects elsewhere; use the final address.")
                       .toString();
        break;
    }
    // A short, printable excerpt: enough to recognise the server's complaint, never a whole page.
    QString excerpt = QString::fromUtf8(body.left(512)).simplified();
    return Error::make(errc::kTransferHttpError,
                       Text::translate("xms::transfererror", "%1 answered HTTP %2. %3")
                           .toString()
                           .arg(url.host())
                           .arg(status)
                           .arg(hint)
                           .trimmed(),
                       QStringLiteral("HTTP %1 from %2: %3").arg(status).arg(displayUrl(url), excerpt));
}

Error cancelled(const QUrl& url, quint64 bytesDone)
{
    return Error::make(errc::kTransferCancelled,
                       Text::translate("xms::transfererror", "The transfer was cancelled.").toString(),
                       QStringLiteral("%1 after %2 bytes").arg(displayUrl(url)).arg(bytesDone));
}

} // namespace xms::transfererror
