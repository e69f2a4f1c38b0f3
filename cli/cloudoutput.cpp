#include "cloudoutput.h"

#include "cli.h"
#include "xloud/transportsecurity.h"

#include <QLocale>

namespace xms::cli::cloud {

namespace {

QString tlsSummary(const TlsPolicy& t)
{
    switch (t.mode) {
    case TlsPolicy::Mode::SystemCa:
        return QStringLiteral("verified (system CAs)");
    case TlsPolicy::Mode::CaFile:
        return u"verified (CA file " + t.caFile + u')';
    case TlsPolicy::Mode::Pinned:
        return QStringLiteral("pinned certificate");
    case TlsPolicy::Mode::Insecure:
        return QStringLiteral("NOT verified (--no-verify-tls)");
    }
    return {};
}

QString tlsMode(const TlsPolicy& t)
{
    switch (t.mode) {
    case TlsPolicy::Mode::SystemCa:
        return QStringLiteral("system");
    case TlsPolicy::Mode::CaFile:
        return QStringLiteral("ca-file");
    case TlsPolicy::Mode::Pinned:
        return QStringLiteral("pinned");
    case TlsPolicy::Mode::Insecure:
        return QStringLiteral("insecure");
    }
    return {};
}

QString who(const CloudRecord& c)
{
    if (c.auth == CloudRecord::Auth::ApplicationCredential)
        return c.appCredId.isEmpty() ? QString(u"app-cred " + c.appCredName + u" of " + c.username)
                                     : QString(u"app-cred " + c.appCredId);
    return c.username + u" (" + c.userDomain + u')';
}

QString quotaLine(const QList<xloud::QuotaItem>& items, const QStringList& wanted)
{
    QStringList parts;
    for (const xloud::QuotaItem& q : items) {
        if (!wanted.isEmpty() && !wanted.contains(q.name))
            continue;
        const auto free = q.free();
        parts.append(free ? QStringLiteral("%1 %2/%3 (%4 free)").arg(q.name).arg(q.inUse).arg(q.limit).arg(*free)
                          : QStringLiteral("%1 %2/unlimited").arg(q.name).arg(q.inUse));
    }
    return parts.isEmpty() ? QStringLiteral("(not readable)") : parts.join(u", ");
}

} // namespace

void warnIfInsecure(const CloudRecord& cloud)
{
    if (cloud.tls.mode == TlsPolicy::Mode::Insecure)
        err() << "xms: WARNING: TLS certificates of this cloud are NOT verified; anyone on the network path can "
                 "read its password and tokens."
              << Qt::endl;
    if (const QString plain = xloud::plainAuthUrlWarning(cloud); !plain.isEmpty())
        err() << "xms: WARNING: " << plain << Qt::endl;
}

QJsonObject cloudJson(const CloudRecord& c)
{
    const bool appCred = c.auth == CloudRecord::Auth::ApplicationCredential;
    QJsonObject o {
        {QStringLiteral("name"), c.name},
        {QStringLiteral("auth_url"), c.authUrl},
        {QStringLiteral("region"), c.region},
        {QStringLiteral("auth_type"), appCred ? QStringLiteral("application_credential") : QStringLiteral("password")},
        {QStringLiteral("username"), c.username},
        {QStringLiteral("user_domain"), c.userDomain},
        {QStringLiteral("project"), c.project},
        {QStringLiteral("project_domain"), c.projectDomain},
        {QStringLiteral("secret"), QStringLiteral("in the keychain")},
        {QStringLiteral("tls"),
         QJsonObject {{QStringLiteral("mode"), tlsMode(c.tls)}, {QStringLiteral("ca_file"), c.tls.caFile}}},
        {QStringLiteral("dashboard_url"), c.dashboardUrl},
        {QStringLiteral("created_at"), c.createdAt.toString(Qt::ISODate)},
        {QStringLiteral("updated_at"), c.updatedAt.toString(Qt::ISODate)}};
    if (appCred) {
        o.insert(QStringLiteral("app_cred_id"), c.appCredId);
        o.insert(QStringLiteral("app_cred_name"), c.appCredName);
    }
    return o;
}

void printCloudList(const QList<CloudRecord>& clouds)
{
    if (clouds.isEmpty()) {
        out() << "No clouds. Add one with: xms cloud create NAME --auth-url URL --user U --password-stdin "
                 "--project P"
              << Qt::endl;
        return;
    }
    out() << QStringLiteral("%1 %2 %3 %4 %5\n")
                 .arg(u"NAME", -16)
                 .arg(u"IDENTITY URL", -36)
                 .arg(u"LOGIN", -28)
                 .arg(u"PROJECT", -16)
                 .arg(u"REGION");
    for (const CloudRecord& c : clouds)
        out() << QStringLiteral("%1 %2 %3 %4 %5\n")
                     .arg(c.name, -16)
                     .arg(c.authUrl, -36)
                     .arg(who(c), -28)
                     .arg(c.project.isEmpty() ? QStringLiteral("-") : c.project, -16)
                     .arg(c.region.isEmpty() ? QStringLiteral("-") : c.region);
    out().flush();
}

void printCloud(const CloudRecord& c)
{
    const bool appCred = c.auth == CloudRecord::Auth::ApplicationCredential;
    out() << "Name:           " << c.name << '\n'
          << "Identity URL:   " << c.authUrl << '\n'
          << "Region:         " << (c.region.isEmpty() ? QStringLiteral("(any)") : c.region) << '\n'
          << "Login:          " << (appCred ? QStringLiteral("application credential") : QStringLiteral("password"))
          << '\n';
    if (appCred)
        out() << "Credential:     " << (c.appCredId.isEmpty() ? c.appCredName : c.appCredId) << '\n';
    if (!c.username.isEmpty())
        out() << "User:           " << c.username << " (domain " << c.userDomain << ")\n";
    out() << "Secret:         in the keychain\n"
          << "Project:        " << (c.project.isEmpty() ? QStringLiteral("(none)") : c.project) << " (domain "
          << c.projectDomain << ")\n"
          << "TLS:            " << tlsSummary(c.tls) << '\n';
    if (!c.dashboardUrl.isEmpty())
        out() << "Dashboard:      " << c.dashboardUrl << '\n';
    out() << "Created:        " << QLocale().toString(c.createdAt.toLocalTime(), QLocale::ShortFormat) << Qt::endl;
}

void printCheck(const CloudRecord& c, const xloud::CloudCheck& check)
{
    out() << "Logged in to " << c.name << " (" << c.authUrl << ") as " << who(c) << '\n';
    QStringList names;
    for (const xloud::Project& p : check.projects)
        names.append(p.name);
    out() << "Projects:       " << (names.isEmpty() ? QStringLiteral("(none)") : names.join(u", ")) << '\n'
          << "Project:        " << check.projectName << " (" << check.projectId << ")\n"
          << "Token expires:  " << QLocale().toString(check.tokenExpiresAt.toLocalTime(), QLocale::ShortFormat) << '\n'
          << "Endpoints:\n";
    for (const auto& [service, url] : check.endpoints)
        out() << "  " << QStringLiteral("%1").arg(service, -14) << url << '\n';
    out() << "TLS:            " << tlsSummary(c.tls) << Qt::endl;
}

void printResources(const xloud::CloudResources& r)
{
    QTextStream& o = out();
    o << "Cloud " << r.cloud << ", project " << r.projectName << " (" << r.projectId << ")\n\nFlavors:\n";
    o << QStringLiteral("  %1 %2 %3 %4 %5\n")
             .arg(u"NAME", -20)
             .arg(u"VCPUS", 6)
             .arg(u"RAM MiB", 9)
             .arg(u"DISK GiB", 9)
             .arg(u"ID");
    for (const xloud::Flavor& f : r.flavors)
        o << QStringLiteral("  %1 %2 %3 %4 %5\n")
                 .arg(f.name, -20)
                 .arg(f.vcpus, 6)
                 .arg(f.ramMiB, 9)
                 .arg(f.diskGiB, 9)
                 .arg(f.id);
    o << "\nVolume types:\n";
    for (const xloud::VolumeType& t : r.volumeTypes)
        o << QStringLiteral("  %1 %2\n").arg(t.name, -20).arg(t.description);
    auto zones = [](const QList<xloud::AvailabilityZone>& zs) {
        QStringList names;
        for (const xloud::AvailabilityZone& z : zs)
            names.append(z.available ? z.name : z.name + u" (unavailable)");
        return names.join(u", ");
    };
    o << "\nAvailability zones:\n  compute: " << zones(r.computeZones) << "\n  volume:  " << zones(r.volumeZones)
      << "\n\nNetworks:\n";
    for (const xloud::Network& n : r.networks) {
        QStringList tags;
        tags.append(n.projectId == r.projectId ? QStringLiteral("own") : QStringLiteral("other project"));
        if (n.shared)
            tags.append(QStringLiteral("shared"));
        if (n.external)
            tags.append(QStringLiteral("external"));
        o << QStringLiteral("  %1 %2 %3\n").arg(n.name, -20).arg(u'(' + tags.join(u", ") + u')', -26).arg(n.id);
        for (const xloud::Subnet& s : n.subnets)
            o << QStringLiteral("    %1 %2 %3\n").arg(s.name, -18).arg(s.cidr, -26).arg(s.id);
    }
    o << "\nQuota headroom (in use/limit):\n"
      << "  compute: " << quotaLine(r.quota.compute, {}) << '\n'
      << "  volume:  "
      << quotaLine(r.quota.volume,
                   [&] {
                       QStringList wanted {QStringLiteral("volumes"), QStringLiteral("gigabytes")};
                       for (const xloud::VolumeType& t : r.volumeTypes)
                           wanted << u"volumes_" + t.name << u"gigabytes_" + t.name;
                       return wanted;
                   }())
      << '\n'
      << "  network: "
      << quotaLine(r.quota.network, {QStringLiteral("network"), QStringLiteral("subnet"), QStringLiteral("port")})
      << Qt::endl;
}

} // namespace xms::cli::cloud
