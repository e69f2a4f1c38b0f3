#include "labfaults.h"

#include "testutil.h"
#include "xloudlab.h"

namespace xms::test {

namespace {
QString control(const QString& path)
{
    return QString::fromUtf8(requireEnv("XMS_LAB_FAULT_URL")) + path;
}
} // namespace

CloudRecord labTlsCloud(const QString& name)
{
    CloudRecord c = labCloud(name);
    c.authUrl = QString::fromUtf8(requireEnv("XMS_LAB_TLS_AUTH_URL"));
    c.tls.mode = TlsPolicy::Mode::CaFile;
    c.tls.caFile = QString::fromUtf8(requireEnv("XMS_LAB_CA_BUNDLE"));
    return c;
}

QJsonObject Fault::toJson() const
{
    QJsonObject o {{QStringLiteral("action"), action}, {QStringLiteral("nth"), nth}};
    if (!service.isEmpty())
        o.insert(u"service", service);
    if (!method.isEmpty())
        o.insert(u"method", method);
    if (!path.isEmpty())
        o.insert(u"path", path);
    if (status)
        o.insert(u"status", status);
    if (seconds > 0)
        o.insert(u"seconds", seconds);
    if (!phase.isEmpty())
        o.insert(u"phase", phase);
    if (!message.isEmpty())
        o.insert(u"message", message);
    if (offset >= 0)
        o.insert(u"offset", double(offset));
    return o;
}

LabFaults::LabFaults()
{
    clear();
    clearRequests();
}

LabFaults::~LabFaults()
{
    clear();
    clearRequests();
}

int LabFaults::add(const Fault& fault)
{
    QJsonObject reply;
    const int status = rawCall("POST", control(QStringLiteral("/faults")), {}, fault.toJson(), &reply);
    if (status != 201)
        qWarning() << "the fault proxy refused" << fault.toJson() << "-" << status << reply;
    return status == 201 ? reply.value(u"id").toInt() : -1;
}

int LabFaults::plainCatalog(const QString& serviceType)
{
    QJsonObject reply;
    const int status = rawCall(
        "POST", control(QStringLiteral("/faults")), {},
        {{QStringLiteral("action"), QStringLiteral("plain_catalog")}, {QStringLiteral("service_type"), serviceType}},
        &reply);
    return status == 201 ? reply.value(u"id").toInt() : -1;
}

void LabFaults::clear()
{
    if (rawCall("DELETE", control(QStringLiteral("/faults")), {}) != 200)
        qWarning() << "could not clear the fault proxy's rules at" << control(QStringLiteral("/faults"));
}

QJsonObject LabFaults::rule(int id) const
{
    QJsonObject reply;
    rawCall("GET", control(QStringLiteral("/faults")), {}, {}, &reply);
    for (const QJsonValue& r : reply.value(u"faults").toArray())
        if (r.toObject().value(u"id").toInt() == id)
            return r.toObject();
    return {};
}

QJsonArray LabFaults::requests(const QString& service) const
{
    QJsonObject reply;
    rawCall("GET", control(QStringLiteral("/requests")), {}, {}, &reply);
    QJsonArray out;
    for (const QJsonValue& r : reply.value(u"requests").toArray())
        if (service.isEmpty() || r.toObject().value(u"service").toString() == service)
            out.append(r);
    return out;
}

void LabFaults::clearRequests()
{
    rawCall("DELETE", control(QStringLiteral("/requests")), {});
}

} // namespace xms::test
