#include "specoptions.h"

#include "common/errorcodes.h"
#include "engine/networkmap.h"
#include "services/profiles.h"

#include <QSet>

namespace xms::cli {

namespace {

// The cloud to use: the one named, else the only one registered.
Result<QString> resolveCloud(const Store& store, const QString& named)
{
    if (!named.isEmpty()) {
        if (auto c = store.cloud(named); !c)
            return std::unexpected(c.error());
        return named;
    }
    const auto clouds = store.clouds();
    if (!clouds)
        return std::unexpected(clouds.error());
    if (clouds->size() == 1)
        return clouds->first().name;
    if (clouds->isEmpty())
        return fail(errc::kCloudNotFound,
                    QStringLiteral("No Xloud cloud is registered. Add one with 'xms cloud create NAME --auth-url URL "
                                   "--user U --password-stdin', then submit again."));
    QStringList names;
    for (const CloudRecord& c : *clouds)
        names.append(c.name);
    return fail(errc::kUsageCloud,
                QStringLiteral("Several clouds are registered (%1): choose one with --cloud.").arg(names.join(u", ")));
}

// The first name given twice, or empty.
QString duplicateOf(const QStringList& names)
{
    QSet<QString> seen;
    for (const QString& n : names) {
        if (seen.contains(n))
            return n;
        seen.insert(n);
    }
    return {};
}

} // namespace

const SpecOptions& specOptions()
{
    static const SpecOptions options;
    return options;
}

QList<QCommandLineOption> SpecOptions::list() const
{
    return {source, vm,     kind,    cloud,       project, instance, flavor,  volumeType,
            az,     netmap, profile, macFallback, noStart, keep,     powerOn, again};
}

Result<QList<MigrationSpec>> SpecOptions::build(const CommandContext& p, const Store& store, bool complete) const
{
    const QStringList vms = p.values(vm);
    if (vms.isEmpty())
        return fail(errc::kUsageMissing, QStringLiteral("--vm is required."));
    if (!p.isSet(source))
        return fail(errc::kUsageMissing, QStringLiteral("--source is required."));
    if (const QString twice = duplicateOf(vms); !twice.isEmpty())
        return fail(errc::kUsageDuplicateVm,
                    QStringLiteral("--vm %1 is given twice; name each VM once (one job per VM).").arg(twice));
    if (vms.size() > 1 && p.isSet(instance))
        return fail(errc::kUsageInstanceName,
                    QStringLiteral("--instance-name works with one --vm only; each VM's instance is named "
                                   "after it."));
    if (p.value(macFallback) != u"new-mac" && p.value(macFallback) != u"fail")
        return fail(errc::kUsageMacFallback, QStringLiteral("--mac-fallback must be new-mac or fail."));
    auto maps = parseNetworkMaps(p.values(netmap));
    if (!maps)
        return std::unexpected(maps.error());
    if (auto env = store.environment(p.value(source)); !env)
        return std::unexpected(env.error());
    QList<NicMapping> networks = *maps;
    if (p.isSet(profile)) {
        auto prof = store.profile(p.value(profile));
        if (!prof)
            return std::unexpected(prof.error());
        auto fromProfile = profileNetworks(prof->mapping);
        if (!fromProfile)
            return std::unexpected(fromProfile.error());
        networks = mergeMappings(*fromProfile, networks);
    }
    QString cloudName;
    if (complete || p.isSet(cloud) || p.isSet(project)) {
        auto resolved = resolveCloud(store, p.value(cloud));
        if (!resolved)
            return std::unexpected(resolved.error());
        cloudName = *resolved;
    }
    QList<MigrationSpec> specs;
    for (const QString& v : vms) {
        MigrationSpec s;
        s.kind = p.value(kind);
        s.source = p.value(source);
        s.vm = v;
        s.cloud = cloudName;
        s.project = p.value(project);
        s.instanceName = p.value(instance);
        s.flavor = p.value(flavor);
        s.volumeType = p.value(volumeType);
        s.availabilityZone = p.value(az);
        s.networks = networks;
        s.startInstance = !p.isSet(noStart);
        s.macFallback = p.value(macFallback) == u"fail" ? MigrationSpec::MacFallback::Fail
                                                        : MigrationSpec::MacFallback::GenerateNew;
        s.keepResourcesOnFailure = p.isSet(keep);
        s.powerOnSourceOnCancel = p.isSet(powerOn);
        s.again = p.isSet(again);
        if (complete)
            if (auto ok = s.validate(); !ok)
                return std::unexpected(ok.error());
        specs.append(s);
    }
    return specs;
}

} // namespace xms::cli
