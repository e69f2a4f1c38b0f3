#pragma once

#include "catalog.h"
#include "common/error.h"
#include "model/records.h"

#include <QString>
#include <QUrl>

namespace xms::xloud {

// A cloud reached over https must stay https for every service: each request carries the token, so a
// plain-http catalog endpoint would send it in clear. Error "tls.insecure_endpoint" names the service
// and the URL. A cloud whose Identity URL is itself http has no such promise to keep (it is warned about).
Status checkEndpointScheme(const CloudRecord& cloud, Service service, const QUrl& endpoint);

// The warning for an http Identity URL (password and tokens in clear), or empty for https.
QString plainAuthUrlWarning(const CloudRecord& cloud);

} // namespace xms::xloud
