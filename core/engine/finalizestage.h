#pragma once

#include "engine/keepip.h"
#include "engine/migrationspec.h"
#include "engine/stagerunner.h"
#include "xloud/types.h"

#include <QPointer>

namespace xms {

class CloudClients;

// Finalize: the boot volume marked bootable, one Neutron port per source NIC on its mapped network and
// subnet (the source MAC kept when asked; when Neutron refuses it, a generated MAC with a warning or a
// failure, per the spec), then the instance booted from the volumes with those ports, waited ACTIVE
// (and stopped again when the spec says not to start it). A keep-ip NIC's port gets the guest's address
// (VMware Tools, just before the power-off, else at submit) as its fixed IP on the mapped subnet. Writes ctx->portIds
// and ctx->serverId.
class FinalizeStageRunner : public StageRunner
{
    Q_OBJECT
public:
    using StageRunner::StageRunner;
    Stage stage() const override { return Stage::Finalize; }
    void start(JobContext* ctx) override;
    void cancel() override;

private:
    struct PlannedPort
    {
        QString nicLabel;
        QString sourceNetwork;
        QString mac;
        bool keepMac = false;
        QString networkId;
        QString networkName;
        QString subnetId;
        QString ipAddress; // keep-ip: the guest's address on that subnet
    };
    void plan(const QList<xloud::Network>& networks);
    Result<KeptIp> keptIp(const vsphere::NicInfo& nic, const xloud::Network& network, const QString& subnet) const;
    QStringList macsToTry(const PlannedPort& p) const;
    void createPort(int index, int macChoice); // macChoice: index into macsToTry
    void createServer(const QList<xloud::Flavor>& flavors);
    void onActive(const xloud::Server& server);
    void done(const xloud::Server& server);
    void stop(const Error& error);

    JobContext* m_ctx = nullptr;
    QPointer<CloudClients> m_cloud;
    QList<PlannedPort> m_ports;
    bool m_ended = false;
};

// Which mapping serves a source NIC: one naming its label wins over one naming only its network.
// Returns -1 when none does.
int mappingFor(const QList<NicMapping>& mappings, const QString& nicLabel, const QString& sourceNetwork);

} // namespace xms
