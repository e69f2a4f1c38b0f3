#pragma once

#include "common/error.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QList>
#include <QString>
#include <QUrl>

namespace xms::xloud {

// The OpenStack services XMS talks to.
enum class Service { Identity, Compute, BlockStorage, Network, Image };

QString serviceName(Service service); // "Compute", "Block Storage" … for messages
// Catalog types that mean this service, in order of preference ("block-storage" and "volumev3" both
// name Cinder v3 in real clouds).
QStringList catalogTypes(Service service);

// One endpoint row of a Keystone v3 catalog.
struct CatalogEndpoint
{
    QString type; // service type
    QString interface; // public / internal / admin
    QString region;
    QString url;
};

// The service catalog of a project-scoped token: resolves the URL XMS uses for each service.
class ServiceCatalog
{
    Q_DECLARE_TR_FUNCTIONS(ServiceCatalog)

public:
    ServiceCatalog() = default;
    // The "catalog" array of a Keystone v3 token body.
    static ServiceCatalog fromJson(const QJsonArray& catalog);

    // The base URL for a service: the given interface (normally "public"), in region when one is set
    // (else the only region offering it). Adds the API version Neutron ("/v2.0") and Glance ("/v2")
    // catalogs usually leave out; substitutes a project id Keystone left in place. Error
    // "xloud.endpoint.not_found" names what the catalog does offer.
    Result<QUrl> endpoint(Service service, const QString& region, const QString& interface = QStringLiteral("public"),
                          const QString& projectId = {}) const;

    const QList<CatalogEndpoint>& entries() const { return m_entries; }
    bool isEmpty() const { return m_entries.isEmpty(); }

private:
    QList<CatalogEndpoint> m_entries;
};

// Normalises a catalog URL for a service (exposed for tests): version suffixes, %(project_id)s, no
// trailing slash.
QUrl normalizeEndpoint(Service service, QString url, const QString& projectId);

} // namespace xms::xloud
