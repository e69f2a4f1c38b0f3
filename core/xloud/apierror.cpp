#include "apierror.h"

#include "common/errorcodes.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace xms::xloud {

namespace {

QString cleanText(QString text)
{
    static const QRegularExpression tags(QStringLiteral("<[^>]*>"));
    static const QRegularExpression spaces(QStringLiteral("\\s+"));
    text.replace(tags, QStringLiteral(" "));
    text.replace(QStringLiteral("&nbsp;"), QStringLiteral(" "));
    text.replace(QStringLiteral("&#39;"), QStringLiteral("'"));
    text.replace(QStringLiteral("&quot;"), QStringLiteral("\""));
    return text.replace(spaces, QStringLiteral(" ")).trimmed();
}

QString firstString(const QJsonObject& o, std::initializer_list<const char*> keys)
{
    for (const char* k : keys) {
        const QJsonValue v = o.value(QLatin1StringView(k));
        if (v.isString() && !v.toString().isEmpty())
            return v.toString();
    }
    return {};
}

bool has(const ServerMessage& m, const char* pattern)
{
    return m.message.contains(QRegularExpression(QLatin1StringView(pattern), QRegularExpression::CaseInsensitiveOption))
        || m.type.contains(QRegularExpression(QLatin1StringView(pattern), QRegularExpression::CaseInsensitiveOption));
}

// 404 (and some 400) bodies say which kind of object was missing; the code says it to programs.
// The exception name (Neutron's "PortNotFound") is the surest hint, then the sentence's words.
QString missingThing(Service service, const ServerMessage& m)
{
    struct Rule
    {
        const char* pattern;
        const char* thing;
    };
    static const Rule rules[] = {
        {"volume ?type", "volume_type"},
        {"availability[ _]zone", "availability_zone"},
        {"flavor", "flavor"},
        {"subnet", "subnet"},
        {"network", "network"},
        {"port", "port"},
        {"image", "image"},
        {"snapshot", "snapshot"},
        {"volume", "volume"},
        {"instance|server", "server"},
        {"project", "project"},
    };
    for (const Rule& r : rules) {
        const QRegularExpression re(QLatin1StringView(r.pattern), QRegularExpression::CaseInsensitiveOption);
        if (m.type.contains(re))
            return QString::fromLatin1(r.thing);
    }
    for (const Rule& r : rules) {
        const QRegularExpression re(u"\\b(" + QLatin1StringView(r.pattern) + u")s?\\b",
                                    QRegularExpression::CaseInsensitiveOption);
        if (m.message.contains(re))
            return QString::fromLatin1(r.thing);
    }
    // Glance's bare "404 Not Found" bodies on /images/{id}.
    if (service == Service::Image)
        return QStringLiteral("image");
    return {};
}

QString quotaLabel(const QString& quota)
{
    const QString base = quota.section(u'_', 0, 0);
    const QString type = quota.section(u'_', 1);
    if (base == u"gigabytes")
        return type.isEmpty() ? ApiError::tr("total volume size")
                              : ApiError::tr("total size of '%1' volumes").arg(type);
    if (base == u"volumes")
        return type.isEmpty() ? ApiError::tr("number of volumes") : ApiError::tr("number of '%1' volumes").arg(type);
    if (quota == u"instances")
        return ApiError::tr("number of instances");
    if (quota == u"cores")
        return ApiError::tr("number of vCPUs");
    if (quota == u"ram")
        return ApiError::tr("memory (RAM)");
    if (quota == u"port" || quota == u"ports")
        return ApiError::tr("number of ports");
    return quota;
}

} // namespace

ServerMessage ApiError::parse(const QByteArray& body)
{
    ServerMessage m;
    QJsonParseError perr;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &perr);
    if (perr.error == QJsonParseError::NoError && doc.isObject()) {
        const QJsonObject o = doc.object();
        if (o.value(u"NeutronError").isObject()) {
            const QJsonObject n = o.value(u"NeutronError").toObject();
            m.type = n.value(u"type").toString();
            m.message = n.value(u"message").toString();
        } else if (o.value(u"error").isObject()) { // Keystone
            const QJsonObject e = o.value(u"error").toObject();
            m.type = e.value(u"title").toString();
            m.message = e.value(u"message").toString();
        } else if (o.value(u"errors").isArray()) {
            const QJsonObject e = o.value(u"errors").toArray().first().toObject();
            m.type = e.value(u"title").toString();
            m.message = firstString(e, {"detail", "title"});
        } else if (o.size() == 1 && o.begin()->isObject()) { // Nova/Cinder fault wrapper
            m.type = o.begin().key();
            m.message = firstString(o.begin()->toObject(), {"message", "explanation", "detail"});
        } else { // webob's JSON or a bare {"message": …}
            m.type = firstString(o, {"title", "type"});
            m.message = firstString(o, {"message", "explanation", "description", "detail"});
        }
        m.message = cleanText(m.message);
        if (!m.message.isEmpty() || !m.type.isEmpty())
            return m;
    }
    QString text = QString::fromUtf8(body.left(4096));
    // webob's HTML puts "404 Not Found" in <title> and again in <h1>: keep the body's own sentence.
    static const QRegularExpression title(QStringLiteral("<title>.*</title>"),
                                          QRegularExpression::CaseInsensitiveOption
                                              | QRegularExpression::DotMatchesEverythingOption);
    text.remove(title);
    m.message = cleanText(text);
    static const QRegularExpression statusLine(QStringLiteral("^\\d{3} [A-Za-z ]+?(?= [A-Z]|$)"));
    const auto sl = statusLine.match(m.message);
    if (sl.hasMatch() && sl.capturedLength() < m.message.size()) {
        m.type = sl.captured().section(u' ', 1);
        m.message = m.message.mid(sl.capturedLength()).trimmed();
    }
    return m;
}

QString ApiError::quotaName(const QString& text)
{
    static const QRegularExpression patterns[] = {
        QRegularExpression(QStringLiteral("for quota '([^']+)'")), // Cinder VolumeLimitExceeded
        QRegularExpression(QStringLiteral("allowed (\\S+) quota")), // Cinder VolumeSizeExceedsAvailableQuota
        QRegularExpression(QStringLiteral("Quota exceeded for resources: \\[([^\\]]*)\\]")), // Neutron OverQuota
        QRegularExpression(QStringLiteral("Quota exceeded for (\\w+)")), // Nova
        QRegularExpression(QStringLiteral("Maximum number of (\\w+) allowed")),
        QRegularExpression(QStringLiteral("(image_\\w+) quota|quota (image_\\w+)")), // Glance unified limits
    };
    for (const QRegularExpression& re : patterns) {
        const auto match = re.match(text);
        if (!match.hasMatch())
            continue;
        QString name = match.captured(1).isEmpty() ? match.captured(2) : match.captured(1);
        name.remove(u'\'').remove(u'"');
        return name.section(u',', 0, 0).trimmed();
    }
    return {};
}

Error ApiError::fromHttp(Service service, int status, const QByteArray& body, const QString& action)
{
    const ServerMessage m = parse(body);
    const QString said = m.message.isEmpty() ? m.type : m.message;
    const QString detail = QStringLiteral("%1 HTTP %2%3: %4")
                               .arg(serviceName(service))
                               .arg(status)
                               .arg(m.type.isEmpty() ? QString() : u" (" + m.type + u')', said);
    const bool quota = status == 413 || m.type == u"OverQuota" || has(m, "quota exceeded|exceeds.*quota|over ?limit");

    if (quota && status != 401 && status != 404) {
        const QString name = quotaName(m.message);
        return Error::make(
            errc::kXloudQuotaExceeded,
            name.isEmpty()
                ? tr("Could not %1: the project's quota is exceeded (%2). Free resources in the project or ask the "
                     "cloud's administrator to raise the quota.")
                      .arg(action, said)
                : tr("Could not %1: the project's quota for %2 ('%3') is exceeded. %4 Free resources in the project "
                     "or ask the cloud's administrator to raise the '%3' quota.")
                      .arg(action, quotaLabel(name), name, said),
            detail);
    }
    switch (status) {
    case 401:
        return Error::make(errc::kXloudUnauthorized,
                           tr("Xloud did not accept the login for %1 (HTTP 401). Check the cloud's credentials with "
                              "'xms cloud test'.")
                               .arg(serviceName(service)),
                           detail);
    case 403:
        if (has(m, "mac_address"))
            return Error::make(errc::kXloudMacNotAllowed,
                               tr("Could not %1: custom MAC not allowed on this network for this user (Neutron allows "
                                  "it only on networks your project owns, or to administrators). Let Xloud choose "
                                  "the MAC address, or use a network of your project.")
                                   .arg(action),
                               detail);
        if (has(m, "fixed_ips|ip_address"))
            return Error::make(errc::kXloudFixedIpNotAllowed,
                               tr("Could not %1: a fixed IP address is not allowed on this network for this user. "
                                  "Let Xloud choose the address, or use a network of your project.")
                                   .arg(action),
                               detail);
        return Error::make(errc::kXloudForbidden,
                           tr("Could not %1: the user is not allowed to (%2). Ask an administrator of the project "
                              "for the permission.")
                               .arg(action, said),
                           detail);
    case 404: {
        const QString thing = missingThing(service, m);
        return Error::make(thing.isEmpty() ? QStringLiteral("xloud.not_found")
                                           : QStringLiteral("xloud.%1.not_found").arg(thing),
                           tr("Could not %1: %2").arg(action, said.isEmpty() ? tr("not found.") : said), detail);
    }
    case 409:
        if (m.type == u"MacAddressInUse" || has(m, "mac address .* in use"))
            return Error::make(errc::kXloudMacInUse,
                               tr("Could not %1: the MAC address is already in use on this network. Free it (delete "
                                  "the port that has it) or let Xloud choose a new MAC address.")
                                   .arg(action),
                               detail);
        if (m.type == u"IpAddressAlreadyAllocated" || m.type == u"IpAddressInUse"
            || has(m, "IP address .* in use|already allocated"))
            return Error::make(errc::kXloudIpInUse,
                               tr("Could not %1: the IP address is already in use on this subnet. Choose another "
                                  "address or let Xloud assign one.")
                                   .arg(action),
                               detail);
        return Error::make(errc::kXloudConflict,
                           tr("Could not %1 because of the object's current state: %2").arg(action, said), detail);
    default:
        break;
    }
    if (status == 400) {
        // Nova and Cinder answer 400, not 404, for a bad zone or flavor in a create request.
        if (has(m, "availability zone|availability_zone")
            && has(m, "invalid|not available|not found|could not be found"))
            return Error::make(errc::kXloudAvailabilityZoneNotFound,
                               tr("Could not %1: %2 Choose one of the project's availability zones ('xms cloud "
                                  "resources').")
                                   .arg(action, said),
                               detail);
        if (has(m, "could not be found|not found")) {
            const QString thing = missingThing(service, m);
            return Error::make(thing.isEmpty() ? QStringLiteral("xloud.not_found")
                                               : QStringLiteral("xloud.%1.not_found").arg(thing),
                               tr("Could not %1: %2").arg(action, said), detail);
        }
    }
    if (status >= 500)
        return Error::make(errc::kXloudServerError,
                           tr("Xloud's %1 failed while trying to %2 (HTTP %3). Try again later; if it keeps failing, "
                              "give the details to the cloud's administrator.")
                               .arg(serviceName(service), action)
                               .arg(status),
                           detail);
    return Error::make(errc::kXloudBadRequest,
                       tr("Xloud refused to %1: %2").arg(action, said.isEmpty() ? tr("HTTP %1").arg(status) : said),
                       detail);
}

Error ApiError::fromNetwork(Service service, QNetworkReply::NetworkError error, const QString& errorText,
                            const QString& url, const QString& action)
{
    const QString detail = QStringLiteral("%1: %2 (%3)").arg(url, errorText).arg(int(error));
    switch (error) {
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError: // a transfer timeout aborts the reply this way
        return Error::make(errc::kXloudTimeout,
                           tr("Xloud's %1 did not answer in time while trying to %2. Check the network to the "
                              "cloud and try again.")
                               .arg(serviceName(service), action),
                           detail);
    case QNetworkReply::ContentReSendError: // the connection broke after a create was sent (oneshotbody.h)
        return Error::make(errc::kXloudUnreachable,
                           tr("The connection to Xloud's %1 broke before it answered while trying to %2. The "
                              "request may have been carried out; XMS did not send it a second time.")
                               .arg(serviceName(service), action),
                           detail);
    case QNetworkReply::SslHandshakeFailedError:
        return Error::make(errc::kTlsUntrusted,
                           tr("The TLS certificate of %1 is not trusted. Give the cloud's CA bundle (--ca-file) or, "
                              "on a lab, disable verification (--no-verify-tls).")
                               .arg(QUrl(url).host()),
                           detail);
    default:
        return Error::make(errc::kXloudUnreachable,
                           tr("Could not reach Xloud's %1 at %2 to %3: %4. Check the URL and the network.")
                               .arg(serviceName(service), QUrl(url).authority(), action, errorText),
                           detail);
    }
}

} // namespace xms::xloud
