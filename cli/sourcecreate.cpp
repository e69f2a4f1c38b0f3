// xms source create — registers a vSphere environment after proving that it can log in with it.
#include "cli.h"
#include "commandcontext.h"
#include "common/errorcodes.h"
#include "exitcodes.h"
#include "services/sources.h"
#include "sourcesupport.h"
#include "store/store.h"
#include "vsphere/connectiontest.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace xms::cli::source {

namespace {

using vsphere::Session;

const QCommandLineOption kHost(QStringLiteral("host"), QStringLiteral("vCenter or ESXi host name or address."),
                               QStringLiteral("H"));
const QCommandLineOption kPort(QStringLiteral("port"), QStringLiteral("HTTPS port (default 443)."), QStringLiteral("P"),
                               QStringLiteral("443"));
const QCommandLineOption kUser(QStringLiteral("user"), QStringLiteral("User name, e.g. administrator@vsphere.local."),
                               QStringLiteral("U"));
const QCommandLineOption kPasswordStdin(QStringLiteral("password-stdin"),
                                        QStringLiteral("Read the password from standard input (required)."));
const QCommandLineOption kDatacenter(QStringLiteral("datacenter"),
                                     QStringLiteral("Only discover VMs of this datacenter (name or folder path)."),
                                     QStringLiteral("DC"));
const QCommandLineOption kThumbprint(QStringLiteral("thumbprint"),
                                     QStringLiteral("Trust exactly the certificate with this SHA-1 or SHA-256 "
                                                    "fingerprint."),
                                     QStringLiteral("X"));
const QCommandLineOption kAccept(QStringLiteral("accept-thumbprint"),
                                 QStringLiteral("Pin the certificate the server presents now (check the printed "
                                                "fingerprints)."));
const QCommandLineOption kCaFile(QStringLiteral("ca-file"), QStringLiteral("Verify against the CAs in this PEM file."),
                                 QStringLiteral("F"));
const QCommandLineOption kNoVerify(QStringLiteral("no-verify-tls"),
                                   QStringLiteral("Do not verify the certificate at all (unsafe)."));

// Logs in with the final trust settings and saves through the service: password and record together.
void verifyAndSave(Store store, EnvironmentRecord env, const QString& password)
{
    sources::save(store, env, password, true, QCoreApplication::instance(),
                  [env](Result<vsphere::ConnectionReport> checked) {
                      // Its hints name only login and trust errors; keychain and store errors print plainly.
                      if (!checked)
                          return finish(reportConnectError(checked.error()));
                      out() << "Created source " << env.name << ": " << checked->about.fullName << " at " << env.host
                            << ':' << env.port << "\nTLS: " << tlsSummary(env.tls) << Qt::endl;
                      finish(exit::Ok);
                  });
}

// --accept-thumbprint: read the certificate without sending credentials, show it, and pin exactly it.
void acceptThenSave(Store store, EnvironmentRecord env, const QString& password)
{
    vsphere::ConnectionTest::fetchCertificate(
        env.host, env.port, QCoreApplication::instance(), [=](Result<vsphere::PeerCertificate> cert) mutable {
            if (!cert)
                return finish(reportConnectError(cert.error()));
            out() << "Pinning the certificate of " << env.host << ':' << env.port << " (" << cert->subject
                  << ", expires " << cert->notAfter.toString(Qt::ISODate) << "):\n"
                  << cert->fingerprints() << Qt::endl;
            env.tls = TlsPolicy {};
            env.tls.mode = TlsPolicy::Mode::Pinned;
            env.tls.pinSha1 = cert->sha1;
            env.tls.pinSha256 = cert->sha256;
            verifyAndSave(store, env, password);
        });
}

int create(CommandContext& ctx)
{
    auto usage = [&ctx](const QString& message) { return ctx.usage(message); };
    const auto& p = ctx;
    if (p.positional().size() != 1)
        return usage(QStringLiteral("give exactly one source NAME."));
    EnvironmentRecord env;
    env.name = p.positional().first();
    if (!sources::isValidName(env.name))
        return usage(QStringLiteral("NAME may hold letters, digits, '.', '_' and '-' (up to 64, starting with a "
                                    "letter or digit)."));
    env.host = p.value(kHost).trimmed();
    env.username = p.value(kUser);
    env.datacenter = p.value(kDatacenter);
    if (env.host.isEmpty() || env.username.isEmpty())
        return usage(QStringLiteral("--host and --user are required."));
    bool portOk = false;
    env.port = p.value(kPort).toInt(&portOk);
    if (!portOk || env.port < 1 || env.port > 65535)
        return usage(QStringLiteral("--port must be a number from 1 to 65535."));
    if (!p.isSet(kPasswordStdin))
        return usage(QStringLiteral("give --password-stdin and the password on standard input (never on the command "
                                    "line)."));
    const int trustFlags
        = int(p.isSet(kThumbprint)) + int(p.isSet(kAccept)) + int(p.isSet(kCaFile)) + int(p.isSet(kNoVerify));
    if (trustFlags > 1)
        return usage(
            QStringLiteral("use only one of --thumbprint, --accept-thumbprint, --ca-file and --no-verify-tls."));
    if (p.isSet(kThumbprint)) {
        if (fingerprint::normalize(p.value(kThumbprint)).isEmpty())
            return usage(QStringLiteral("--thumbprint must be a SHA-1 (40 hex digits) or SHA-256 (64 hex digits) "
                                        "fingerprint, colons allowed."));
        env.tls = TlsPolicy::pinned(p.value(kThumbprint).toLatin1());
    } else if (p.isSet(kCaFile)) {
        env.tls.mode = TlsPolicy::Mode::CaFile;
        env.tls.caFile = QFileInfo(p.value(kCaFile)).absoluteFilePath();
    } else if (p.isSet(kNoVerify)) {
        env.tls.mode = TlsPolicy::Mode::Insecure;
        warnIfInsecure(env.tls);
    }

    auto& store = ctx.store();
    if (!store)
        return report(store.error());
    if (store->environment(env.name))
        return report(Error::make(errc::kUsageExists,
                                  QObject::tr("A source named '%1' exists already. Choose another name, or delete it "
                                              "first.")
                                      .arg(env.name)));
    const QString password = readSecretFromStdin();
    if (password.isEmpty())
        return usage(QStringLiteral("standard input held no password."));

    if (p.isSet(kAccept))
        acceptThenSave(*store, env, password);
    else
        verifyAndSave(*store, env, password);
    return Async;
}

} // namespace

Command createCommand()
{
    return {{QStringLiteral("source"), QStringLiteral("create")},
            QStringLiteral("NAME --host H [--port P] --user U --password-stdin [--datacenter DC] "
                           "[--thumbprint X | --accept-thumbprint | --ca-file F | --no-verify-tls]"),
            QStringLiteral("Register a vCenter or ESXi host (tests the connection first)"),
            {kHost, kPort, kUser, kPasswordStdin, kDatacenter, kThumbprint, kAccept, kCaFile, kNoVerify},
            {{QStringLiteral("NAME"), QStringLiteral("Name for the source, e.g. prod-vcenter.")}},
            create};
}

} // namespace xms::cli::source
