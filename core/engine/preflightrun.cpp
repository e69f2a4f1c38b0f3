// runPreflight: gathers a PreflightInput from vCenter and Xloud asynchronously, then evaluates it.
#include "common/paths.h"
#include "common/text.h"
#include "engine/cloudsession.h"
#include "engine/enginesettings.h"
#include "engine/exportstage.h"
#include "engine/finalizestage.h"
#include "engine/keepip.h"
#include "preflight.h"
#include "secrets/secretstore.h"
#include "store/jobstore.h"
#include "store/store.h"
#include "vsphere/discovery.h"
#include "vsphere/session.h"
#include "xloud/computeclient.h"
#include "xloud/networkclient.h"
#include "xloud/session.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>
#include <QStorageInfo>

namespace xms {

using namespace Qt::StringLiterals;

namespace {

PreflightCheck check(QString category, QString key, Verdict v, QString message, QString fix)
{
    return {std::move(category), std::move(key), v, std::move(message), std::move(fix)};
}

// Gathers a PreflightInput asynchronously: source VM, then target resources and MAC lookups.
class PreflightRun : public QObject
{
public:
    PreflightRun(Store& store, MigrationSpec spec, QObject* parent, std::function<void(Result<PreflightReport>)> done)
        : QObject(parent)
        , m_store(store)
        , m_spec(std::move(spec))
        , m_done(std::move(done))
    {
    }

    void start()
    {
        auto env = m_store.environment(m_spec.source);
        if (!env)
            return finish(std::unexpected(env.error()));
        if (!m_spec.cloud.isEmpty()) {
            auto cloud = m_store.cloud(m_spec.cloud);
            if (!cloud)
                return finish(std::unexpected(cloud.error()));
            m_cloud = *cloud;
        }
        const EngineSettings settings = EngineSettings::read(m_store);
        m_input.virtioWin = settings.virtioWin;
        const QString& staging = settings.stagingDir;
        QDir().mkpath(staging);
        m_input.stagingFreeBytes = QStorageInfo(staging).bytesAvailable();
        const QList<JobRecord> all = JobStore(m_store).jobs(1000).value_or(QList<JobRecord>());
        m_input.alreadyQueuedBytes = stagingStillNeeded(all);
        for (const JobRecord& j : all)
            if (j.spec.value(u"source").toString() == m_spec.source && j.spec.value(u"vm").toString() == m_spec.vm)
                m_input.jobsForVm.append(j);
        SecretStore::backend().read(SecretStore::sourcePasswordKey(env->name), this,
                                    [this, env = *env](Result<QString> pw) {
                                        if (!pw)
                                            return sourceUnreachable(pw.error());
                                        discover(env, *pw);
                                    });
    }

private:
    void discover(const EnvironmentRecord& env, const QString& password)
    {
        auto* session = new vsphere::Session(vsphere::Session::optionsFor(env, password), this);
        session->open([this, session, env](Status s) {
            if (!s)
                return sourceUnreachable(s.error());
            vsphere::Discovery::discover(*session, env.datacenter, [this, session](Result<vsphere::Inventory> inv) {
                session->close([](Status) {});
                if (!inv)
                    return sourceUnreachable(inv.error());
                auto vm = vsphere::Discovery::findVm(*inv, m_spec.vm);
                if (!vm)
                    return finish(std::unexpected(vm.error()));
                m_input.vm = *vm;
                m_haveVm = true;
                target();
            });
        });
    }

    void sourceUnreachable(const Error& e)
    {
        PreflightReport r;
        r.vm = m_spec.vm;
        r.add(check(u"Source"_s, u"source.reachable"_s, Verdict::Block,
                    Text::translate("xms::PreflightRun", "Source %1 cannot be reached: %2")
                        .toString()
                        .arg(m_spec.source, e.message),
                    Text::translate("xms::PreflightRun", "Run 'xms source test %1' and fix what it reports.")
                        .toString()
                        .arg(m_spec.source)));
        finish(r);
    }

    void target()
    {
        if (m_spec.cloud.isEmpty() || m_spec.project.isEmpty())
            return finish(evaluatePreflight(m_input));
        openCloudSession(m_cloud, this, [this](Result<xloud::Session*> session) {
            if (!session)
                return targetUnreachable(session.error());
            xloud::fetchResources(*session, m_spec.project, [this, s = *session](Result<xloud::CloudResources> t) {
                if (!t)
                    return targetUnreachable(t.error());
                m_input.spec = m_spec;
                m_input.target = *t;
                servers(s);
            });
        });
    }

    // Instances already carrying the instance name; a failed lookup only skips the warning.
    void servers(xloud::Session* session)
    {
        auto* compute = new xloud::ComputeClient(session, m_spec.project, this);
        compute->findServers(m_spec.effectiveInstanceName(), [this, session](Result<QList<xloud::Server>> found) {
            if (found)
                m_input.serversNamed = int(found->size());
            macs(session);
        });
    }

    void macs(xloud::Session* session)
    {
        QStringList wanted;
        for (const vsphere::NicInfo& nic : m_input.vm.nics) {
            const int m = mappingFor(m_spec.networks, nic.label, nic.network);
            if (m >= 0 && m_spec.networks.at(m).keepMac)
                wanted.append(nic.macAddress);
        }
        auto* network = new xloud::NetworkClient(session, m_spec.project, this);
        lookup(network, wanted);
    }

    void lookup(xloud::NetworkClient* network, QStringList wanted)
    {
        if (wanted.isEmpty())
            return lookupIps(network, keptAddresses());
        const QString mac = wanted.takeFirst();
        network->portsByMac(mac, [this, network, wanted, mac](Result<QList<xloud::Port>> ports) {
            if (ports)
                for (const xloud::Port& p : *ports)
                    m_input.macsInUse.append({mac, p.id});
            lookup(network, wanted);
        });
    }

    // The addresses keep-ip NICs would take; those the checks reject anyway need no lookup.
    QStringList keptAddresses() const
    {
        QStringList out;
        for (const vsphere::NicInfo& nic : m_input.vm.nics) {
            const int m = mappingFor(m_spec.networks, nic.label, nic.network);
            if (m < 0 || !m_spec.networks.at(m).keepIp)
                continue;
            for (const xloud::Network& n : m_input.target->networks)
                if (n.id == m_spec.networks.at(m).targetNetwork || n.name == m_spec.networks.at(m).targetNetwork)
                    if (auto kept = chooseKeptIp(m_input.vm.guestNetwork.nic(nic.macAddress), n,
                                                 m_spec.networks.at(m).targetSubnet, nic.label))
                        out.append(kept->address);
        }
        return out;
    }

    // GET /ports?fixed_ips=ip_address=… per kept address; a failed lookup is no conflict (the create says).
    void lookupIps(xloud::NetworkClient* network, QStringList wanted)
    {
        if (wanted.isEmpty())
            return finish(evaluatePreflight(m_input));
        const QString ip = wanted.takeFirst();
        network->portsByIp(ip, [this, network, wanted](Result<QList<xloud::Port>> ports) {
            if (ports)
                m_input.ipsInUse.append(*ports);
            lookupIps(network, wanted);
        });
    }

    void targetUnreachable(const Error& e)
    {
        PreflightReport r = evaluatePreflight(m_input);
        r.add(check(u"Target"_s, u"target.reachable"_s, Verdict::Block,
                    Text::translate("xms::PreflightRun", "Cloud %1, project %2: %3")
                        .toString()
                        .arg(m_spec.cloud, m_spec.project, e.message),
                    Text::translate("xms::PreflightRun", "Run 'xms cloud test %1' and fix what it reports.")
                        .toString()
                        .arg(m_spec.cloud)));
        finish(r);
    }

    void finish(Result<PreflightReport> r)
    {
        if (r && m_haveVm) {
            r->estimate = estimateJob(m_store, m_input.vm);
            r->guestNetwork = m_input.vm.guestNetwork;
        }
        auto done = std::move(m_done);
        deleteLater();
        done(std::move(r));
    }

    Store& m_store;
    MigrationSpec m_spec;
    std::function<void(Result<PreflightReport>)> m_done;
    CloudRecord m_cloud;
    PreflightInput m_input;
    bool m_haveVm = false; // discovery found the VM: the report gets an estimate
};

} // namespace

void runPreflight(Store& store, const MigrationSpec& spec, QObject* context,
                  std::function<void(Result<PreflightReport>)> done)
{
    (new PreflightRun(store, spec, context, std::move(done)))->start();
}

} // namespace xms
