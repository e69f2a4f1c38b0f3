#pragma once

#include "moref.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QUrl>

namespace xms::vsphere {

struct XmlElement;

// One file of an export lease (HttpNfcLeaseDeviceUrl).
struct LeaseDevice
{
    QString key; // "/vm-42/VirtualLsiLogicController0:0"
    QUrl url; // "*" already replaced by the host the session talks to
    QByteArray sslThumbprint; // normalized SHA-1 hex of the serving host's certificate; may be empty
    bool disk = false;
    QString targetId;
    qint64 fileSize = -1; // when the server tells

    // The controller bus and unit from the key ("…Controller0:1" → 0, 1); false when the key has none.
    bool busAndUnit(int& bus, int& unit) const;
};

struct LeaseInfo
{
    MoRef lease;
    int leaseTimeoutSec = 300;
    qint64 totalDiskCapacityKB = 0;
    QList<LeaseDevice> devices;

    // host and port (those of the session) replace "*" in device URLs: vSphere's "the host you reached me by".
    static LeaseInfo fromXml(const MoRef& lease, const XmlElement& info, const QString& host, int port);
};

} // namespace xms::vsphere
