#pragma once

#include "serviceclient.h"
#include "types.h"
#include "waiter.h"

namespace xms::xloud {

// Nova (compute API v2.1) for one project: what the project may use, and the migrated instance's
// lifecycle. The microversion is negotiated once per client (the server's maximum, capped at
// PreferredMicroversion) and sent on every request.
class ComputeClient : public ServiceClient
{
    Q_OBJECT

public:
    static constexpr int PreferredMinor = 67; // 2.67: boot-from-volume with BDM v2, ports, AZ, fault
    ComputeClient(Session* session, QString project, QObject* parent = nullptr);

    QString microversion() const { return m_microversion; } // "2.67" once negotiated

    void flavors(Callback<QList<Flavor>> done);
    void availabilityZones(Callback<QList<AvailabilityZone>> done);
    // instances, cores, ram (MiB) from GET /limits.
    void limits(Callback<QList<QuotaItem>> done);

    // Answers as soon as Nova accepted the request (status BUILD): the id goes in the ledger first.
    void createServer(const ServerSpec& spec, Callback<Server> done);
    void server(const QString& id, Callback<Server> done);
    // The project's servers named exactly name — how cleanup finds one whose id never came back.
    void findServers(const QString& name, Callback<QList<Server>> done);
    // Until the server is in status (normally ACTIVE). ERROR fails with "xloud.server.error" and the fault.
    WaitHandle waitForStatus(const QString& id, const QString& status, Callback<Server> done, WaitOptions options = {});
    void stopServer(const QString& id, StatusCallback done);
    void startServer(const QString& id, StatusCallback done);
    void deleteServer(const QString& id, StatusCallback done); // already gone counts as done
    WaitHandle waitDeleted(const QString& id, StatusCallback done, WaitOptions options = {});

protected:
    void decorate(Request& request) override;

private:
    // Runs then() once the microversion is known.
    void negotiated(std::function<void(Status)> then);
    void action(const QString& id, const QString& name, const QString& verb, StatusCallback done);

    QString m_microversion;
    bool m_negotiating = false;
    QList<std::function<void(Status)>> m_pending;
};

} // namespace xms::xloud
