#include "curltls.h"

#include "common/errorcodes.h"

#include <QFileInfo>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <openssl/x509_vfy.h>

namespace xms {

namespace {

int verifyCallback(X509_STORE_CTX* store, void* self)
{
    return static_cast<CurlTls*>(self)->verify(store);
}

CURLcode sslCtxCallback(CURL*, void* sslCtx, void* self)
{
    SSL_CTX_set_cert_verify_callback(static_cast<SSL_CTX*>(sslCtx), verifyCallback, self);
    return CURLE_OK;
}

bool curlUsesOpenSsl()
{
    const curl_version_info_data* info = curl_version_info(CURLVERSION_NOW);
    return info && info->ssl_version && QByteArrayView(info->ssl_version).startsWith("OpenSSL");
}

} // namespace

CurlTls::CurlTls(TlsPolicy policy)
    : m_policy(std::move(policy))
{
}

Status CurlTls::apply(CURL* curl)
{
    if (!curlUsesOpenSsl())
        return fail(errc::kTlsBackend,
                    tr("This libcurl is not built with OpenSSL, so certificates cannot be checked. Install "
                       "libcurl4 (the OpenSSL flavour)."),
                    QString::fromLatin1(curl_version()));
    using Mode = TlsPolicy::Mode;
    if (m_policy.mode == Mode::Pinned && m_policy.pinSha1.isEmpty() && m_policy.pinSha256.isEmpty())
        return fail(errc::kTlsNoPin,
                    tr("No certificate fingerprint is pinned. Pin the server's "
                       "SHA-1 or SHA-256 fingerprint."));
    const bool verifyChain = m_policy.mode == Mode::SystemCa || m_policy.mode == Mode::CaFile;
    // A resumed TLS session skips the certificate callback; every connection must show its certificate.
    curl_easy_setopt(curl, CURLOPT_SSL_SESSIONID_CACHE, 0L);
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, m_policy.mode == Mode::Insecure ? 0L : 1L);
    // A pin identifies the certificate whatever names it carries (vSphere hosts are often reached by IP).
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, verifyChain ? 2L : 0L);
    if (m_policy.mode == Mode::CaFile) {
        if (!QFileInfo(m_policy.caFile).isReadable())
            return fail(errc::kTlsCaFile,
                        tr("The CA file %1 cannot be read. Choose an existing PEM file.").arg(m_policy.caFile));
        const QByteArray path = m_policy.caFile.toLocal8Bit();
        curl_easy_setopt(curl, CURLOPT_CAINFO, path.constData()); // libcurl copies option strings
        curl_easy_setopt(curl, CURLOPT_CAPATH, nullptr); // only the given CA, not the system's too
    }
    if (curl_easy_setopt(curl, CURLOPT_SSL_CTX_FUNCTION, sslCtxCallback) != CURLE_OK
        || curl_easy_setopt(curl, CURLOPT_SSL_CTX_DATA, this) != CURLE_OK)
        return fail(errc::kTlsBackend, tr("This libcurl cannot check certificate fingerprints."),
                    QString::fromLatin1(curl_version()));
    return {};
}

int CurlTls::verify(void* storeCtx)
{
    auto* store = static_cast<X509_STORE_CTX*>(storeCtx);
    QByteArray der;
    if (X509* leaf = X509_STORE_CTX_get0_cert(store)) {
        const int len = i2d_X509(leaf, nullptr);
        if (len > 0) {
            der.resize(len);
            auto* out = reinterpret_cast<unsigned char*>(der.data());
            i2d_X509(leaf, &out);
        }
    }
    m_sha1 = der.isEmpty() ? QByteArray() : fingerprint::sha1(der);
    m_sha256 = der.isEmpty() ? QByteArray() : fingerprint::sha256(der);
    m_pinMismatch = false;
    m_verifyError.clear();

    switch (m_policy.mode) {
    case TlsPolicy::Mode::Insecure:
        return 1;
    case TlsPolicy::Mode::Pinned:
        if (!der.isEmpty() && m_policy.matches(der))
            return 1;
        m_pinMismatch = true;
        X509_STORE_CTX_set_error(store, X509_V_ERR_CERT_REJECTED);
        return 0;
    case TlsPolicy::Mode::SystemCa:
    case TlsPolicy::Mode::CaFile:
        break;
    }
    const int ok = X509_verify_cert(store);
    if (ok <= 0)
        m_verifyError = QString::fromLatin1(X509_verify_cert_error_string(X509_STORE_CTX_get_error(store)));
    return ok > 0 ? 1 : 0;
}

} // namespace xms
