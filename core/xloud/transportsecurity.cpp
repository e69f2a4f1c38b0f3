#include "transportsecurity.h"

#include "common/errorcodes.h"
#include "common/text.h"

namespace xms::xloud {

namespace {
bool isHttps(const QUrl& url)
{
    return url.scheme().compare(u"https", Qt::CaseInsensitive) == 0;
}
} // namespace

Status checkEndpointScheme(const CloudRecord& cloud, Service service, const QUrl& endpoint)
{
    if (!isHttps(QUrl(cloud.authUrl.trimmed())) || isHttps(endpoint))
        return {};
    return fail(errc::kTlsInsecureEndpoint,
                Text::translate("xms::xloud",
                                "Cloud '%1' is reached over https, but its service catalog lists %2 at %3, a plain "
                                "http URL. XMS does not send the cloud's token there in clear. Ask the cloud's "
                                "administrator to register an https endpoint for %2.")
                    .toString()
                    .arg(cloud.name, serviceName(service), endpoint.toString(QUrl::RemoveUserInfo)));
}

QString plainAuthUrlWarning(const CloudRecord& cloud)
{
    if (isHttps(QUrl(cloud.authUrl.trimmed())))
        return {};
    return Text::translate("xms::xloud",
                           "The Identity URL %1 is plain http: the password and every token go over the network "
                           "unencrypted. Use the cloud's https URL unless this is a closed lab.")
        .toString()
        .arg(cloud.authUrl.trimmed());
}

} // namespace xms::xloud
