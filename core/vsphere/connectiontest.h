#pragma once

#include "common/error.h"
#include "peercertificate.h"
#include "servicecontent.h"
#include "session.h"

#include <functional>

namespace xms::vsphere {

struct ConnectionReport
{
    AboutInfo about; // product name, version/build, API type and version
    PeerCertificate certificate; // what the server presented
};

// "Test Connection" for the CLI and the GUI: log in with these settings, check the datacenter scope,
// read ServiceContent.about, log out. And, before an operator pins a certificate, read it without sending
// any credentials.
class ConnectionTest
{
public:
    using Done = std::function<void(Result<ConnectionReport>)>;
    using CertificateDone = std::function<void(Result<PeerCertificate>)>;

    // Callbacks run on context's thread; nothing is called once context is gone.
    static void run(const Session::Options& options, const QString& datacenter, QObject* context, Done done);
    // Connects trusting anything, sends only RetrieveServiceContent (no credentials) and returns the
    // certificate — for "--accept-thumbprint" / "Trust this certificate", after showing it to the operator.
    static void fetchCertificate(const QString& host, int port, QObject* context, CertificateDone done);
};

} // namespace xms::vsphere
