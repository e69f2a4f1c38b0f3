#pragma once

#include <QHash>
#include <QMutex>
#include <QString>

namespace xms {

// At most N disk exports at once per ESXi host (an ESXi host serves NFC exports from one management
// agent; too many at once slow all of them and can time leases out). Process-wide: the worker's slots
// may run several jobs against one host. The key is the VM's host when the inventory cache knows it,
// else the vCenter/ESXi address the environment points at.
class ExportGate
{
public:
    static ExportGate& instance();
    bool tryAcquire(const QString& host, int limit);
    void release(const QString& host);
    int running(const QString& host) const;

private:
    mutable QMutex m_mutex;
    QHash<QString, int> m_running;
};

} // namespace xms
