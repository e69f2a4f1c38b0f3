#include "profiles.h"

#include "common/errorcodes.h"
#include "common/text.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace xms {

QJsonObject profileMapping(const QList<NicMapping>& networks)
{
    QJsonArray arr;
    for (const NicMapping& n : networks)
        arr.append(n.toJson());
    return {{QStringLiteral("networks"), arr}};
}

Result<QList<NicMapping>> profileNetworks(const QJsonObject& mapping)
{
    const QJsonValue v = mapping.value(u"networks");
    if (!v.isArray())
        return fail(errc::kInputProfile,
                    Text::translate("Profiles", "This is not a network-mapping profile: it has no \"networks\" list.")
                        .toString());
    QList<NicMapping> out;
    for (const QJsonValue& item : v.toArray()) {
        const NicMapping m = NicMapping::fromJson(item.toObject());
        if (m.sourceNetwork.isEmpty() || m.targetNetwork.isEmpty())
            return fail(
                errc::kInputProfile,
                Text::translate("Profiles", "Every entry of a profile needs \"source_network\" and \"target_network\".")
                    .toString());
        out.append(m);
    }
    return out;
}

QList<NicMapping> mergeMappings(const QList<NicMapping>& fromProfile, const QList<NicMapping>& explicitMaps)
{
    QList<NicMapping> out = explicitMaps;
    for (const NicMapping& p : fromProfile) {
        const bool overridden = std::any_of(explicitMaps.begin(), explicitMaps.end(),
                                            [&](const NicMapping& e) { return e.sourceNetwork == p.sourceNetwork; });
        if (!overridden)
            out.append(p);
    }
    return out;
}

namespace profiles {

Status save(Store& store, const QString& name, const QList<NicMapping>& networks)
{
    return store.saveProfile({name, profileMapping(networks), {}, {}});
}

Status rename(Store& store, const QString& from, const QString& to)
{
    auto r = store.profile(from);
    if (!r)
        return std::unexpected(r.error());
    if (store.profile(to))
        return fail(errc::kUsageExists,
                    Text::translate("Profiles", "A profile named %1 exists already.").toString().arg(to));
    ProfileRecord renamed = *r;
    renamed.name = to;
    if (auto s = store.saveProfile(renamed); !s)
        return s;
    return store.removeProfile(from);
}

Result<QByteArray> exportJson(const Store& store, const QString& name)
{
    auto r = store.profile(name);
    if (!r)
        return std::unexpected(r.error());
    QJsonObject doc = r->mapping;
    doc.insert(QStringLiteral("name"), r->name);
    return QJsonDocument(doc).toJson(QJsonDocument::Indented);
}

Status exportToFile(const Store& store, const QString& name, const QString& file)
{
    auto bytes = exportJson(store, name);
    if (!bytes)
        return std::unexpected(bytes.error());
    QFile f(file);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(*bytes) != bytes->size())
        return fail(errc::kIoWrite, Text::translate("Profiles", "Cannot write %1.").toString().arg(file),
                    f.errorString());
    return {};
}

Result<Imported> importFile(Store& store, const QString& file, const QString& name)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return fail(errc::kInputFile, Text::translate("Profiles", "Cannot read %1.").toString().arg(file),
                    f.errorString());
    QJsonParseError perr;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &perr);
    if (!doc.isObject())
        return fail(
            errc::kInputProfile,
            Text::translate("Profiles", "%1 is not a profile file (JSON object expected).").toString().arg(file),
            perr.errorString());
    auto networks = profileNetworks(doc.object());
    if (!networks)
        return std::unexpected(networks.error());
    const QString profileName = name.isEmpty() ? doc.object().value(u"name").toString() : name;
    if (profileName.isEmpty())
        return fail(errc::kInputProfileUnnamed,
                    Text::translate("Profiles", "The file names no profile; give it a name.").toString());
    if (auto s = save(store, profileName, *networks); !s)
        return std::unexpected(s.error());
    return Imported {profileName, networks->size()};
}

} // namespace profiles
} // namespace xms
