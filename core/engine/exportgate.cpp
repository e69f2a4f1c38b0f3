#include "exportgate.h"

namespace xms {

ExportGate& ExportGate::instance()
{
    static ExportGate gate;
    return gate;
}

bool ExportGate::tryAcquire(const QString& host, int limit)
{
    QMutexLocker lock(&m_mutex);
    int& n = m_running[host];
    if (n >= std::max(1, limit))
        return false;
    ++n;
    return true;
}

void ExportGate::release(const QString& host)
{
    QMutexLocker lock(&m_mutex);
    if (auto it = m_running.find(host); it != m_running.end() && --*it <= 0)
        m_running.erase(it);
}

int ExportGate::running(const QString& host) const
{
    QMutexLocker lock(&m_mutex);
    return m_running.value(host);
}

} // namespace xms
