#include "profiles.h"

#include <QCoreApplication>
#include <QJsonArray>

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
        return fail(QStringLiteral("input.profile"),
                    QCoreApplication::translate("Profiles", "This is not a network-mapping profile: it has no "
                                                            "\"networks\" list."));
    QList<NicMapping> out;
    for (const QJsonValue& item : v.toArray()) {
        const NicMapping m = NicMapping::fromJson(item.toObject());
        if (m.sourceNetwork.isEmpty() || m.targetNetwork.isEmpty())
            return fail(QStringLiteral("input.profile"),
                        QCoreApplication::translate("Profiles", "Every entry of a profile needs \"source_network\" "
                                                                "and \"target_network\"."));
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

} // namespace xms
