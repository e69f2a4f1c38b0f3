#include "catalog.h"

#include "common/errorcodes.h"

#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

namespace xms::xloud {

QString serviceName(Service service)
{
    switch (service) {
    case Service::Identity:
        return QStringLiteral("Identity (Keystone)");
    case Service::Compute:
        return QStringLiteral("Compute (Nova)");
    case Service::BlockStorage:
        return QStringLiteral("Block Storage (Cinder)");
    case Service::Network:
        return QStringLiteral("Networking (Neutron)");
    case Service::Image:
        return QStringLiteral("Image (Glance)");
    }
    return {};
}

QStringList catalogTypes(Service service)
{
    switch (service) {
    case Service::Identity:
        return {QStringLiteral("identity")};
    case Service::Compute:
        return {QStringLiteral("compute")};
    case Service::BlockStorage:
        return {QStringLiteral("volumev3"), QStringLiteral("block-storage")};
    case Service::Network:
        return {QStringLiteral("network")};
    case Service::Image:
        return {QStringLiteral("image")};
    }
    return {};
}

ServiceCatalog ServiceCatalog::fromJson(const QJsonArray& catalog)
{
    ServiceCatalog c;
    for (const QJsonValue& s : catalog) {
        const QJsonObject service = s.toObject();
        const QString type = service.value(u"type").toString();
        for (const QJsonValue& e : service.value(u"endpoints").toArray()) {
            const QJsonObject ep = e.toObject();
            // Keystone v3 gives both "region" (legacy name) and "region_id"; either may be absent.
            QString region = ep.value(u"region_id").toString();
            if (region.isEmpty())
                region = ep.value(u"region").toString();
            c.m_entries.append({type, ep.value(u"interface").toString(), region, ep.value(u"url").toString()});
        }
    }
    return c;
}

namespace {
bool lastSegmentIs(const QString& path, const QRegularExpression& re)
{
    const QString last = path.section(u'/', -1, -1, QString::SectionSkipEmpty);
    return re.match(last).hasMatch();
}
} // namespace

QUrl normalizeEndpoint(Service service, QString url, const QString& projectId)
{
    // Keystone substitutes these itself; an older or hand-made catalog may still carry them.
    for (const QString& placeholder : {QStringLiteral("%(project_id)s"), QStringLiteral("%(tenant_id)s"),
                                       QStringLiteral("$(project_id)s"), QStringLiteral("$(tenant_id)s")})
        url.replace(placeholder, projectId);
    while (url.endsWith(u'/'))
        url.chop(1);
    QUrl u(url);
    const QString path = u.path();
    static const QRegularExpression anyVersion(QStringLiteral("^v\\d+(\\.\\d+)?$"));
    static const QRegularExpression v2(QStringLiteral("^v2(\\.\\d+)?$"));
    switch (service) {
    case Service::Network:
        // Neutron's catalog entry is the server root; its API lives under /v2.0.
        if (!lastSegmentIs(path, QRegularExpression(QStringLiteral("^v2\\.0$"))))
            u.setPath(path + u"/v2.0");
        break;
    case Service::Image:
        if (lastSegmentIs(path, v2))
            break;
        // A stale "/v1" entry: Glance v1 is gone, v2 sits next to it.
        u.setPath(lastSegmentIs(path, anyVersion) ? path.section(u'/', 0, -2) + u"/v2" : path + u"/v2");
        break;
    case Service::Compute:
        if (!path.contains(QRegularExpression(QStringLiteral("/v2(\\.1)?(/|$)"))))
            u.setPath(path + u"/v2.1");
        break;
    case Service::BlockStorage:
        if (!path.contains(QRegularExpression(QStringLiteral("/v3(/|$)"))))
            u.setPath(path + u"/v3" + (projectId.isEmpty() ? QString() : u'/' + projectId));
        break;
    case Service::Identity:
        break;
    }
    return u;
}

Result<QUrl> ServiceCatalog::endpoint(Service service, const QString& region, const QString& interface,
                                      const QString& projectId) const
{
    QSet<QString> offeredRegions;
    for (const QString& type : catalogTypes(service)) {
        QList<const CatalogEndpoint*> candidates;
        for (const CatalogEndpoint& e : m_entries) {
            if (e.type != type || e.interface != interface)
                continue;
            offeredRegions.insert(e.region);
            if (region.isEmpty() || e.region == region)
                candidates.append(&e);
        }
        if (candidates.isEmpty())
            continue;
        // Without a configured region the choice must be unambiguous.
        QSet<QString> regions;
        for (const CatalogEndpoint* e : candidates)
            regions.insert(e->region);
        if (regions.size() > 1) {
            QStringList names(regions.begin(), regions.end());
            names.sort();
            return fail(errc::kXloudRegionAmbiguous,
                        tr("The cloud offers %1 in several regions (%2). Set the cloud's region, for example with "
                           "'xms cloud create … --region %3'.")
                            .arg(serviceName(service), names.join(u", "), names.first()));
        }
        return normalizeEndpoint(service, candidates.first()->url, projectId);
    }
    if (!region.isEmpty() && !offeredRegions.isEmpty()) {
        QStringList names(offeredRegions.begin(), offeredRegions.end());
        names.sort();
        return fail(errc::kXloudEndpointNotFound,
                    tr("The cloud has no %1 endpoint in region '%2'; it offers it in: %3. Correct the cloud's region.")
                        .arg(serviceName(service), region, names.join(u", ")));
    }
    QStringList types;
    for (const CatalogEndpoint& e : m_entries)
        if (!types.contains(e.type))
            types.append(e.type);
    return fail(errc::kXloudEndpointNotFound,
                tr("The cloud's service catalog has no %1 %2 endpoint for this project. Ask the cloud's administrator "
                   "to register it.")
                    .arg(interface, serviceName(service)),
                QStringLiteral("looked for types %1; the catalog offers: %2")
                    .arg(catalogTypes(service).join(u", "), types.join(u", ")));
}

} // namespace xms::xloud
