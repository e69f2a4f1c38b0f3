#pragma once

#include "common/error.h"
#include "common/tlspolicy.h"
#include "servicecontent.h"
#include "soapclient.h"

#include <QObject>
#include <functional>

namespace xms {
struct EnvironmentRecord;
}

namespace xms::vsphere {

// One logged-in vSphere API session: ServiceContent, Login/Logout and calls that log in again once when
// the server says the session is gone (NotAuthenticated). The password stays in memory only.
class Session : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        QString host;
        int port = 443;
        QString username;
        QString password;
        TlsPolicy tls;
        int timeoutMs = 120'000;
    };
    using Done = std::function<void(Status)>;

    explicit Session(Options options, QObject* parent = nullptr);
    static Options optionsFor(const EnvironmentRecord& env, const QString& password);

    // RetrieveServiceContent (no credentials sent): enough to read `about` and the server certificate.
    void fetchServiceContent(Done done);
    // RetrieveServiceContent + Login.
    void open(Done done);
    // Logout; a session that is already gone is fine.
    void close(Done done);

    // A method call that retries once after logging in again when the session expired.
    void call(const QString& method, const BodyWriter& args, SoapClient::Done done);
    // Logs in again (the server dropped the session); concurrent callers share one Login.
    void reauthenticate(Done done);
    bool canReauthenticate() const { return !m_options.password.isEmpty() && m_haveContent; }

    bool isOpen() const { return m_loggedIn; }
    const ServiceContent& serviceContent() const { return m_content; }
    const AboutInfo& about() const { return m_content.about; }
    SoapClient& soap() { return m_soap; }
    const SoapClient& soap() const { return m_soap; }
    const Options& options() const { return m_options; }

private:
    void login(Done done);

    Options m_options;
    SoapClient m_soap;
    ServiceContent m_content;
    bool m_haveContent = false;
    bool m_loggedIn = false;
    QList<Done> m_loginWaiters; // calls waiting for a re-login already in flight
};

} // namespace xms::vsphere
