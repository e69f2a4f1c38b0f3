#pragma once

#include "engine/migrationspec.h"
#include "engine/preflight.h"
#include "store/store.h"
#include "vsphere/vminfo.h"
#include "xloud/resources.h"

#include <QHash>
#include <QStringList>
#include <optional>

namespace xms::ui {

// What the New Migration wizard builds: one MigrationSpec with the choices every VM shares (source,
// cloud, project, flavor, volume type, zone, networks), the chosen VMs and each one's instance name.
// Every page reads and writes this object; submit() turns it into jobs through the same service
// as `xms migration submit` (validate all, create one job per VM, make sure a worker runs).
struct MigrationDraft
{
    MigrationSpec spec;
    QList<vsphere::VmInfo> vms;
    QHash<QString, QString> instanceNames; // VM name → instance name (default: validInstanceName)
    QHash<QString, PreflightReport> preflight; // VM name → last report
    std::optional<xloud::CloudResources> target; // what spec.cloud/spec.project offer

    QString instanceNameFor(const QString& vm) const;
    QList<MigrationSpec> specs() const; // one per VM
    Status validate() const;
    // Creates the jobs (nothing when any spec is invalid) and starts a worker; returns the job ids.
    Result<QStringList> submit(const Store& store) const;
};

// Does this flavor hold the VM? Empty when it fits, else the reason it does not (translated).
QString flavorMisfit(const xloud::Flavor& flavor, int vcpus, qint64 memoryMiB);

} // namespace xms::ui
