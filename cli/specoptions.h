#pragma once

#include "commandcontext.h"
#include "engine/migrationspec.h"

#include <QCommandLineOption>

namespace xms::cli {

// The flags that describe migrations — shared by `migration submit` and `preflight`.
struct SpecOptions
{
    QCommandLineOption source {QStringLiteral("source"), QStringLiteral("Source environment (vCenter/ESXi)."),
                               QStringLiteral("NAME")};
    QCommandLineOption vm {QStringLiteral("vm"), QStringLiteral("VM to migrate; repeat for several VMs."),
                           QStringLiteral("VM")};
    QCommandLineOption kind {QStringLiteral("kind"), QStringLiteral("Migration kind: cold."), QStringLiteral("KIND"),
                             QStringLiteral("cold")};
    QCommandLineOption cloud {QStringLiteral("cloud"), QStringLiteral("Xloud cloud (default: the only one)."),
                              QStringLiteral("NAME")};
    QCommandLineOption project {QStringLiteral("target-project"), QStringLiteral("Target Xloud project."),
                                QStringLiteral("PROJECT")};
    QCommandLineOption instance {QStringLiteral("instance-name"),
                                 QStringLiteral("Instance name (default: the VM name, made valid)."),
                                 QStringLiteral("NAME")};
    QCommandLineOption flavor {QStringLiteral("flavor"), QStringLiteral("Xloud flavor."), QStringLiteral("FLAVOR")};
    QCommandLineOption volumeType {QStringLiteral("volume-type"), QStringLiteral("Volume type for the disks."),
                                   QStringLiteral("TYPE")};
    QCommandLineOption az {QStringLiteral("availability-zone"), QStringLiteral("Optional availability zone."),
                           QStringLiteral("AZ")};
    QCommandLineOption netmap {
        QStringLiteral("network-map"),
        QStringLiteral("SOURCE=NETWORK[/SUBNET][,keep-mac][,keep-ip]; repeat per source network."),
        QStringLiteral("MAP")};
    QCommandLineOption profile {QStringLiteral("network-profile"),
                                QStringLiteral("Saved network mapping profile (explicit --network-map wins)."),
                                QStringLiteral("NAME")};
    QCommandLineOption macFallback {QStringLiteral("mac-fallback"),
                                    QStringLiteral("When a MAC cannot be kept: new-mac (default, with a warning) or "
                                                   "fail."),
                                    QStringLiteral("POLICY"), QStringLiteral("new-mac")};
    QCommandLineOption noStart {QStringLiteral("no-start"), QStringLiteral("Leave the instance shut off.")};
    QCommandLineOption keep {QStringLiteral("keep-on-failure"),
                             QStringLiteral("Keep created resources when the job fails (debugging).")};
    QCommandLineOption powerOn {QStringLiteral("power-on-source-on-cancel"),
                                QStringLiteral("If the job is cancelled after it powered the source VM off, power it "
                                               "on again.")};

    QCommandLineOption again {QStringLiteral("again"),
                              QStringLiteral("Migrate a VM that a completed job already migrated, once more (a second "
                                             "instance).")};

    QList<QCommandLineOption> list() const;

    // Every spec checked before anything happens: a bad input changes nothing. `complete`: all target
    // fields required (submit); otherwise target fields may be missing (source-only preflight).
    Result<QList<MigrationSpec>> build(const CommandContext& ctx, const Store& store, bool complete) const;
};

const SpecOptions& specOptions();

} // namespace xms::cli
