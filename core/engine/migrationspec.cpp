#include "migrationspec.h"

#include "common/errorcodes.h"
#include "common/text.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QRegularExpression>

namespace xms {

namespace {
} // namespace

QJsonObject NicMapping::toJson() const
{
    QJsonObject o {{QStringLiteral("source_network"), sourceNetwork},
                   {QStringLiteral("target_network"), targetNetwork},
                   {QStringLiteral("keep_mac"), keepMac}};
    if (keepIp) // only when set: profiles and specs written before keep-ip read the same
        o.insert(QStringLiteral("keep_ip"), true);
    if (!nicLabel.isEmpty())
        o.insert(QStringLiteral("nic_label"), nicLabel);
    if (!targetSubnet.isEmpty())
        o.insert(QStringLiteral("target_subnet"), targetSubnet);
    return o;
}

NicMapping NicMapping::fromJson(const QJsonObject& o)
{
    NicMapping m;
    m.sourceNetwork = o.value(u"source_network").toString();
    m.nicLabel = o.value(u"nic_label").toString();
    m.targetNetwork = o.value(u"target_network").toString();
    m.targetSubnet = o.value(u"target_subnet").toString();
    m.keepMac = o.value(u"keep_mac").toBool();
    m.keepIp = o.value(u"keep_ip").toBool();
    return m;
}

QJsonObject MigrationSpec::toJson() const
{
    QJsonArray nets;
    for (const NicMapping& n : networks)
        nets.append(n.toJson());
    QJsonObject o {{QStringLiteral("kind"), kind},
                   {QStringLiteral("source"), source},
                   {QStringLiteral("vm"), vm},
                   {QStringLiteral("cloud"), cloud},
                   {QStringLiteral("project"), project},
                   {QStringLiteral("instance_name"), effectiveInstanceName()},
                   {QStringLiteral("flavor"), flavor},
                   {QStringLiteral("volume_type"), volumeType},
                   {QStringLiteral("availability_zone"), availabilityZone},
                   {QStringLiteral("networks"), nets},
                   {QStringLiteral("start_instance"), startInstance},
                   {QStringLiteral("mac_fallback"),
                    macFallback == MacFallback::Fail ? QStringLiteral("fail") : QStringLiteral("new-mac")},
                   {QStringLiteral("keep_resources_on_failure"), keepResourcesOnFailure},
                   {QStringLiteral("again"), again},
                   {QStringLiteral("power_on_source_on_cancel"), powerOnSourceOnCancel}};
    if (guestNetworkAtSubmit)
        o.insert(QStringLiteral("guest_network_at_submit"), guestNetworkAtSubmit->toJson());
    if (preflightAtSubmit)
        o.insert(QStringLiteral("preflight_at_submit"), preflightAtSubmit->toJson());
    return o;
}

Result<MigrationSpec> MigrationSpec::fromJson(const QJsonObject& o)
{
    MigrationSpec s;
    s.kind = o.value(u"kind").toString(QStringLiteral("cold"));
    s.source = o.value(u"source").toString();
    s.vm = o.value(u"vm").toString();
    s.cloud = o.value(u"cloud").toString();
    s.project = o.value(u"project").toString();
    s.instanceName = o.value(u"instance_name").toString();
    s.flavor = o.value(u"flavor").toString();
    s.volumeType = o.value(u"volume_type").toString();
    s.availabilityZone = o.value(u"availability_zone").toString();
    for (const QJsonValue& v : o.value(u"networks").toArray())
        s.networks.append(NicMapping::fromJson(v.toObject()));
    s.startInstance = o.value(u"start_instance").toBool(true);
    s.macFallback = o.value(u"mac_fallback").toString() == u"fail" ? MacFallback::Fail : MacFallback::GenerateNew;
    s.keepResourcesOnFailure = o.value(u"keep_resources_on_failure").toBool();
    s.again = o.value(u"again").toBool();
    s.powerOnSourceOnCancel = o.value(u"power_on_source_on_cancel").toBool();
    if (const QJsonValue g = o.value(u"guest_network_at_submit"); g.isObject())
        s.guestNetworkAtSubmit = vsphere::GuestNetwork::fromJson(g.toObject());
    if (const QJsonValue p = o.value(u"preflight_at_submit"); p.isObject())
        s.preflightAtSubmit = PreflightReport::fromJson(p.toObject());
    if (auto v = s.validate(); !v)
        return std::unexpected(v.error());
    return s;
}

Status MigrationSpec::validate() const
{
    if (kind != u"cold")
        return fail(errc::kInputKind,
                    Text::translate("xms::MigrationSpec",
                                    "Only cold migration is supported (--kind cold); '%1' is not available yet.")
                        .toString()
                        .arg(kind));
    const struct
    {
        const QString& value;
        const char* flag;
    } required[] = {{source, "--source"},          {vm, "--vm"},         {cloud, "--cloud"},
                    {project, "--target-project"}, {flavor, "--flavor"}, {volumeType, "--volume-type"}};
    for (const auto& r : required) {
        if (r.value.trimmed().isEmpty())
            return fail(
                errc::kInputMissing,
                Text::translate("xms::MigrationSpec", "%1 is required.").toString().arg(QLatin1StringView(r.flag)));
    }
    for (const NicMapping& n : networks) {
        if (n.sourceNetwork.isEmpty() || n.targetNetwork.isEmpty())
            return fail(errc::kInputNetworkMap,
                        Text::translate("xms::MigrationSpec",
                                        "Every network mapping needs a source network and a target network.")
                            .toString());
    }
    if (effectiveInstanceName().isEmpty())
        return fail(errc::kInputInstanceName,
                    Text::translate("xms::MigrationSpec",
                                    "The instance name '%1' has no usable characters; give --instance-name.")
                        .toString()
                        .arg(instanceName));
    return {};
}

QString MigrationSpec::effectiveInstanceName() const
{
    return validInstanceName(instanceName.isEmpty() ? vm : instanceName);
}

QString validInstanceName(const QString& vmName)
{
    QString out;
    for (QChar c : vmName) {
        if ((c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') || c == u'-' || c == u'.')
            out += c;
        else if (c == u' ' || c == u'_' || c == u'/')
            out += u'-';
    }
    static const QRegularExpression dashes(QStringLiteral("-{2,}"));
    out.replace(dashes, QStringLiteral("-"));
    out = out.left(63);
    while (out.startsWith(u'-') || out.startsWith(u'.'))
        out.remove(0, 1);
    while (out.endsWith(u'-') || out.endsWith(u'.'))
        out.chop(1);
    return out;
}

} // namespace xms
