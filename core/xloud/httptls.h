#pragma once

#include "common/tlspolicy.h"

class QNetworkReply;
class QNetworkRequest;

namespace xms::xloud {

// Applies the cloud's TLS trust policy to Qt Network requests (libcurl transfers get the same policy).
// CaFile trusts exactly that bundle; Insecure accepts anything; Pinned accepts exactly the pinned
// certificate — chain errors are ignored only for it, and a different certificate is refused even when
// its chain is valid.
void applyTls(QNetworkRequest& request, const TlsPolicy& policy);
void guardTls(QNetworkReply* reply, const TlsPolicy& policy);

// Set by guardTls on a reply it refused; the finished handler turns it into a "tls.untrusted" error.
inline constexpr char TlsRefusedProperty[] = "xmsTlsRefused";

} // namespace xms::xloud
