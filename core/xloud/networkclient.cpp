#include "networkclient.h"

using namespace Qt::StringLiterals;

namespace xms::xloud {

NetworkClient::NetworkClient(Session* session, QString project, QObject* parent)
    : ServiceClient(session, Service::Network, std::move(project), parent)
{
}

void NetworkClient::networks(Callback<QList<Network>> done)
{
    get(u"/networks"_s, tr("list networks"), [done](Result<RestReply> r) {
        if (!r)
            return done(std::unexpected(r.error()));
        QList<Network> out;
        for (const QJsonValue& v : r->json.value(u"networks").toArray())
            out.append(Network::fromJson(v.toObject()));
        std::sort(out.begin(), out.end(), [](const Network& a, const Network& b) { return a.name < b.name; });
        done(out);
    });
}

void NetworkClient::subnets(const QString& networkId, Callback<QList<Subnet>> done)
{
    QUrlQuery q;
    if (!networkId.isEmpty())
        q.addQueryItem(u"network_id"_s, networkId);
    get(
        u"/subnets"_s, tr("list subnets"),
        [done](Result<RestReply> r) {
            if (!r)
                return done(std::unexpected(r.error()));
            QList<Subnet> out;
            for (const QJsonValue& v : r->json.value(u"subnets").toArray())
                out.append(Subnet::fromJson(v.toObject()));
            std::sort(out.begin(), out.end(), [](const Subnet& a, const Subnet& b) { return a.name < b.name; });
            done(out);
        },
        q);
}

void NetworkClient::networksWithSubnets(Callback<QList<Network>> done)
{
    networks([this, done](Result<QList<Network>> nets) {
        if (!nets)
            return done(std::unexpected(nets.error()));
        // One subnet listing for all networks rather than one call per network.
        subnets({}, [nets = *nets, done](Result<QList<Subnet>> subs) mutable {
            if (!subs)
                return done(std::unexpected(subs.error()));
            for (Network& n : nets)
                for (const Subnet& s : *subs)
                    if (s.networkId == n.id)
                        n.subnets.append(s);
            done(nets);
        });
    });
}

void NetworkClient::createPort(const PortSpec& spec, Callback<Port> done)
{
    QString what = spec.macAddress.isEmpty() ? tr("create port '%1'").arg(spec.name)
                                             : tr("create port '%1' with MAC %2").arg(spec.name, spec.macAddress);
    if (!spec.ipAddress.isEmpty()) // a 409 then says which address was taken
        what = tr("%1 and IP %2").arg(what, spec.ipAddress);
    postJson(u"/ports"_s, spec.toJson(), what, [done](Result<RestReply> r) {
        if (!r)
            return done(std::unexpected(r.error()));
        const Port p = Port::fromJson(r->json.value(u"port").toObject());
        if (p.id.isEmpty())
            return done(fail(u"xloud.bad_response"_s, tr("Neutron created the port but did not say its id."),
                             QString::fromUtf8(r->body.left(300))));
        done(p);
    });
}

void NetworkClient::port(const QString& id, Callback<Port> done)
{
    get(u"/ports/"_s + id, tr("show port %1").arg(id), [done](Result<RestReply> r) {
        if (!r)
            return done(std::unexpected(r.error()));
        done(Port::fromJson(r->json.value(u"port").toObject()));
    });
}

void NetworkClient::listPorts(const QUrlQuery& filter, const QString& action, Callback<QList<Port>> done)
{
    get(
        u"/ports"_s, action,
        [done](Result<RestReply> r) {
            if (!r)
                return done(std::unexpected(r.error()));
            QList<Port> out;
            for (const QJsonValue& v : r->json.value(u"ports").toArray())
                out.append(Port::fromJson(v.toObject()));
            done(out);
        },
        filter);
}

void NetworkClient::portsByMac(const QString& mac, Callback<QList<Port>> done)
{
    listPorts(QUrlQuery({{u"mac_address"_s, mac.toLower()}}), tr("find ports with MAC %1").arg(mac), std::move(done));
}

void NetworkClient::portsByIp(const QString& ip, Callback<QList<Port>> done)
{
    listPorts(QUrlQuery({{u"fixed_ips"_s, u"ip_address="_s + ip}}), tr("find ports with IP %1").arg(ip),
              std::move(done));
}

void NetworkClient::findPorts(const QString& name, Callback<QList<Port>> done)
{
    // The project's own: an administrator would otherwise see every project's ports.
    endpoint([this, name, done](Result<QUrl> ep) {
        if (!ep)
            return done(std::unexpected(ep.error()));
        listPorts(QUrlQuery({{u"name"_s, name}, {u"project_id"_s, projectId()}}), tr("find ports named '%1'").arg(name),
                  done);
    });
}

void NetworkClient::deletePort(const QString& id, StatusCallback done)
{
    remove(u"/ports/"_s + id, tr("delete port %1").arg(id), std::move(done));
}

void NetworkClient::quotaUsage(Callback<QList<QuotaItem>> done)
{
    endpoint([this, done](Result<QUrl> ep) {
        if (!ep)
            return done(std::unexpected(ep.error()));
        get(u"/quotas/"_s + projectId() + u"/details"_s, tr("read the network quota"), [done](Result<RestReply> r) {
            if (!r)
                return done(std::unexpected(r.error()));
            QList<QuotaItem> out;
            const QJsonObject quota = r->json.value(u"quota").toObject();
            for (auto it = quota.begin(); it != quota.end(); ++it) {
                const QJsonObject q = it->toObject();
                out.append({it.key(), q.value(u"limit").toInteger(-1), q.value(u"used").toInteger(),
                            q.value(u"reserved").toInteger()});
            }
            done(out);
        });
    });
}

} // namespace xms::xloud
