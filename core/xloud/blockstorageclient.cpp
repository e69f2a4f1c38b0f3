#include "blockstorageclient.h"

#include <QElapsedTimer>

using namespace Qt::StringLiterals;

namespace xms::xloud {

BlockStorageClient::BlockStorageClient(Session* session, QString project, QObject* parent)
    : ServiceClient(session, Service::BlockStorage, std::move(project), parent)
{
}

void BlockStorageClient::volumeTypes(Callback<QList<VolumeType>> done)
{
    get(u"/types"_s, tr("list volume types"), [done](Result<RestReply> r) {
        if (!r)
            return done(std::unexpected(r.error()));
        QList<VolumeType> out;
        for (const QJsonValue& v : r->json.value(u"volume_types").toArray())
            out.append(VolumeType::fromJson(v.toObject()));
        std::sort(out.begin(), out.end(), [](const VolumeType& a, const VolumeType& b) { return a.name < b.name; });
        done(out);
    });
}

void BlockStorageClient::availabilityZones(Callback<QList<AvailabilityZone>> done)
{
    get(u"/os-availability-zone"_s, tr("list volume availability zones"), [done](Result<RestReply> r) {
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
}

void BlockStorageClient::quotaUsage(Callback<QList<QuotaItem>> done)
{
    // The project id is in the URL: it is known once a token was obtained, so ask for the endpoint first.
    endpoint([this, done](Result<QUrl> ep) {
        if (!ep)
            return done(std::unexpected(ep.error()));
        get(
            u"/os-quota-sets/"_s + projectId(), tr("read the volume quota"),
            [done](Result<RestReply> r) {
                if (!r)
                    return done(std::unexpected(r.error()));
                QList<QuotaItem> out;
                const QJsonObject set = r->json.value(u"quota_set").toObject();
                for (auto it = set.begin(); it != set.end(); ++it) {
                    if (!it->isObject())
                        continue; // "id"
                    const QJsonObject q = it->toObject();
                    out.append({it.key(), q.value(u"limit").toInteger(-1), q.value(u"in_use").toInteger(),
                                q.value(u"reserved").toInteger()});
                }
                done(out);
            },
            QUrlQuery(u"usage=true"_s));
    });
}

void BlockStorageClient::createVolume(const VolumeSpec& spec, Callback<Volume> done)
{
    postJson(u"/volumes"_s, spec.toJson(), tr("create volume '%1'").arg(spec.name), [done](Result<RestReply> r) {
        if (!r)
            return done(std::unexpected(r.error()));
        const Volume v = Volume::fromJson(r->json.value(u"volume").toObject());
        if (v.id.isEmpty())
            return done(fail(u"xloud.bad_response"_s, tr("Cinder accepted the volume but did not say its id."),
                             QString::fromUtf8(r->body.left(300))));
        done(v);
    });
}

void BlockStorageClient::volume(const QString& id, Callback<Volume> done)
{
    get(u"/volumes/"_s + id, tr("show volume %1").arg(id), [done](Result<RestReply> r) {
        if (!r)
            return done(std::unexpected(r.error()));
        done(Volume::fromJson(r->json.value(u"volume").toObject()));
    });
}

void BlockStorageClient::findVolumes(const QString& name, Callback<QList<Volume>> done)
{
    get(
        u"/volumes/detail"_s, tr("find volumes named '%1'").arg(name),
        [name, done](Result<RestReply> r) {
            if (!r)
                return done(std::unexpected(r.error()));
            QList<Volume> out;
            for (const QJsonValue& v : r->json.value(u"volumes").toArray())
                if (v.toObject().value(u"name").toString() == name)
                    out.append(Volume::fromJson(v.toObject()));
            done(out);
        },
        QUrlQuery({{u"name"_s, name}}));
}

void BlockStorageClient::explainError(const Volume& v, Callback<Volume> done)
{
    // Cinder's user messages (microversion 3.3) say why a volume went to error: no valid backend, a
    // failed image download …
    Request r;
    r.path = u"/messages"_s;
    r.query = QUrlQuery({{u"resource_uuid"_s, v.id}});
    r.headers.append({QByteArrayLiteral("OpenStack-API-Version"), QByteArrayLiteral("volume 3.3")});
    r.action = tr("read Cinder's messages about volume %1").arg(v.id);
    send(r, [v, done](Result<RestReply> reply) {
        QStringList why;
        if (reply)
            for (const QJsonValue& m : reply->json.value(u"messages").toArray())
                why.append(m.toObject().value(u"user_message").toString());
        done(fail(u"xloud.volume.error"_s,
                  tr("Volume '%1' went to status '%2'%3. Check the volume type, zone and image, then try again.")
                      .arg(v.name.isEmpty() ? v.id : v.name, v.status,
                           why.isEmpty() ? QString() : QString(u": "_s + why.join(u"; "_s))),
                  u"volume "_s + v.id));
    });
}

WaitHandle BlockStorageClient::waitAvailable(const QString& id, Callback<Volume> done, WaitOptions options)
{
    static const QStringList transitional
        = {u"creating"_s,    u"downloading"_s, u"uploading"_s, u"retyping"_s, u"extending"_s,
           u"maintenance"_s, u"reserved"_s,    u"attaching"_s, u"detaching"_s};
    auto errored = std::make_shared<std::optional<Volume>>();
    return Waiter<Volume>::start(
        this, options, tr("volume %1 to become available").arg(id),
        [this, id](Callback<Volume> cb) { volume(id, std::move(cb)); },
        [errored](const Volume& v) -> std::optional<Result<Volume>> {
            if (v.status == u"available")
                return v;
            if (transitional.contains(v.status))
                return std::nullopt;
            *errored = v; // explained (asynchronously) below
            return fail(u"xloud.volume.error"_s, v.status);
        },
        [this, errored, done](Result<Volume> r) {
            if (!r && errored->has_value())
                return explainError(**errored, done);
            done(std::move(r));
        });
}

void BlockStorageClient::action(const QString& id, const QJsonObject& body, const QString& what, StatusCallback done)
{
    postJson(u"/volumes/"_s + id + u"/action"_s, body, what,
             [done](Result<RestReply> r) { done(r ? Status() : std::unexpected(r.error())); });
}

void BlockStorageClient::setBootable(const QString& id, bool bootable, StatusCallback done)
{
    action(id, {{u"os-set_bootable"_s, QJsonObject {{u"bootable"_s, bootable}}}}, tr("mark volume %1 bootable").arg(id),
           std::move(done));
}

void BlockStorageClient::setImageMetadata(const QString& id, const QMap<QString, QString>& metadata,
                                          StatusCallback done)
{
    action(id, {{u"os-set_image_metadata"_s, QJsonObject {{u"metadata"_s, toJson(metadata)}}}},
           tr("set the image metadata of volume %1").arg(id), std::move(done));
}

void BlockStorageClient::deleteVolume(const QString& id, StatusCallback done)
{
    remove(u"/volumes/"_s + id, tr("delete volume %1").arg(id), std::move(done));
}

WaitHandle BlockStorageClient::waitDeleted(const QString& id, StatusCallback done, WaitOptions options)
{
    return Waiter<Volume>::start(
        this, options, tr("volume %1 to be deleted").arg(id),
        [this, id](Callback<Volume> cb) {
            volume(id, [cb](Result<Volume> r) {
                if (!r && r.error().code.endsWith(u".not_found"))
                    return cb(Volume {}); // id empty = gone
                cb(std::move(r));
            });
        },
        [](const Volume& v) -> std::optional<Result<Volume>> {
            if (v.id.isEmpty())
                return v;
            if (v.status == u"error_deleting")
                return fail(u"xloud.volume.delete_failed"_s,
                            tr("Cinder could not delete volume '%1' (status error_deleting). Ask the cloud's "
                               "administrator to reset and delete it.")
                                .arg(v.name.isEmpty() ? v.id : v.name));
            return std::nullopt;
        },
        [done](Result<Volume> r) { done(r ? Status() : std::unexpected(r.error())); });
}

void BlockStorageClient::removeVolume(const QString& id, StatusCallback done, WaitOptions options)
{
    static const QStringList settling
        = {u"creating"_s, u"downloading"_s, u"uploading"_s, u"reserved"_s, u"attaching"_s, u"detaching"_s, u"in-use"_s};
    constexpr qint64 kInUseGraceMs = 60 * 1000;
    auto inUseSince = std::make_shared<QElapsedTimer>();
    Waiter<Volume>::start(
        this, options, tr("volume %1 to settle before it is deleted").arg(id),
        [this, id](Callback<Volume> cb) {
            volume(id, [cb](Result<Volume> r) {
                if (!r && r.error().code.endsWith(u".not_found"))
                    return cb(Volume {}); // id empty = already gone
                cb(std::move(r));
            });
        },
        [inUseSince](const Volume& v) -> std::optional<Result<Volume>> {
            if (v.status == u"in-use") {
                if (!inUseSince->isValid())
                    inUseSince->start();
                if (inUseSince->hasExpired(kInUseGraceMs))
                    return v;
            }
            if (!v.id.isEmpty() && settling.contains(v.status))
                return std::nullopt;
            return v;
        },
        [this, id, done, options](Result<Volume> v) {
            if (!v)
                return done(std::unexpected(v.error()));
            if (v->id.isEmpty())
                return done({});
            auto waitGone = [this, id, done, options](Status s) {
                if (!s)
                    return done(s);
                waitDeleted(id, done, options);
            };
            if (v->status == u"deleting")
                return waitGone({});
            deleteVolume(id, waitGone);
        });
}

} // namespace xms::xloud
