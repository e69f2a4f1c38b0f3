// xms source create — registers a vSphere environment after proving that it can log in with it.
#include "exitcodes.h"
#include "secrets/secretstore.h"
#include "sourcesupport.h"
#include "store/store.h"
#include "vsphere/connectiontest.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QRegularExpression>

namespace xms::cli::source {

namespace {

using vsphere::Session;

int usage(const QString& message)
{
    err() << "xms source create: " << message << "\nRun 'xms source create --help' for usage." << Qt::endl;
    return exit::Usage;
}

// Logs in with the final trust settings, checks the datacenter, logs out, then stores password and record.
void verifyAndSave(EnvironmentRecord env, const QString& password)
{
    QObject* app = QCoreApplication::instance();
    vsphere::ConnectionTest::run(
        Session::optionsFor(env, password), env.datacenter, app, [=](Result<vsphere::ConnectionReport> checked) {
            if (!checked)
                return finish(reportConnectError(checked.error()));
            SecretStore::backend().write(SecretStore::sourcePasswordKey(env.name), password, app, [=](Status written) {
                if (!written)
                    return finish(report(written.error()));
                auto store = Store::openDefault();
                const Status saved = store ? store->saveEnvironment(env) : Status(std::unexpected(store.error()));
                if (!saved) { // no password without its environment
                    SecretStore::backend().remove(SecretStore::sourcePasswordKey(env.name), app, [](Status) {});
                    return finish(report(saved.error()));
                }
                out() << "Created source " << env.name << ": " << checked->about.fullName << " at " << env.host << ':'
                      << env.port << "\nTLS: " << tlsSummary(env.tls) << Qt::endl;
                finish(exit::Ok);
            });
        });
}

// --accept-thumbprint: read the certificate without sending credentials, show it, and pin exactly it.
void acceptThenSave(EnvironmentRecord env, const QString& password)
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
            verifyAndSave(env, password);
        });
}

} // namespace

int createSource(const QStringList& args, const Command& cmd)
{
    QCommandLineParser p;
    const QCommandLineOption host(QStringLiteral("host"), QStringLiteral("vCenter or ESXi host name or address."),
                                  QStringLiteral("H"));
    const QCommandLineOption port(QStringLiteral("port"), QStringLiteral("HTTPS port (default 443)."),
                                  QStringLiteral("P"), QStringLiteral("443"));
    const QCommandLineOption user(QStringLiteral("user"),
                                  QStringLiteral("User name, e.g. administrator@vsphere.local."), QStringLiteral("U"));
    const QCommandLineOption passwordStdin(QStringLiteral("password-stdin"),
                                           QStringLiteral("Read the password from standard input (required)."));
    const QCommandLineOption datacenter(QStringLiteral("datacenter"),
                                        QStringLiteral("Only discover VMs of this datacenter (name or folder path)."),
                                        QStringLiteral("DC"));
    const QCommandLineOption thumbprint(QStringLiteral("thumbprint"),
                                        QStringLiteral("Trust exactly the certificate with this SHA-1 or SHA-256 "
                                                       "fingerprint."),
                                        QStringLiteral("X"));
    const QCommandLineOption accept(QStringLiteral("accept-thumbprint"),
                                    QStringLiteral("Pin the certificate the server presents now (check the printed "
                                                   "fingerprints)."));
    const QCommandLineOption caFile(QStringLiteral("ca-file"),
                                    QStringLiteral("Verify against the CAs in this PEM file."), QStringLiteral("F"));
    const QCommandLineOption noVerify(QStringLiteral("no-verify-tls"),
                                      QStringLiteral("Do not verify the certificate at all (unsafe)."));
    p.addOptions({host, port, user, passwordStdin, datacenter, thumbprint, accept, caFile, noVerify});
    p.addPositionalArgument(QStringLiteral("NAME"), QStringLiteral("Name for the source, e.g. prod-vcenter."));
    if (auto stop = parse(p, args, cmd))
        return *stop;

    static const QRegularExpression validName(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"));
    if (p.positionalArguments().size() != 1)
        return usage(QStringLiteral("give exactly one source NAME."));
    EnvironmentRecord env;
    env.name = p.positionalArguments().first();
    if (!validName.match(env.name).hasMatch())
        return usage(QStringLiteral("NAME may hold letters, digits, '.', '_' and '-' (up to 64, starting with a "
                                    "letter or digit)."));
    env.host = p.value(host).trimmed();
    env.username = p.value(user);
    env.datacenter = p.value(datacenter);
    if (env.host.isEmpty() || env.username.isEmpty())
        return usage(QStringLiteral("--host and --user are required."));
    bool portOk = false;
    env.port = p.value(port).toInt(&portOk);
    if (!portOk || env.port < 1 || env.port > 65535)
        return usage(QStringLiteral("--port must be a number from 1 to 65535."));
    if (!p.isSet(passwordStdin))
        return usage(QStringLiteral("give --password-stdin and the password on standard input (never on the command "
                                    "line)."));
    const int trustFlags
        = int(p.isSet(thumbprint)) + int(p.isSet(accept)) + int(p.isSet(caFile)) + int(p.isSet(noVerify));
    if (trustFlags > 1)
        return usage(
            QStringLiteral("use only one of --thumbprint, --accept-thumbprint, --ca-file and --no-verify-tls."));
    if (p.isSet(thumbprint)) {
        if (fingerprint::normalize(p.value(thumbprint)).isEmpty())
            return usage(QStringLiteral("--thumbprint must be a SHA-1 (40 hex digits) or SHA-256 (64 hex digits) "
                                        "fingerprint, colons allowed."));
        env.tls = TlsPolicy::pinned(p.value(thumbprint).toLatin1());
    } else if (p.isSet(caFile)) {
        env.tls.mode = TlsPolicy::Mode::CaFile;
        env.tls.caFile = QFileInfo(p.value(caFile)).absoluteFilePath();
    } else if (p.isSet(noVerify)) {
        env.tls.mode = TlsPolicy::Mode::Insecure;
        warnIfInsecure(env.tls);
    }

    auto store = Store::openDefault();
    if (!store)
        return report(store.error());
    if (store->environment(env.name))
        return report(Error::make(QStringLiteral("usage.exists"),
                                  QObject::tr("A source named '%1' exists already. Choose another name, or delete it "
                                              "first.")
                                      .arg(env.name)));
    const QString password = readSecretFromStdin();
    if (password.isEmpty())
        return usage(QStringLiteral("standard input held no password."));

    if (p.isSet(accept))
        acceptThenSave(env, password);
    else
        verifyAndSave(env, password);
    return Async;
}

} // namespace xms::cli::source
