#include "finalizestage.h"

#include "common/errorcodes.h"
#include "engine/cloudclients.h"
#include "engine/jobcontext.h"
#include "guest/nicnames.h"

#include <QJsonArray>

namespace xms {

int mappingFor(const QList<NicMapping>& mappings, const QString& nicLabel, const QString& sourceNetwork)
{
    for (int i = 0; i < mappings.size(); ++i)
        if (!mappings.at(i).nicLabel.isEmpty() && mappings.at(i).nicLabel == nicLabel)
            return i;
    for (int i = 0; i < mappings.size(); ++i)
        if (mappings.at(i).nicLabel.isEmpty() && mappings.at(i).sourceNetwork == sourceNetwork)
            return i;
    return -1;
}

void FinalizeStageRunner::start(JobContext* ctx)
{
    m_ctx = ctx;
    m_cloud = new CloudClients(*ctx, this);
    m_ctx->portIds.clear();
    if (ctx->volumeIds.isEmpty())
        return stop(Error::make(errc::kFinalizeNoVolumes, tr("No volume was written for this job.")));
    m_cloud->volumes->setBootable(ctx->volumeIds.first(), true, [this](Status s) {
        if (m_ended)
            return;
        if (!s)
            return stop(s.error());
        emit progress(10, 0, 0);
        m_cloud->network->networksWithSubnets([this](Result<QList<xloud::Network>> networks) {
            if (m_ended)
                return;
            if (!networks)
                return stop(networks.error());
            plan(*networks);
        });
    });
}

void FinalizeStageRunner::plan(const QList<xloud::Network>& networks)
{
    for (const vsphere::NicInfo& nic : m_ctx->vm.nics) {
        PlannedPort p;
        p.nicLabel = nic.label;
        p.sourceNetwork = nic.network;
        p.mac = nic.macAddress;
        const int m = mappingFor(m_ctx->spec.networks, p.nicLabel, p.sourceNetwork);
        if (m < 0)
            return stop(Error::make(errc::kFinalizeNicUnmapped,
                                    tr("%1 (on %2) has no network mapping. Add --network-map '%2=NETWORK' and "
                                       "retry.")
                                        .arg(p.nicLabel, p.sourceNetwork)));
        const NicMapping& map = m_ctx->spec.networks.at(m);
        p.keepMac = map.keepMac;
        QList<const xloud::Network*> found;
        for (const xloud::Network& n : networks)
            if (n.id == map.targetNetwork || n.name == map.targetNetwork)
                found.append(&n);
        if (found.size() != 1)
            return stop(Error::make(found.isEmpty() ? QStringLiteral("finalize.network_not_found")
                                                    : QStringLiteral("finalize.network_ambiguous"),
                                    found.isEmpty() ? tr("Network %1 does not exist in project %2 or is not "
                                                         "visible to it. Check the mapping with 'xms cloud "
                                                         "resources'.")
                                                          .arg(map.targetNetwork, m_ctx->spec.project)
                                                    : tr("Several networks are named %1; map the NIC by the "
                                                         "network's id instead.")
                                                          .arg(map.targetNetwork)));
        p.networkId = found.first()->id;
        p.networkName = found.first()->name;
        if (!map.targetSubnet.isEmpty()) {
            for (const xloud::Subnet& s : found.first()->subnets)
                if (s.id == map.targetSubnet || s.name == map.targetSubnet)
                    p.subnetId = s.id;
            if (p.subnetId.isEmpty())
                return stop(
                    Error::make(errc::kFinalizeSubnetNotFound,
                                tr("Subnet %1 is not part of network %2.").arg(map.targetSubnet, p.networkName)));
        }
        if (map.keepIp) {
            auto kept = keptIp(nic, *found.first(), map.targetSubnet);
            if (!kept)
                return stop(kept.error());
            p.ipAddress = kept->address;
            p.subnetId = kept->subnet.id;
        }
        m_ports.append(p);
    }
    createPort(0, 0);
}

QStringList FinalizeStageRunner::macsToTry(const PlannedPort& p) const
{
    // The source's (keep-mac), then XMS's own, which Guest Fixes pinned the guest's interface names to and
    // booted with, then none (Xloud chooses).
    QStringList macs;
    if (p.keepMac)
        macs.append(p.mac);
    macs.append(derivedMac(m_ctx->jobId, p.nicLabel));
    macs.append(QString());
    return macs;
}

Result<KeptIp> FinalizeStageRunner::keptIp(const vsphere::NicInfo& nic, const xloud::Network& network,
                                           const QString& subnet) const
{
    // The facts from just before the power-off; a guest already off by then reported nothing new, so the
    // ones captured at submit stand in.
    const vsphere::GuestNic* facts = m_ctx->vm.guestNetwork.nic(nic.macAddress);
    if ((!facts || facts->addresses.isEmpty()) && m_ctx->spec.guestNetworkAtSubmit)
        facts = m_ctx->spec.guestNetworkAtSubmit->nic(nic.macAddress);
    auto kept = chooseKeptIp(facts, network, subnet, nic.label);
    if (!kept)
        return fail(kept.error().code,
                    tr("%1. Drop keep-ip for it (DHCP) or map it to the subnet of its address, "
                       "then retry.")
                        .arg(kept.error().message));
    return kept;
}

void FinalizeStageRunner::createPort(int index, int macChoice)
{
    if (index == m_ports.size()) {
        emit progress(40, 0, 0);
        m_cloud->compute->flavors([this](Result<QList<xloud::Flavor>> flavors) {
            if (m_ended)
                return;
            if (!flavors)
                return stop(flavors.error());
            createServer(*flavors);
        });
        return;
    }
    const PlannedPort& p = m_ports.at(index);
    xloud::PortSpec spec;
    spec.networkId = p.networkId;
    spec.subnetId = p.subnetId;
    spec.name = m_ctx->resourceName(QStringLiteral("nic%1").arg(index));
    spec.description = tr("%1 of VMware VM %2, migrated by XMS").arg(p.nicLabel, m_ctx->spec.vm);
    const QStringList macs = macsToTry(p);
    spec.macAddress = macs.value(macChoice);
    spec.ipAddress = p.ipAddress;
    auto ledger = m_ctx->ledger->record(QStringLiteral("port"), spec.name);
    if (!ledger)
        return stop(ledger.error());
    m_cloud->network->createPort(spec, [this, index, macChoice, macs, id = *ledger](Result<xloud::Port> port) {
        if (m_ended)
            return;
        const PlannedPort& planned = m_ports.at(index);
        if (!port) {
            const bool macRefused = port.error().is(errc::kXloudMacInUse) || port.error().is(errc::kXloudMacNotAllowed);
            m_ctx->ledger->setState(id, QStringLiteral("deleted")); // nothing was created
            const QString tried = macs.value(macChoice);
            const bool keptRefused = planned.keepMac && macChoice == 0;
            if (!macRefused || tried.isEmpty()
                || (keptRefused && m_ctx->spec.macFallback != MigrationSpec::MacFallback::GenerateNew))
                return stop(port.error());
            const QString next = macs.value(macChoice + 1);
            const Text why = keptRefused
                ? Text::translate("xms::FinalizeStageRunner", "%1 could not keep MAC %2 (%3); it gets MAC %4 instead")
                      .arg(planned.nicLabel, tried, port.error().message)
                      .arg(next)
                : Text::translate("xms::FinalizeStageRunner",
                                  "%1 could not get MAC %2 (%3); Xloud chooses its MAC, which the guest's "
                                  "interface name pin does not match: check the guest's network after the migration")
                      .arg(planned.nicLabel, tried, port.error().message);
            emit event(EventLevel::Warning,
                       keptRefused ? QStringLiteral("finalize.mac_fallback") : QStringLiteral("finalize.mac_unpinned"),
                       why,
                       {{QStringLiteral("nic"), planned.nicLabel},
                        {QStringLiteral("mac"), tried},
                        {QStringLiteral("reason"), port.error().code}});
            return createPort(index, macChoice + 1);
        }
        if (Status s = m_ctx->ledger->setResource(id, port->id); !s)
            return stop(s.error());
        m_ctx->portIds.append(port->id);
        QJsonArray ips;
        for (const xloud::FixedIp& ip : port->fixedIps)
            ips.append(ip.ipAddress);
        const Text message = planned.ipAddress.isEmpty()
            ? Text::translate("xms::FinalizeStageRunner", "%1 → %2, MAC %3")
                  .arg(planned.nicLabel, planned.networkName, port->macAddress)
            : Text::translate("xms::FinalizeStageRunner", "%1 → %2, MAC %3, IP %4 kept")
                  .arg(planned.nicLabel, planned.networkName, port->macAddress)
                  .arg(planned.ipAddress);
        emit event(EventLevel::Info, QStringLiteral("finalize.port_created"), message,
                   {{QStringLiteral("nic"), planned.nicLabel},
                    {QStringLiteral("port_id"), port->id},
                    {QStringLiteral("network"), planned.networkName},
                    {QStringLiteral("mac"), port->macAddress},
                    {QStringLiteral("mac_kept"), port->macAddress.compare(planned.mac, Qt::CaseInsensitive) == 0},
                    {QStringLiteral("fixed_ips"), ips},
                    {QStringLiteral("ip_kept"), !planned.ipAddress.isEmpty() && ips.contains(planned.ipAddress)}});
        createPort(index + 1, 0);
    });
}

void FinalizeStageRunner::createServer(const QList<xloud::Flavor>& flavors)
{
    QString flavorId;
    for (const xloud::Flavor& f : flavors)
        if (f.id == m_ctx->spec.flavor || f.name == m_ctx->spec.flavor)
            flavorId = f.id;
    if (flavorId.isEmpty())
        return stop(Error::make(errc::kFinalizeFlavorNotFound,
                                tr("Flavor %1 is not available to project %2. See 'xms cloud resources'.")
                                    .arg(m_ctx->spec.flavor, m_ctx->spec.project)));
    xloud::ServerSpec spec;
    spec.name = m_ctx->spec.effectiveInstanceName();
    spec.flavorId = flavorId;
    spec.availabilityZone = m_ctx->spec.availabilityZone;
    for (int i = 0; i < m_ctx->volumeIds.size(); ++i)
        spec.volumes.append({m_ctx->volumeIds.at(i), i == 0 ? 0 : -1, false});
    spec.portIds = m_ctx->portIds;
    spec.metadata = {{QStringLiteral("xms_job"), m_ctx->jobId},
                     {QStringLiteral("xms_source_vm"), m_ctx->spec.vm},
                     {QStringLiteral("xms_source"), m_ctx->spec.source}};
    spec.description = tr("Migrated from VMware VM %1 by XMS").arg(m_ctx->spec.vm);
    auto ledger = m_ctx->ledger->record(QStringLiteral("server"), spec.name);
    if (!ledger)
        return stop(ledger.error());
    m_cloud->compute->createServer(spec, [this, id = *ledger](Result<xloud::Server> server) {
        if (m_ended)
            return;
        if (!server)
            return stop(server.error());
        if (Status s = m_ctx->ledger->setResource(id, server->id); !s)
            return stop(s.error());
        m_ctx->serverId = server->id;
        emit progress(60, 0, 0);
        emit event(EventLevel::Info, QStringLiteral("finalize.server_created"),
                   Text::translate("xms::FinalizeStageRunner", "Instance %1 is building").arg(server->name),
                   {{QStringLiteral("server_id"), server->id}});
        m_cloud->compute->waitForStatus(
            server->id, QStringLiteral("ACTIVE"),
            [this](Result<xloud::Server> active) {
                if (m_ended)
                    return;
                if (!active)
                    return stop(active.error());
                onActive(*active);
            },
            CloudClients::waitOptions(30));
    });
}

void FinalizeStageRunner::onActive(const xloud::Server& server)
{
    if (m_ctx->spec.startInstance)
        return done(server);
    emit progress(90, 0, 0);
    m_cloud->compute->stopServer(server.id, [this, id = server.id](Status s) {
        if (m_ended)
            return;
        if (!s)
            return stop(s.error());
        m_cloud->compute->waitForStatus(
            id, QStringLiteral("SHUTOFF"),
            [this](Result<xloud::Server> off) {
                if (m_ended)
                    return;
                if (!off)
                    return stop(off.error());
                done(*off);
            },
            CloudClients::waitOptions(10));
    });
}

void FinalizeStageRunner::done(const xloud::Server& server)
{
    m_ended = true;
    emit progress(100, 0, 0);
    emit event(EventLevel::Info, QStringLiteral("finalize.completed"),
               Text::translate("xms::FinalizeStageRunner", "Instance %1 is %2 with %n volume(s) attached", nullptr,
                               int(m_ctx->volumeIds.size()))
                   .arg(server.name, server.status),
               {{QStringLiteral("server_id"), server.id},
                {QStringLiteral("status"), server.status},
                {QStringLiteral("volume_ids"), QJsonArray::fromStringList(m_ctx->volumeIds)},
                {QStringLiteral("port_ids"), QJsonArray::fromStringList(m_ctx->portIds)},
                {QStringLiteral("addresses"), server.addresses},
                {QStringLiteral("source_note"),
                 tr("The source VM stays powered off. Do not power it on while the new instance runs: "
                    "they share hostname, MAC and disk UUIDs.")}});
    m_cloud->deleteLater();
    emit finished({});
}

void FinalizeStageRunner::stop(const Error& error)
{
    if (m_ended)
        return;
    m_ended = true;
    m_cloud->deleteLater();
    emit finished(std::unexpected(error));
}

void FinalizeStageRunner::cancel()
{
    QMetaObject::invokeMethod(
        this, [this] { stop(Error::make(errc::kJobCancelled, tr("Cancelled while creating the instance"))); },
        Qt::QueuedConnection);
}

} // namespace xms
