#include "leaseinfo.h"

#include "common/tlspolicy.h"
#include "xmlelement.h"

#include <QRegularExpression>

namespace xms::vsphere {

namespace {
QUrl resolveUrl(QString url, const QString& host, int port)
{
    // "https://*/nfc/…" means "the host you reached me by" (with its port); "https://*:902/…" keeps its port.
    const qsizetype star = url.indexOf(u"://*");
    if (star >= 0) {
        const QString h = host.contains(u':') ? u'[' + host + u']' : host;
        const bool hasPort = url.size() > star + 4 && url.at(star + 4) == u':';
        url.replace(star + 3, 1, hasPort || port == 443 ? h : h + u':' + QString::number(port));
    }
    return QUrl(url);
}
} // namespace

bool LeaseDevice::busAndUnit(int& bus, int& unit) const
{
    static const QRegularExpression re(QStringLiteral("(\\d+):(\\d+)$"));
    const QRegularExpressionMatch m = re.match(key);
    if (!m.hasMatch())
        return false;
    bus = m.captured(1).toInt();
    unit = m.captured(2).toInt();
    return true;
}

LeaseInfo LeaseInfo::fromXml(const MoRef& lease, const XmlElement& info, const QString& host, int port)
{
    LeaseInfo li;
    li.lease = lease;
    const qint64 timeout = info.intAt(u"leaseTimeout", 300);
    li.leaseTimeoutSec = timeout > 0 ? int(qMin<qint64>(timeout, 24 * 3600)) : 300; // keep-alive arithmetic stays sane
    li.totalDiskCapacityKB = info.intAt(u"totalDiskCapacityInKB");
    for (const XmlElement* d : info.all(u"deviceUrl")) {
        LeaseDevice dev;
        dev.key = d->textAt(u"key");
        dev.url = resolveUrl(d->textAt(u"url").trimmed(), host, port);
        dev.sslThumbprint = fingerprint::normalize(d->textAt(u"sslThumbprint"));
        dev.disk = d->boolAt(u"disk");
        dev.targetId = d->textAt(u"targetId");
        dev.fileSize = d->intAt(u"fileSize", -1);
        li.devices.append(dev);
    }
    return li;
}

} // namespace xms::vsphere
