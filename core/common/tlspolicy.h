#pragma once

#include <QByteArray>
#include <QString>

namespace xms {

// How one peer's TLS certificate is trusted. Shared by the SOAP/REST clients (Qt Network) and the bulk
// transfers (libcurl) so that a pin set once protects every connection to that peer.
struct TlsPolicy
{
    enum class Mode {
        SystemCa, // verify the chain against the system CAs (default)
        CaFile, // verify against the PEM bundle in caFile (a private CA)
        Pinned, // accept exactly the certificate whose fingerprint is pinned, whatever its chain
        Insecure, // accept anything (--no-verify-tls); callers warn loudly
    };
    Mode mode = Mode::SystemCa;
    QString caFile;
    // Lower-case hex without separators. SHA-1 is what vSphere shows (and puts in lease URLs); SHA-256
    // is preferred when the operator gives it. At least one is set in Pinned mode.
    QByteArray pinSha1;
    QByteArray pinSha256;

    static TlsPolicy pinned(const QByteArray& fingerprint); // accepts either length, any separators
    bool matches(const QByteArray& certDer) const; // Pinned mode: does this certificate match the pin?
};

namespace fingerprint {
// "AB:CD:…" / "abcd…" / "ab cd …" → "abcd…"; empty when not valid hex of SHA-1 or SHA-256 length.
QByteArray normalize(QStringView text);
QByteArray sha1(const QByteArray& certDer); // normalized hex
QByteArray sha256(const QByteArray& certDer);
QString pretty(const QByteArray& hex); // "AB:CD:…" as vSphere and browsers show it
} // namespace fingerprint

} // namespace xms
