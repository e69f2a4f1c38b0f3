#pragma once

#include "catalog.h"
#include "common/error.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QNetworkReply>
#include <QString>

namespace xms::xloud {

// What an OpenStack error body says, whatever the service's shape: Nova/Cinder wrap it in a fault
// ({"itemNotFound": {"message": …}}), Neutron in {"NeutronError": {"type": …}}, Keystone in {"error": …},
// Glance answers with webob text or HTML.
struct ServerMessage
{
    QString type; // fault or exception name when given ("overLimit", "MacAddressInUse" …)
    QString message; // the server's sentence, tags and excess whitespace removed
};

// Turns HTTP failures of the Xloud services into xms::Error values with stable codes:
//   xloud.unauthorized (401)                 xloud.forbidden, xloud.mac_not_allowed,
//   xloud.fixed_ip_not_allowed (403)         xloud.<thing>.not_found (404 and the 400s that mean it:
//   xloud.mac_in_use, xloud.ip_in_use,         flavor, volume_type, availability_zone, network, subnet,
//   xloud.conflict (409)                       port, image, volume, server, project)
//   xloud.quota_exceeded (413, Nova's 403,   xloud.bad_request (other 4xx)
//   Neutron's OverQuota 409; names the quota) xloud.server_error (5xx), xloud.timeout, xloud.unreachable
class ApiError
{
    Q_DECLARE_TR_FUNCTIONS(ApiError)

public:
    static ServerMessage parse(const QByteArray& body);

    // action says what was attempted, for the message: "create volume 'web-disk0'".
    static Error fromHttp(Service service, int status, const QByteArray& body, const QString& action);
    // Transport failures (no HTTP status): timeouts, refused connections, TLS.
    static Error fromNetwork(Service service, QNetworkReply::NetworkError error, const QString& errorText,
                             const QString& url, const QString& action);

    // The quota a quota error is about ("gigabytes", "gigabytes_ssd", "instances", "port" …), or empty.
    static QString quotaName(const QString& serverMessage);
    static bool isRetryable(int status) { return status == 500 || status == 502 || status == 503 || status == 504; }
};

} // namespace xms::xloud
