#include "migrationdraft.h"

#include "common/errorcodes.h"
#include "services/submission.h"

#include <QCoreApplication>
#include <QHash>

namespace xms::ui {

QString MigrationDraft::instanceNameFor(const QString& vm) const
{
    const QString name = instanceNames.value(vm);
    return name.isEmpty() ? validInstanceName(vm) : name;
}

QList<MigrationSpec> MigrationDraft::specs() const
{
    QList<MigrationSpec> out;
    for (const vsphere::VmInfo& vm : vms) {
        MigrationSpec s = spec;
        s.vm = vm.name;
        s.instanceName = instanceNameFor(vm.name);
        s.guestNetworkAtSubmit = vm.guestNetwork; // as the wizard's discovery saw it
        if (const auto report = preflight.constFind(vm.name); report != preflight.cend())
            s.preflightAtSubmit = *report; // the last preflight of this VM, for the job's report
        out.append(s);
    }
    return out;
}

Status MigrationDraft::validate() const
{
    if (vms.isEmpty())
        return fail(errc::kUsageMissing,
                    QCoreApplication::translate("MigrationDraft", "Choose at least one VM on the Workload page."));
    QStringList names;
    for (const MigrationSpec& s : specs()) {
        if (auto ok = s.validate(); !ok)
            return ok;
        if (names.contains(s.instanceName))
            return fail(errc::kUsageInstanceName,
                        QCoreApplication::translate("MigrationDraft",
                                                    "Two VMs would get the instance name %1: give "
                                                    "each a different name.")
                            .arg(s.instanceName));
        names.append(s.instanceName);
    }
    return {};
}

Result<QStringList> MigrationDraft::submit(const Store& store) const
{
    if (auto ok = validate(); !ok)
        return std::unexpected(ok.error());
    QHash<QString, qint64> diskBytes;
    for (const vsphere::VmInfo& vm : vms)
        diskBytes.insert(vm.name, vm.totalDiskBytes());
    auto submitted = submission::submit(store, specs(), diskBytes);
    if (!submitted)
        return std::unexpected(submitted.error());
    QStringList ids;
    for (const submission::Submitted& s : *submitted)
        ids.append(s.jobId);
    return ids;
}

QString flavorMisfit(const xloud::Flavor& flavor, int vcpus, qint64 memoryMiB)
{
    QStringList missing;
    if (flavor.vcpus < vcpus)
        missing << QCoreApplication::translate("MigrationDraft", "%1 vCPU < %2").arg(flavor.vcpus).arg(vcpus);
    if (flavor.ramMiB < memoryMiB)
        missing << QCoreApplication::translate("MigrationDraft", "%1 MiB RAM < %2").arg(flavor.ramMiB).arg(memoryMiB);
    if (missing.isEmpty())
        return {};
    return QCoreApplication::translate("MigrationDraft", "Too small for the source VM: %1.")
        .arg(missing.join(QStringLiteral(", ")));
}

} // namespace xms::ui
