#pragma once

#include "model/records.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

// The lab's TLS and fault proxy (tests/lab/proxy) from Qt tests: the cloud over https, and faults set
// on its control port (XMS_LAB_FAULT_URL). A missing lab variable fails the test loudly.
namespace xms::test {

// The member user of labCloud(), but reached through the proxy over https and trusting the lab CA
// (XMS_LAB_CA_BUNDLE) as the cloud record's CA bundle.
CloudRecord labTlsCloud(const QString& name);

// One fault: for requests to service ("keystone", "glance", "cinder", "neutron", "nova") matching method
// and the path regex (searched in "path?query"), on the nth occurrence (0: every one). action: "drop",
// "reset", "stall" (seconds), "status" (status: 401/403/409/413/500/503), "corrupt" (the request goes on
// with its body's byte at `offset` inverted); phase "after" lets the cloud do the request and loses its
// answer. See tests/lab/proxy/faultproxy.py.
struct Fault
{
    QString service {};
    QString method {};
    QString path {};
    QString action {};
    int nth = 0;
    int status = 0;
    double seconds = 0;
    QString phase {}; // "" = before
    QString message {}; // for "status": the error body's message
    qint64 offset = -1; // for "corrupt": the body byte to invert
    QJsonObject toJson() const;
};

class LabFaults
{
public:
    // Starts from no faults and an empty request log; clears both again when it goes.
    LabFaults();
    ~LabFaults();
    LabFaults(const LabFaults&) = delete;
    LabFaults& operator=(const LabFaults&) = delete;

    int add(const Fault& fault); // the rule's id; -1 (with a warning) when the proxy refused it
    int plainCatalog(const QString& serviceType); // leave this catalog type on plain http
    void clear(); // every rule (the request log stays)
    QJsonObject rule(int id) const; // with "seen" (matching requests) and "fired" counts
    // The requests the proxy saw since the last clearRequests(): service, method, path, status or fault.
    QJsonArray requests(const QString& service = {}) const;
    void clearRequests();
};

} // namespace xms::test
