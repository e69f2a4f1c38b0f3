#pragma once

#include "common/error.h"
#include "common/tlspolicy.h"

#include <QCoreApplication>
#include <curl/curl.h>

namespace xms {

// Applies a TlsPolicy to a libcurl handle (OpenSSL backend). A certificate-verify callback installed
// through CURLOPT_SSL_CTX_FUNCTION sees the server's leaf certificate during the handshake: it records
// its SHA-1/SHA-256 fingerprints (so a refusal can show them and the UI can offer to pin), checks the
// pin itself in Pinned mode, and runs OpenSSL's normal chain verification otherwise.
class CurlTls
{
    Q_DECLARE_TR_FUNCTIONS(CurlTls)

public:
    explicit CurlTls(TlsPolicy policy);
    // This object must outlive the transfer on `curl`.
    Status apply(CURL* curl);

    const TlsPolicy& policy() const { return m_policy; }
    bool sawCertificate() const { return !m_sha256.isEmpty(); }
    QByteArray presentedSha1() const { return m_sha1; } // lower-case hex, empty before a handshake
    QByteArray presentedSha256() const { return m_sha256; }
    bool pinMismatch() const { return m_pinMismatch; }
    QString verifyError() const { return m_verifyError; } // OpenSSL's reason when the chain was refused

    // Called from OpenSSL's handshake with an X509_STORE_CTX*; returns OpenSSL's verdict (1 = accept).
    int verify(void* storeCtx);

private:
    TlsPolicy m_policy;
    QByteArray m_sha1;
    QByteArray m_sha256;
    bool m_pinMismatch = false;
    QString m_verifyError;
};

} // namespace xms
