#include "session.h"

#include "common/errorcodes.h"
#include "common/logging.h"
#include "model/records.h"

#include <QXmlStreamWriter>

namespace xms::vsphere {

namespace {
const MoRef kServiceInstance {QStringLiteral("ServiceInstance"), QStringLiteral("ServiceInstance")};

// vim25 versions are "7.0.3.0"; SOAPAction wants the "major.minor[.update]" form the server lists.
QString soapVersion(const QString& apiVersion)
{
    QStringList parts = apiVersion.split(u'.');
    while (parts.size() > 2 && parts.last() == u"0")
        parts.removeLast();
    return parts.join(u'.');
}
} // namespace

Session::Session(Options options, QObject* parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_soap(m_options.host, m_options.port, m_options.tls, this)
{
    m_soap.setTimeout(m_options.timeoutMs);
}

Session::Options Session::optionsFor(const EnvironmentRecord& env, const QString& password)
{
    Options o;
    o.host = env.host;
    o.port = env.port;
    o.username = env.username;
    o.password = password;
    o.tls = env.tls;
    return o;
}

void Session::fetchServiceContent(Done done)
{
    m_soap.call(
        QStringLiteral("RetrieveServiceContent"),
        [](QXmlStreamWriter& w) { writeMoRef(w, QStringLiteral("_this"), kServiceInstance); },
        [this, done = std::move(done)](Result<XmlElement> r) {
            if (!r)
                return done(std::unexpected(r.error()));
            const XmlElement* rv = r->child(u"returnval");
            if (!rv || rv->textAt(u"propertyCollector").isEmpty())
                return done(fail(errc::kVsphereBadResponse,
                                 tr("The server's ServiceContent is incomplete; it does not look like "
                                    "vCenter Server or ESXi."),
                                 QStringLiteral("RetrieveServiceContent without propertyCollector")));
            m_content = ServiceContent::fromXml(*rv);
            m_haveContent = true;
            if (!m_content.about.apiVersion.isEmpty())
                m_soap.setApiVersion(soapVersion(m_content.about.apiVersion));
            qCDebug(lcVsphere) << "connected to" << m_soap.authority() << m_content.about.fullName;
            done({});
        });
}

void Session::open(Done done)
{
    if (m_haveContent)
        return login(std::move(done));
    fetchServiceContent([this, done = std::move(done)](Status s) {
        if (!s)
            return done(s);
        login(done);
    });
}

void Session::reauthenticate(Done done)
{
    login(std::move(done));
}

void Session::login(Done done)
{
    m_loginWaiters.append(std::move(done));
    if (m_loginWaiters.size() > 1)
        return; // one Login at a time; the others wait for its outcome
    m_loggedIn = false;
    m_soap.call(
        QStringLiteral("Login"),
        [this](QXmlStreamWriter& w) {
            writeMoRef(w, QStringLiteral("_this"), m_content.sessionManager);
            writeText(w, QStringLiteral("userName"), m_options.username);
            writeText(w, QStringLiteral("password"), m_options.password);
        },
        [this](Result<XmlElement> r) {
            m_loggedIn = r.has_value();
            if (r)
                qCDebug(lcVsphere) << "logged in to" << m_soap.authority() << "as" << m_options.username;
            const QList<Done> waiters = std::exchange(m_loginWaiters, {});
            for (const Done& d : waiters)
                d(r ? Status {} : Status(std::unexpected(r.error())));
        });
}

void Session::close(Done done)
{
    if (!m_loggedIn)
        return done({});
    m_loggedIn = false;
    m_soap.call(
        QStringLiteral("Logout"),
        [this](QXmlStreamWriter& w) { writeMoRef(w, QStringLiteral("_this"), m_content.sessionManager); },
        [this, done = std::move(done)](Result<XmlElement> r) {
            m_soap.clearCookies();
            if (!r && !r.error().is(errc::kVsphereNotAuthenticated))
                return done(std::unexpected(r.error()));
            done({});
        });
}

void Session::call(const QString& method, const BodyWriter& args, SoapClient::Done done)
{
    m_soap.call(method, args, [this, method, args, done = std::move(done)](Result<XmlElement> r) mutable {
        if (r || !r.error().is(errc::kVsphereNotAuthenticated) || !canReauthenticate())
            return done(std::move(r));
        qCInfo(lcVsphere) << method << "found the session expired; logging in again";
        reauthenticate([this, method, args, done = std::move(done)](Status s) {
            if (!s)
                return done(std::unexpected(s.error()));
            m_soap.call(method, args, done); // once: a second NotAuthenticated is reported as is
        });
    });
}

} // namespace xms::vsphere
