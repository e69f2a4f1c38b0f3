#include "resources.h"

#include "blockstorageclient.h"
#include "computeclient.h"
#include "networkclient.h"
#include "transportsecurity.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace xms::xloud {

namespace {
template<typename T> QJsonArray arrayOf(const QList<T>& items)
{
    QJsonArray a;
    for (const T& i : items)
        a.append(i.toJson());
    return a;
}

// Collects the parallel answers; the last one to arrive hands the result over.
struct Gather
{
    CloudResources out;
    std::optional<Error> error;
    int pending = 0;
    Callback<CloudResources> done;
    QObject* owner = nullptr; // the clients' parent, deleted at the end

    void finishOne()
    {
        if (--pending > 0)
            return;
        owner->deleteLater();
        if (error)
            return done(std::unexpected(*error));
        done(out);
    }
};
} // namespace

QJsonObject QuotaHeadroom::toJson() const
{
    return {{u"compute"_s, quotaListToJson(compute)},
            {u"volume"_s, quotaListToJson(volume)},
            {u"network"_s, quotaListToJson(network)}};
}

QJsonObject CloudResources::toJson() const
{
    return {{u"cloud"_s, cloud},
            {u"project"_s, QJsonObject {{u"id"_s, projectId}, {u"name"_s, projectName}}},
            {u"flavors"_s, arrayOf(flavors)},
            {u"volume_types"_s, arrayOf(volumeTypes)},
            {u"availability_zones"_s,
             QJsonObject {{u"compute"_s, arrayOf(computeZones)}, {u"volume"_s, arrayOf(volumeZones)}}},
            {u"networks"_s, arrayOf(networks)},
            {u"quota"_s, quota.toJson()},
            {u"warnings"_s, QJsonArray::fromStringList(warnings)}};
}

void fetchResources(Session* session, const QString& project, Callback<CloudResources> done)
{
    auto g = std::make_shared<Gather>();
    g->done = std::move(done);
    g->owner = new QObject(session);
    g->out.cloud = session->cloud().name;
    auto* compute = new ComputeClient(session, project, g->owner);
    auto* volume = new BlockStorageClient(session, project, g->owner);
    auto* network = new NetworkClient(session, project, g->owner);

    // A required part fails the whole; an optional one (quotas) only warns.
    auto part = [g](auto assign, bool required) {
        ++g->pending;
        return [g, assign, required](auto result) {
            if (result)
                assign(g->out, *result);
            else if (required && !g->error)
                g->error = result.error();
            else if (!required)
                g->out.warnings.append(result.error().message);
            g->finishOne();
        };
    };
    compute->flavors(part([](CloudResources& o, const QList<Flavor>& v) { o.flavors = v; }, true));
    compute->availabilityZones(
        part([](CloudResources& o, const QList<AvailabilityZone>& v) { o.computeZones = v; }, true));
    compute->limits(part([](CloudResources& o, const QList<QuotaItem>& v) { o.quota.compute = v; }, false));
    volume->volumeTypes(part([](CloudResources& o, const QList<VolumeType>& v) { o.volumeTypes = v; }, true));
    volume->availabilityZones(
        part([](CloudResources& o, const QList<AvailabilityZone>& v) { o.volumeZones = v; }, true));
    volume->quotaUsage(part([](CloudResources& o, const QList<QuotaItem>& v) { o.quota.volume = v; }, false));
    network->networksWithSubnets(part([](CloudResources& o, const QList<Network>& v) { o.networks = v; }, true));
    network->quotaUsage(part([](CloudResources& o, const QList<QuotaItem>& v) { o.quota.network = v; }, false));
    // The project's id and name come from the token every part used.
    ++g->pending;
    session->token(project, [g](Result<ScopedToken> t) {
        if (t) {
            g->out.projectId = t->projectId;
            g->out.projectName = t->projectName;
        } else if (!g->error) {
            g->error = t.error();
        }
        g->finishOne();
    });
}

QJsonObject CloudCheck::toJson() const
{
    QJsonArray projectList;
    for (const Project& p : projects)
        projectList.append(p.toJson());
    QJsonObject eps;
    for (const auto& [service, url] : endpoints)
        eps.insert(service, url);
    return {{u"projects"_s, projectList},
            {u"project"_s, QJsonObject {{u"id"_s, projectId}, {u"name"_s, projectName}}},
            {u"token_expires_at"_s, tokenExpiresAt.toUTC().toString(Qt::ISODate)},
            {u"endpoints"_s, eps}};
}

void checkCloud(Session* session, const QString& project, Callback<CloudCheck> done)
{
    session->projects([session, project, done](Result<QList<Project>> projects) {
        if (!projects)
            return done(std::unexpected(projects.error()));
        session->token(project, [session, projects = *projects, done](Result<ScopedToken> t) {
            if (!t)
                return done(std::unexpected(t.error()));
            CloudCheck c;
            c.projects = projects;
            c.projectId = t->projectId;
            c.projectName = t->projectName;
            c.tokenExpiresAt = t->expiresAt;
            const std::pair<Service, QString> needed[] = {{Service::Compute, u"compute"_s},
                                                          {Service::BlockStorage, u"block-storage"_s},
                                                          {Service::Network, u"network"_s},
                                                          {Service::Image, u"image"_s}};
            for (const auto& [service, key] : needed) {
                const Result<QUrl> url
                    = t->catalog.endpoint(service, session->cloud().region, session->options().interface, t->projectId);
                if (!url)
                    return done(std::unexpected(url.error()));
                if (Status secure = checkEndpointScheme(session->cloud(), service, *url); !secure)
                    return done(std::unexpected(secure.error()));
                c.endpoints.append({key, url->toString()});
            }
            done(c);
        });
    });
}

} // namespace xms::xloud
