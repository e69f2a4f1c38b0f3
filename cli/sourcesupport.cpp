#include "sourcesupport.h"

#include "cli.h"
#include "common/errorcodes.h"
#include "exitcodes.h"
#include "secrets/secretstore.h"
#include "vsphere/session.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QLocale>

namespace xms::cli::source {

QJsonObject tlsJson(const TlsPolicy& tls)
{
    static const char* const kModes[] = {"system", "ca-file", "pinned", "insecure"};
    QJsonObject o {{QStringLiteral("mode"), QString::fromLatin1(kModes[int(tls.mode)])}};
    if (tls.mode == TlsPolicy::Mode::CaFile)
        o.insert(QStringLiteral("caFile"), tls.caFile);
    if (!tls.pinSha1.isEmpty())
        o.insert(QStringLiteral("sha1"), fingerprint::pretty(tls.pinSha1));
    if (!tls.pinSha256.isEmpty())
        o.insert(QStringLiteral("sha256"), fingerprint::pretty(tls.pinSha256));
    return o;
}

QString tlsSummary(const TlsPolicy& tls)
{
    switch (tls.mode) {
    case TlsPolicy::Mode::SystemCa:
        return QStringLiteral("verified (system CAs)");
    case TlsPolicy::Mode::CaFile:
        return u"verified (CA file " + tls.caFile + u')';
    case TlsPolicy::Mode::Pinned:
        if (tls.pinSha256.isEmpty())
            return u"pinned (SHA-1 " + fingerprint::pretty(tls.pinSha1) + u')';
        return u"pinned (SHA-256 " + fingerprint::pretty(tls.pinSha256) + u')';
    case TlsPolicy::Mode::Insecure:
        return QStringLiteral("NOT VERIFIED (--no-verify-tls)");
    }
    return {};
}

void warnIfInsecure(const TlsPolicy& tls)
{
    if (tls.mode == TlsPolicy::Mode::Insecure)
        err() << "xms: warning: TLS verification is off for this source: anyone on the network path can read the "
                 "password and the disks. Pin the certificate instead (--thumbprint)."
              << Qt::endl;
}

void connectToSource(const EnvironmentRecord& env, std::function<void(Result<vsphere::Session*>)> done)
{
    QObject* app = QCoreApplication::instance();
    SecretStore::backend().read(
        SecretStore::sourcePasswordKey(env.name), app, [env, app, done = std::move(done)](Result<QString> password) {
            if (!password)
                return done(std::unexpected(password.error()));
            auto* session = new vsphere::Session(vsphere::Session::optionsFor(env, *password), app);
            session->open([session, done](Status s) {
                if (!s) {
                    session->deleteLater();
                    return done(std::unexpected(s.error()));
                }
                done(session);
            });
        });
}

int reportConnectError(const Error& error)
{
    const int code = report(error);
    if (error.is(errc::kTlsUntrusted))
        err() << "To trust it, run 'xms source create' again with --thumbprint <SHA-256 above> or "
                 "--accept-thumbprint, or give the CA with --ca-file."
              << Qt::endl;
    else if (error.is(errc::kTlsPinMismatch))
        err() << "If the new certificate is expected, delete the source and create it again with the new "
                 "--thumbprint."
              << Qt::endl;
    else if (error.is(errc::kVsphereInvalidLogin))
        err() << "Set the password with: xms source set-password NAME --password-stdin" << Qt::endl;
    return code;
}

namespace {
// VMware Tools' view under the VM's line: hostname, then each NIC's addresses, gateway and DNS.
void printGuestNetwork(const vsphere::VmInfo& vm)
{
    const vsphere::GuestNetwork& g = vm.guestNetwork;
    if (!g.hostName.isEmpty())
        out() << "    hostname " << g.hostName << (g.domainName.isEmpty() ? QString() : u" (" + g.domainName + u')')
              << '\n';
    for (const vsphere::NicInfo& n : vm.nics)
        if (const vsphere::GuestNic* facts = g.nic(n.macAddress); facts && !facts->summary().isEmpty())
            out() << "    " << n.label << ' ' << n.macAddress << ": " << facts->summary() << '\n';
}
} // namespace

void printInventory(const EnvironmentRecord& env, const vsphere::Inventory& inv, bool cached, bool json)
{
    if (json) {
        QJsonObject o = inv.toJson();
        o.insert(QStringLiteral("source"), env.name);
        o.insert(QStringLiteral("cached"), cached);
        printJson(o);
        return;
    }
    const QLocale c = QLocale::c();
    out() << QStringLiteral("%1 %2 %3 %4 %5 %6 %7\n")
                 .arg(u"NAME", -28)
                 .arg(u"POWER", -11)
                 .arg(u"CPU", 3)
                 .arg(u"MEMORY", 9)
                 .arg(u"DISKS", -18)
                 .arg(u"FIRMWARE", -8)
                 .arg(u"NETWORKS");
    for (const vsphere::VmInfo& vm : inv.vms) {
        QStringList nets, notes;
        for (const vsphere::NicInfo& n : vm.nics)
            nets << n.network;
        if (vm.hasIndependentDisk())
            notes << QStringLiteral("independent disk");
        if (vm.hasRdm())
            notes << QStringLiteral("RDM disk");
        if (vm.hasSnapshot)
            notes << QStringLiteral("snapshot");
        if (vm.isTemplate)
            notes << QStringLiteral("template");
        out() << QStringLiteral("%1 %2 %3 %4 %5 %6 %7")
                     .arg(vm.name, -28)
                     .arg(vm.powerState, -11)
                     .arg(vm.numCpus, 3)
                     .arg(QString::number(vm.memoryMB) + QStringLiteral(" MB"), 9)
                     .arg(QString::number(vm.disks.size()) + u" (" + c.formattedDataSize(vm.totalDiskBytes()) + u')',
                          -18)
                     .arg(vm.firmware, -8)
                     .arg(nets.join(QStringLiteral(", ")));
        if (!notes.isEmpty())
            out() << "  [" << notes.join(QStringLiteral(", ")) << ']';
        out() << '\n';
        printGuestNetwork(vm);
    }
    out() << inv.vms.size() << " VM(s) in " << env.name
          << (inv.datacenter.isEmpty() ? QString() : u"/" + inv.datacenter);
    if (cached)
        out() << ", cached " << inv.fetchedAt.secsTo(QDateTime::currentDateTimeUtc())
              << " s ago (--refresh to ask vCenter again)";
    out() << Qt::endl;
}

} // namespace xms::cli::source
