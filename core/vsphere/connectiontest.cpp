#include "connectiontest.h"

#include "common/errorcodes.h"
#include "discovery.h"

#include <QPointer>

namespace xms::vsphere {

void ConnectionTest::run(const Session::Options& options, const QString& datacenter, QObject* context, Done done)
{
    auto* session = new Session(options, context);
    // Every path ends here: report once, then let the session go.
    auto finish = [session, done = std::move(done)](Result<ConnectionReport> r) {
        session->deleteLater();
        done(std::move(r));
    };
    session->open([session, datacenter, finish](Status opened) {
        if (!opened)
            return finish(std::unexpected(opened.error()));
        Discovery::findDatacenter(*session, datacenter, [session, finish](Result<MoRef> dc) {
            ConnectionReport report {session->about(), session->soap().peerCertificate()};
            session->close([finish, report, dc](Status) {
                if (!dc)
                    return finish(std::unexpected(dc.error()));
                finish(report);
            });
        });
    });
}

void ConnectionTest::fetchCertificate(const QString& host, int port, QObject* context, CertificateDone done)
{
    Session::Options probe;
    probe.host = host;
    probe.port = port;
    probe.tls.mode = TlsPolicy::Mode::Insecure; // only RetrieveServiceContent follows: no secret is sent
    auto* session = new Session(probe, context);
    session->fetchServiceContent([session, host, port, done = std::move(done)](Status s) {
        const PeerCertificate cert = session->soap().peerCertificate();
        session->deleteLater();
        if (cert.isNull() && !s)
            return done(std::unexpected(s.error()));
        if (cert.isNull())
            return done(fail(errc::kTlsNoCertificate,
                             QObject::tr("%1:%2 presented no certificate to pin.").arg(host).arg(port)));
        done(cert); // even when the server is no vSphere: the operator decides after seeing it
    });
}

} // namespace xms::vsphere
