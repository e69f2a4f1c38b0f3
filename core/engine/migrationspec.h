#pragma once

#include "common/error.h"
#include "engine/preflightresult.h"
#include "vsphere/guestnetwork.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <optional>

namespace xms {

// One source NIC's destination. The source side is named by its network (port group) as vSphere shows
// it; when a VM has two NICs on the same network, `nicLabel` ("Network adapter 2") tells them apart.
struct NicMapping
{
    QString sourceNetwork;
    QString nicLabel; // optional
    QString targetNetwork; // name or id
    QString targetSubnet; // name or id; optional (Neutron picks) unless the network has several
    bool keepMac = false;
    bool keepIp = false; // the port gets the address the guest reported for this NIC (VMware Tools)

    QJsonObject toJson() const;
    static NicMapping fromJson(const QJsonObject& o);
    bool operator==(const NicMapping&) const = default;
};

// Everything needed to run one cold migration, as chosen in the wizard or on the command line.
// Wizard pages and CLI flags both write this one object; the engine only reads it.
struct MigrationSpec
{
    enum class MacFallback { GenerateNew, Fail };

    QString kind = QStringLiteral("cold");
    QString source; // environment name
    QString vm; // VM name in that environment
    QString cloud;
    QString project;
    QString instanceName; // defaults to a valid form of the VM name
    QString flavor;
    QString volumeType;
    QString availabilityZone; // optional
    QList<NicMapping> networks;
    bool startInstance = true;
    MacFallback macFallback = MacFallback::GenerateNew;
    bool keepResourcesOnFailure = false; // for debugging a failed job
    bool again = false; // migrate a VM a completed job already migrated, once more (a second instance)
    bool powerOnSourceOnCancel = false;
    // What VMware Tools reported when the job was submitted (from preflight's discovery); unset when
    // submitted without one. Export compares it with what it sees just before the power-off.
    std::optional<vsphere::GuestNetwork> guestNetworkAtSubmit;
    // The preflight the job was submitted after (checks, verdicts, runtime estimate), for its report; unset
    // when submitted with --skip-preflight. Only kept, never acted on: the worker checks again as it runs.
    std::optional<PreflightReport> preflightAtSubmit;

    QJsonObject toJson() const;
    static Result<MigrationSpec> fromJson(const QJsonObject& o);
    // Field-level checks that need no network: required fields, kind, name rules.
    Status validate() const;
    QString effectiveInstanceName() const;
};

// Xloud instance names become guest hostnames: keep letters, digits, '-' and '.', at most 63 characters,
// never starting or ending with '-'. "Web Server (old)" → "Web-Server-old".
QString validInstanceName(const QString& vmName);

} // namespace xms
