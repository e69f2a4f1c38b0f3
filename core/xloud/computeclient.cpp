#include "computeclient.h"

#include "common/logging.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace xms::xloud {

namespace {
std::pair<int, int> parseVersion(const QString& v)
{
    return {v.section(u'.', 0, 0).toInt(), v.section(u'.', 1, 1).toInt()};
}
} // namespace

ComputeClient::ComputeClient(Session* session, QString project, QObject* parent)
    : ServiceClient(session, Service::Compute, std::move(project), parent)
{
}

void ComputeClient::decorate(Request& request)
{
    if (m_microversion.isEmpty())
        return;
    request.headers.append({QByteArrayLiteral("OpenStack-API-Version"), "compute " + m_microversion.toLatin1()});
    request.headers.append({QByteArrayLiteral("X-OpenStack-Nova-API-Version"), m_microversion.toLatin1()});
}

void ComputeClient::negotiated(std::function<void(Status)> then)
{
    if (!m_microversion.isEmpty())
        return then({});
    m_pending.append(std::move(then));
    if (m_negotiating)
        return;
    m_negotiating = true;
    // The endpoint's root is Nova's version document: {"version": {"version": "2.90", "min_version": "2.1"}}.
    get(QString(), tr("read the Compute API version"), [this](Result<RestReply> r) {
        m_negotiating = false;
        Status status;
        if (!r && !r.error().code.endsWith(u".not_found")) {
            status = std::unexpected(r.error());
        } else if (!r) { // a catalog URL below the version root: speak the 2.1 baseline
            m_microversion = u"2.1"_s;
        } else {
            const QString max = r->json.value(u"version").toObject().value(u"version").toString();
            const auto [major, minor] = parseVersion(max);
            // An endpoint without microversions (or an unexpected document) gets the 2.1 baseline.
            m_microversion = major == 2 ? u"2."_s + QString::number(std::min(minor, PreferredMinor)) : u"2.1"_s;
            qCDebug(lcXloud) << "compute API: server max" << max << "- using" << m_microversion;
        }
        const auto pending = std::exchange(m_pending, {});
        for (const auto& p : pending)
            p(status);
    });
}

void ComputeClient::flavors(Callback<QList<Flavor>> done)
{
    negotiated([this, done](Status s) {
        if (!s)
            return done(std::unexpected(s.error()));
        get(
            u"/flavors/detail"_s, tr("list flavors"),
            [done](Result<RestReply> r) {
                if (!r)
                    return done(std::unexpected(r.error()));
                QList<Flavor> out;
                for (const QJsonValue& v : r->json.value(u"flavors").toArray())
                    out.append(Flavor::fromJson(v.toObject()));
                std::sort(out.begin(), out.end(), [](const Flavor& a, const Flavor& b) {
                    return std::tie(a.vcpus, a.ramMiB, a.name) < std::tie(b.vcpus, b.ramMiB, b.name);
                });
                done(out);
            },
            QUrlQuery(u"limit=1000"_s));
    });
}

void ComputeClient::availabilityZones(Callback<QList<AvailabilityZone>> done)
{
    negotiated([this, done](Status s) {
        if (!s)
            return done(std::unexpected(s.error()));
        get(u"/os-availability-zone"_s, tr("list compute availability zones"), [done](Result<RestReply> r) {
            if (!r)
                return done(std::unexpected(r.error()));
            QList<AvailabilityZone> out;
            for (const QJsonValue& v : r->json.value(u"availabilityZoneInfo").toArray()) {
                const QJsonObject z = v.toObject();
                out.append(
                    {z.value(u"zoneName").toString(), z.value(u"zoneState").toObject().value(u"available").toBool()});
            }
            done(out);
        });
    });
}

void ComputeClient::limits(Callback<QList<QuotaItem>> done)
{
    negotiated([this, done](Status s) {
        if (!s)
            return done(std::unexpected(s.error()));
        get(u"/limits"_s, tr("read the compute limits"), [done](Result<RestReply> r) {
            if (!r)
                return done(std::unexpected(r.error()));
            const QJsonObject a = r->json.value(u"limits").toObject().value(u"absolute").toObject();
            auto item = [&](const QString& name, const char* max, const char* used) {
                return QuotaItem {name, a.value(QLatin1StringView(max)).toInteger(-1),
                                  a.value(QLatin1StringView(used)).toInteger(), 0};
            };
            done(QList<QuotaItem> {item(u"instances"_s, "maxTotalInstances", "totalInstancesUsed"),
                                   item(u"cores"_s, "maxTotalCores", "totalCoresUsed"),
                                   item(u"ram"_s, "maxTotalRAMSize", "totalRAMUsed")});
        });
    });
}

void ComputeClient::createServer(const ServerSpec& spec, Callback<Server> done)
{
    negotiated([this, spec, done](Status s) {
        if (!s)
            return done(std::unexpected(s.error()));
        postJson(
            u"/servers"_s, spec.toJson(), tr("create server '%1'").arg(spec.name), [spec, done](Result<RestReply> r) {
                if (!r)
                    return done(std::unexpected(r.error()));
                Server created = Server::fromJson(r->json.value(u"server").toObject());
                created.name = spec.name;
                created.status = u"BUILD"_s;
                if (created.id.isEmpty())
                    return done(fail(u"xloud.bad_response"_s, tr("Nova accepted the server but did not say its id."),
                                     QString::fromUtf8(r->body.left(300))));
                done(created);
            });
    });
}

void ComputeClient::server(const QString& id, Callback<Server> done)
{
    negotiated([this, id, done](Status s) {
        if (!s)
            return done(std::unexpected(s.error()));
        get(u"/servers/"_s + id, tr("show server %1").arg(id), [done](Result<RestReply> r) {
            if (!r)
                return done(std::unexpected(r.error()));
            done(Server::fromJson(r->json.value(u"server").toObject()));
        });
    });
}

void ComputeClient::findServers(const QString& name, Callback<QList<Server>> done)
{
    negotiated([this, name, done](Status s) {
        if (!s)
            return done(std::unexpected(s.error()));
        // Nova matches "name" as a regular expression: anchor it, then compare exactly.
        const QString pattern = u'^' + QRegularExpression::escape(name) + u'$';
        get(
            u"/servers/detail"_s, tr("find servers named '%1'").arg(name),
            [name, done](Result<RestReply> r) {
                if (!r)
                    return done(std::unexpected(r.error()));
                QList<Server> out;
                for (const QJsonValue& v : r->json.value(u"servers").toArray())
                    if (v.toObject().value(u"name").toString() == name)
                        out.append(Server::fromJson(v.toObject()));
                done(out);
            },
            QUrlQuery({{u"name"_s, pattern}}));
    });
}

WaitHandle ComputeClient::waitForStatus(const QString& id, const QString& status, Callback<Server> done,
                                        WaitOptions options)
{
    return Waiter<Server>::start(
        this, options, tr("server %1 to become %2").arg(id, status),
        [this, id](Callback<Server> cb) { server(id, std::move(cb)); },
        [status](const Server& s) -> std::optional<Result<Server>> {
            if (s.status == status)
                return s;
            if (s.status == u"ERROR") {
                const QString why = s.fault ? s.fault->message : tr("Nova gave no reason");
                return fail(
                    u"xloud.server.error"_s,
                    tr("Server '%1' failed to build: %2. Check the flavor, volumes and ports, then try again.")
                        .arg(s.name, why),
                    s.fault
                        ? QStringLiteral("fault %1: %2 %3").arg(s.fault->code).arg(s.fault->message, s.fault->details)
                        : QString());
            }
            return std::nullopt;
        },
        std::move(done));
}

void ComputeClient::action(const QString& id, const QString& name, const QString& verb, StatusCallback done)
{
    negotiated([this, id, name, verb, done](Status s) {
        if (!s)
            return done(s);
        postJson(u"/servers/"_s + id + u"/action"_s, QJsonObject {{name, QJsonValue()}},
                 tr("%1 server %2").arg(verb, id),
                 [done](Result<RestReply> r) { done(r ? Status() : std::unexpected(r.error())); });
    });
}

void ComputeClient::stopServer(const QString& id, StatusCallback done)
{
    action(id, u"os-stop"_s, tr("stop"), done);
}
void ComputeClient::startServer(const QString& id, StatusCallback done)
{
    action(id, u"os-start"_s, tr("start"), done);
}

void ComputeClient::deleteServer(const QString& id, StatusCallback done)
{
    negotiated([this, id, done](Status s) {
        if (!s)
            return done(s);
        remove(u"/servers/"_s + id, tr("delete server %1").arg(id), done);
    });
}

WaitHandle ComputeClient::waitDeleted(const QString& id, StatusCallback done, WaitOptions options)
{
    // "Gone" is the 404 of the show call; the waiter sees it as an error and turns it into success.
    return Waiter<Server>::start(
        this, options, tr("server %1 to be deleted").arg(id),
        [this, id](Callback<Server> cb) {
            server(id, [cb](Result<Server> r) {
                if (!r && r.error().code.endsWith(u".not_found"))
                    return cb(Server {}); // id empty = gone
                cb(std::move(r));
            });
        },
        [](const Server& s) -> std::optional<Result<Server>> {
            if (s.id.isEmpty())
                return s;
            if (s.status == u"ERROR" && s.taskState.isEmpty())
                return fail(u"xloud.server.delete_failed"_s,
                            tr("Nova could not delete server '%1': %2. Delete it in the Xloud dashboard.")
                                .arg(s.name, s.fault ? s.fault->message : QString()));
            return std::nullopt;
        },
        [done](Result<Server> r) { done(r ? Status() : std::unexpected(r.error())); });
}

} // namespace xms::xloud
