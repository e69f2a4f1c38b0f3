// libFuzzer entry point for the vSphere SOAP response parser and everything built on its tree: faults,
// ServiceContent, RetrievePropertiesEx results into the VM model (and its JSON), lease info and
// LocalizedMethodFault. Built with -fsanitize=fuzzer,address,undefined by tests/fuzz (XMS_FUZZ=ON, clang)
// and, without a fuzzer, into the unit test tst_fuzzsoapreplay — so this file always compiles.
#include "vsphere/inventorybuilder.h"
#include "vsphere/leaseinfo.h"
#include "vsphere/objectcontent.h"
#include "vsphere/servicecontent.h"
#include "vsphere/soapenvelope.h"

#include <QJsonDocument>
#include <QLoggingCategory>
#include <cstdint>
#include <cstdlib>
#include <mutex>

namespace {
void check(bool ok)
{
    if (!ok)
        std::abort(); // a broken promise of the parser is a finding
}

void exercise(const xms::vsphere::XmlElement& returnval)
{
    using namespace xms::vsphere;
    const ServiceContent sc = ServiceContent::fromXml(returnval);
    (void)sc.about.toJson();
    const LeaseInfo lease = LeaseInfo::fromXml(MoRef {}, returnval, QStringLiteral("127.0.0.1"), 18443);
    check(lease.leaseTimeoutSec > 0);
    for (const LeaseDevice& d : lease.devices) {
        int bus = 0, unit = 0;
        (void)d.busAndUnit(bus, unit);
    }
    const xms::Error e = localizedFaultError(returnval, QStringLiteral("fuzz"));
    check(!e.code.isEmpty() && !e.message.isEmpty());
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    using namespace xms::vsphere;
    static std::once_flag quiet;
    std::call_once(quiet, [] { QLoggingCategory::setFilterRules(QStringLiteral("xms.*=false")); });

    const QByteArray body(reinterpret_cast<const char*>(data), qsizetype(size));
    const xms::Result<SoapReply> reply = parseEnvelope(body);
    if (!reply) {
        check(reply.error().code == u"vsphere.bad_response" && !reply.error().message.isEmpty());
        return 0;
    }
    if (reply->fault) {
        const xms::Error e = faultError(*reply->fault, QStringLiteral("Fuzz"));
        check(e.code.startsWith(u"vsphere.") && !e.message.isEmpty() && !reply->fault->type.isEmpty());
        return 0;
    }
    if (const XmlElement* rv = reply->returnval())
        exercise(*rv);

    QList<ObjectContent> objects;
    bool notAuthenticated = false;
    (void)parseRetrieveResult(reply->returnval(), objects, &notAuthenticated);
    Inventory inv;
    inv.vms = InventoryBuilder::build(objects);
    for (const VmInfo& vm : inv.vms) {
        check(vm.totalDiskBytes() >= 0);
        for (const DiskInfo& d : vm.disks)
            check(d.capacityBytes >= 0);
        check(inv.find(vm.name) != nullptr);
    }
    // The model survives its own JSON (what the CLI prints and the engine stores), text included.
    const QJsonObject json = inv.toJson();
    check(Inventory::fromJson(json).toJson() == json);
    const QJsonDocument reparsed = QJsonDocument::fromJson(QJsonDocument(json).toJson(QJsonDocument::Compact));
    check(reparsed.isObject() && Inventory::fromJson(reparsed.object()).vms.size() == inv.vms.size());
    return 0;
}
