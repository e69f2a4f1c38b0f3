#pragma once

#include "session.h"
#include "types.h"

namespace xms::xloud {

// Quota headroom of a project across the services a migration uses.
struct QuotaHeadroom
{
    QList<QuotaItem> compute; // instances, cores, ram (MiB)
    QList<QuotaItem> volume; // volumes, gigabytes, snapshots, per-type
    QList<QuotaItem> network; // network, subnet, port …
    QJsonObject toJson() const;
};

// What a target project offers a migration: `xms cloud resources` and the wizard's target page.
struct CloudResources
{
    QString cloud;
    QString projectId;
    QString projectName;
    QList<Flavor> flavors;
    QList<VolumeType> volumeTypes;
    QList<AvailabilityZone> computeZones;
    QList<AvailabilityZone> volumeZones;
    QList<Network> networks; // with their subnets
    QuotaHeadroom quota;
    QStringList warnings; // parts the user may not read (quota policies differ between clouds)
    QJsonObject toJson() const;
};

// Reads all of it in parallel (one login). Flavors, types, zones and networks are required; a quota the
// user may not read becomes a warning.
void fetchResources(Session* session, const QString& project, Callback<CloudResources> done);

// What `xms cloud test` proves: the login works, the projects it can access, and a project-scoped
// catalog with every service XMS needs.
struct CloudCheck
{
    QList<Project> projects;
    QString projectId;
    QString projectName;
    QDateTime tokenExpiresAt;
    QList<QPair<QString, QString>> endpoints; // service → URL
    QJsonObject toJson() const;
};
void checkCloud(Session* session, const QString& project, Callback<CloudCheck> done);

} // namespace xms::xloud
