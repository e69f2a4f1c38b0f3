#pragma once

#include "serviceclient.h"
#include "types.h"
#include "waiter.h"

namespace xms::xloud {

// Cinder (Block Storage v3) for one project: volume types, zones, quota usage, and the volumes a
// migration writes.
class BlockStorageClient : public ServiceClient
{
    Q_OBJECT

public:
    BlockStorageClient(Session* session, QString project, QObject* parent = nullptr);

    void volumeTypes(Callback<QList<VolumeType>> done);
    void availabilityZones(Callback<QList<AvailabilityZone>> done);
    // os-quota-sets?usage=true: volumes, gigabytes, snapshots, and the per-type quotas.
    void quotaUsage(Callback<QList<QuotaItem>> done);

    // Answers as soon as Cinder accepted the request (status "creating"): the id goes in the ledger first.
    void createVolume(const VolumeSpec& spec, Callback<Volume> done);
    void volume(const QString& id, Callback<Volume> done);
    // The project's volumes named exactly name — how cleanup finds one whose id never came back.
    void findVolumes(const QString& name, Callback<QList<Volume>> done);
    // Until "available", through creating/downloading. "error" fails with "xloud.volume.error", naming
    // Cinder's own explanation when it has one (user messages API).
    WaitHandle waitAvailable(const QString& id, Callback<Volume> done, WaitOptions options = {});
    void setBootable(const QString& id, bool bootable, StatusCallback done);
    void setImageMetadata(const QString& id, const QMap<QString, QString>& metadata, StatusCallback done);
    void deleteVolume(const QString& id, StatusCallback done); // already gone counts as done
    WaitHandle waitDeleted(const QString& id, StatusCallback done, WaitOptions options = {});
    // Deletes a volume and waits until it is gone. Cinder refuses to delete one that is still creating,
    // copying its image or detaching (as after its server was just deleted), so this first waits for it to
    // settle — an attachment that stays for a minute is then left to Cinder's refusal, which names it.
    void removeVolume(const QString& id, StatusCallback done, WaitOptions options = {});

private:
    void action(const QString& id, const QJsonObject& body, const QString& what, StatusCallback done);
    void explainError(const Volume& v, Callback<Volume> done);
};

} // namespace xms::xloud
